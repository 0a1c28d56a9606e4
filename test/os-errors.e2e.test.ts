/**
 * Operating-system errors are one line with the path and what to do, with
 * the right exit code; output closed early (EPIPE: a command piped into
 * `head`) ends the command quietly, after it finished its writes, with no
 * lock left. (Full and read-only disks: last-good-state.e2e.test.ts; --out
 * naming a file: output-confinement.test.ts.)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CLI, runCli } from './helpers/cli.ts'
import { smallProject, REPO, tempDir } from './helpers/project.ts'

const TSX = pathToFileURL(createRequire(path.join(REPO, 'package.json')).resolve('tsx')).href
const I18N = path.join(REPO, 'pipeline/translation/cli.ts')
const MERGE = path.join(REPO, 'pipeline/merge-manifests.ts')

/** `command | head -n 0`: the reader is gone before the first write. Returns the command's exit code and stderr. */
function intoClosedPipe(cwd: string, script: string, args: string[]): { code: number; stderr: string } {
  const errors = path.join(tempDir(), 'stderr')
  const quoted = [process.execPath, '--import', TSX, script, ...args].map((part) => `'${part}'`).join(' ')
  const shell = spawnSync('bash', ['-c', `${quoted} 2>'${errors}' | head -n 0; exit "\${PIPESTATUS[0]}"`], { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
  return { code: shell.status!, stderr: readFileSync(errors, 'utf8') }
}

describe('closed output (EPIPE)', () => {
  it('i18n:status into a closed pipe ends quietly with its own exit code', () => {
    const root = smallProject()
    expect(intoClosedPipe(root, I18N, ['status'])).toEqual({ code: 0, stderr: '' })
  })

  it('a build into a closed pipe writes everything, releases the lock and ends quietly', () => {
    const root = smallProject()
    expect(intoClosedPipe(root, CLI, ['--format', 'html'])).toEqual({ code: 0, stderr: '' })
    expect(existsSync(path.join(root, 'output/.lock'))).toBe(false)
    for (const locale of ['en', 'ar', 'kk', 'ru', 'zh']) expect(existsSync(path.join(root, `output/${locale}/interview.html`)), locale).toBe(true)
    expect(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')).toContain('zh/interview.html')
  })
})

describe('files that are not there', () => {
  it('i18n:import of a missing file or a folder: one line naming it, exit 2', () => {
    const root = smallProject()
    mkdirSync(path.join(root, 'folder.xlf'))
    for (const [name, why] of [['missing.xlf', 'it or a folder on its path does not exist \\(ENOENT\\): check the path'], ['folder.xlf', 'a folder is in the way \\(EISDIR\\)']]) {
      const { code, stderr } = runCli(root, ['import', name!], {}, I18N)
      expect(code, name).toBe(2)
      expect(stderr.trim().split('\n'), name).toHaveLength(1)
      expect(stderr).toMatch(new RegExp(`^error: Cannot read ${name}: ${why}.*; expected an XLIFF or PO file$`, 'm'))
    }
  })

  it('merge-manifests with a missing or invalid manifest: one line naming it', () => {
    const root = tempDir()
    writeFileSync(path.join(root, 'broken.json'), '{ "files": [')
    writeFileSync(path.join(root, 'other.json'), '{ "files": [] }')
    const missing = runCli(root, ['gone/manifest.json'], {}, MERGE)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^error: Cannot read gone\/manifest\.json: it or a folder on its path does not exist \(ENOENT\): check the path\n$/)
    const broken = runCli(root, ['broken.json'], {}, MERGE)
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/^error: Unexpected content in broken\.json: .+, expected the manifest\.json a build wrote\n$/)
    const other = runCli(root, ['other.json'], {}, MERGE)
    expect(other.stderr).toBe('error: Unexpected content in other.json: not a manifest of polyglot-press, expected the manifest.json a build wrote\n')
    expect(existsSync(path.join(root, 'output/manifest.json'))).toBe(false)
  })
})
