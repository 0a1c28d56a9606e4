/**
 * What a build's start loads: Node.js's built-in modules the build does not
 * use are never loaded (each 1-2 ms of Node.js 24's start): node:child_process
 * (git, asked only for a commit not seen before), node:perf_hooks (the
 * `performance` global) and node:tty (vfile-reporter's colour check, loaded
 * only to report messages). Through a pipe, as a script or CI runs a build.
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO, smallProject, tempDir } from './helpers/project.ts'

const UNUSED = ['child_process', 'perf_hooks', 'tty']

function builtinsLoaded(project: string, args: string[]) {
  const hook = path.join(tempDir('press-builtins-'), 'hook.cjs')
  writeFileSync(hook, "process.on('exit', () => process.stderr.write('\\nbuiltins: ' + JSON.stringify(process.moduleLoadList.filter((name) => name.startsWith('NativeModule ')).map((name) => name.slice(13))) + '\\n'))\n")
  const child = spawnSync(process.execPath, ['-r', hook, path.join(REPO, 'bin/press.mjs'), 'build', ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
  expect(child.status, child.stderr).toBe(0)
  return { loaded: JSON.parse(/^builtins: (.*)$/m.exec(child.stderr)![1]!) as string[], stdout: child.stdout }
}

describe('a build started through a pipe', () => {
  it('loads no built-in module it does not use, built again or with nothing changed', () => {
    const project = smallProject()
    // The first build makes the caches (fonts, covers, parsed documents) a build again reads.
    builtinsLoaded(project, ['--locale', 'en,kk'])
    const again = builtinsLoaded(project, ['--locale', 'en,kk', '--force'])
    expect(again.stdout).toContain('editions written')
    expect(again.loaded.filter((name) => UNUSED.includes(name))).toEqual([])
    const unchanged = builtinsLoaded(project, ['--locale', 'en,kk'])
    expect(unchanged.stdout).toContain('Nothing changed')
    expect(unchanged.loaded.filter((name) => UNUSED.includes(name))).toEqual([])
  })
})
