/**
 * Long-running commands stop cleanly however they are told to: SIGTERM or
 * SIGHUP to npm (which forwards only SIGINT and SIGTERM), `timeout`, SIGTERM
 * to a build. No process is left behind, no port stays bound, no lock stays.
 * And the preview answers 404 for a document or language the sources no
 * longer have, though its pages are still on disk.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { finished, startCli } from './helpers/cli.ts'
import { smallProject, makeProject, REPO } from './helpers/project.ts'

const WAIT = { timeout: 30_000, interval: 200 }

/** A project that runs the repository's own `npm run dev` script. */
function devProject(): string {
  const root = makeProject({ 'content/doc.md': '---\ntitle: Stop\n---\n\nText.\n' })
  const scripts = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'stop-test', private: true, type: 'module', scripts: { dev: scripts.dev } }))
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'))
  symlinkSync(path.join(REPO, 'pipeline'), path.join(root, 'pipeline'))
  return root
}

/** Processes whose working folder is `root`: what a stopped command must not leave. */
function processesIn(root: string): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).filter((pid) => {
    try {
      return readlinkSync(`/proc/${pid}/cwd`) === root
    } catch {
      return false
    }
  }).map(Number)
}

async function ready(child: ChildProcess): Promise<string> {
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  await vi.waitFor(() => expect(output).toMatch(/Preview ready in \d+ ms: (\S+)/), { timeout: 60_000, interval: 100 })
  return /Preview ready in \d+ ms: (\S+)/.exec(output)![1]!
}

const answers = (url: string) => fetch(url).then(() => true, () => false)

describe('stopping npm run dev', () => {
  for (const how of ['SIGTERM to npm', 'SIGHUP to npm', 'timeout'] as const) {
    it(`${how}: no process left, the port free`, async () => {
      const root = devProject()
      const command = how === 'timeout' ? ['timeout', '-s', 'TERM', '25', 'npm', 'run', 'dev', '--', '--port', '0'] : ['npm', 'run', 'dev', '--', '--port', '0']
      const child = spawn(command[0]!, command.slice(1), { cwd: root, env: { ...process.env, NODE_OPTIONS: '' } })
      const exited = new Promise((resolve) => child.on('exit', resolve))
      const url = await ready(child)
      expect(await answers(url)).toBe(true)
      if (how !== 'timeout') child.kill(how === 'SIGTERM to npm' ? 'SIGTERM' : 'SIGHUP')
      await exited
      await vi.waitFor(() => expect(processesIn(root)).toEqual([]), WAIT)
      expect(await answers(url)).toBe(false)
    }, 90_000)
  }
})

describe('stopping a build', () => {
  it('SIGTERM and SIGHUP end it with the shell\'s code, the lock released, every listed file whole', async () => {
    for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      const root = smallProject()
      const child = startCli(root, ['--format', 'html,epub'])
      const result = finished(child)
      let seen = ''
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString()
        if (seen.includes('wrote')) child.kill(signal)
      })
      const { code: exitCode, stderr } = await result
      expect(exitCode, signal).toBe(code)
      expect(stderr).toContain(`Build stopped (${signal})`)
      expect(existsSync(path.join(root, 'output/.lock')), signal).toBe(false)
    }
  })
})

describe('the preview after sources are removed', () => {
  it('answers 404 for a deleted document and a removed language', async () => {
    const root = devProject()
    writeFileSync(path.join(root, 'content/gone.md'), '---\ntitle: Gone\n---\n\nText.\n')
    cpSync(path.join(REPO, 'locales/kk/ui.json'), path.join(root, 'locales/kk/ui.json'))
    const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/dev/cli.ts', '--port', '0'], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' } })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    try {
      const url = await ready(child)
      const status = async (page: string) => (await fetch(new URL(page, url))).status
      expect(await status('en/gone.html')).toBe(200)
      expect(await status('kk/doc.html')).toBe(200)
      rmSync(path.join(root, 'content/gone.md'))
      await vi.waitFor(async () => expect(await status('en/gone.html')).toBe(404), WAIT)
      rmSync(path.join(root, 'locales/kk'), { recursive: true })
      await vi.waitFor(async () => expect(await status('kk/doc.html')).toBe(404), WAIT)
      expect(await status('en/doc.html')).toBe(200)
    } finally {
      child.kill('SIGTERM')
      await exited
    }
  }, 90_000)
})
