/**
 * A failure keeps the last good state. A language whose catalog breaks keeps
 * its previous editions published and linked, and changes no byte of the
 * other languages (they still name it «Қазақша»). A full disk (a tmpfs) or a
 * read-only folder is one line naming the file and the reason; the lock is
 * released and the previous editions and manifest stay true.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { runCli } from './helpers/cli.ts'
import { smallProject, makeProject, tempDir } from './helpers/project.ts'

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex')
/** Every file of a folder (not the lock, marker or temporary folder) → sha256. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
  return new Map(files.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).filter((file) => !file.startsWith('.')).map((file) => [file, sha(readFileSync(path.join(dir, file)))]))
}
function manifestIsTrue(dir: string): void {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> }
  for (const entry of manifest.files) expect(sha(readFileSync(path.join(dir, entry.path))), entry.path).toBe(entry.sha256)
}

describe('a failed language', () => {
  it('keeps its editions published and linked, and the other languages\' bytes and its own name', async () => {
    const root = smallProject()
    const out = path.join(root, 'output')
    expect((await build({ root, formats: ['html'] })).failures).toEqual([])
    const before = snapshot(out)
    // The status page shows the error: the fonts only it linked go with its old text (no page uses them).
    const linkedBy = (page: string) => new Set([...readFileSync(path.join(out, page), 'utf8').matchAll(/"(?:\.\.\/)?(fonts\/[^"]+)"/g)].map((match) => match[1]!))
    const elsewhere = new Set([...before.keys()].filter((file) => file.endsWith('.html') && file !== 'status.html').flatMap((page) => [...linkedBy(page)]))
    const statusOnly = new Set([...linkedBy('status.html')].filter((font) => !elsewhere.has(font)))
    // A syntax error the way an editor makes one (a comma after the last entry, a stray character): the
    // locale fails, and what can still be read of it keeps the index and the other pages as they were.
    const breakings: Array<[string, (text: string) => string]> = [
      ['interview.json', (text) => text.replace(/\n}\s*$/, ',\n}\n')],
      ['ui.json', (text) => text.replace(/\n}\s*$/, ',\n}\n')]
    ]
    for (const [name, breakIt] of breakings) {
      const file = path.join(root, 'locales/kk', name)
      const good = readFileSync(file)
      writeFileSync(file, breakIt(good.toString('utf8')))
      expect(readFileSync(file)).not.toEqual(good)
      const result = await build({ root, formats: ['html'] })
      expect(result.failures.map((failure) => failure.locale)).toEqual(['kk'])
      const after = snapshot(out)
      for (const [file, digest] of before) {
        if (file === 'status.html' || file === 'manifest.json' || statusOnly.has(file)) continue // it shows the error; the manifest lists it
        expect(after.get(file), `${name}: ${file}`).toBe(digest)
      }
      expect(readFileSync(path.join(out, 'en/interview.html'), 'utf8')).toContain('Қазақша')
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('href="kk/interview.html"')
      manifestIsTrue(out)
      writeFileSync(file, good)
    }
  })
})

const mounted: string[] = []
afterEach(() => {
  for (const dir of mounted.splice(0)) execFileSync('umount', [dir])
})

function tmpfs(size: string): string {
  const dir = tempDir('press-tmpfs-')
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir])
  mounted.push(dir)
  return dir
}

/** Fill the file system of `dir`, then free `spare` bytes: small files still fit, an edition does not. */
function fill(dir: string, spare: number): void {
  writeFileSync(path.join(dir, 'spare'), Buffer.alloc(spare, 1))
  const handle = openSync(path.join(dir, 'filler'), 'w')
  try {
    for (;;) writeSync(handle, Buffer.alloc(16384, 1))
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
  } finally {
    closeSync(handle)
  }
  rmSync(path.join(dir, 'spare'))
}

const DOC = (words: string) => `---\ntitle: Disk\n---\n\n${words}\n\n${'A sentence that fills the page. '.repeat(200)}\n`
const ARGS = ['--locale', 'en']

describe('a full or read-only disk', () => {
  it('full: one line per file naming it and the reason, the lock released, the previous editions and manifest true', () => {
    const root = makeProject({ 'content/doc.md': DOC('First version.') })
    const disk = tmpfs('2m')
    const out = path.join(disk, 'out')
    expect(runCli(root, [...ARGS, '--out', out]).code).toBe(0)
    const before = snapshot(out)
    writeFileSync(path.join(root, 'content/doc.md'), DOC('Second version, longer than the first.'))
    fill(disk, 4096)
    const { code, stderr } = runCli(root, [...ARGS, '--out', out])
    expect(code).toBe(1)
    expect(stderr).toMatch(/Cannot write .*out\/[^ ]+: the disk is full \(ENOSPC\): free some space, or build into another folder with --out/)
    expect(stderr).not.toMatch(/suppressed|\n\s+at /)
    expect(existsSync(path.join(out, '.lock'))).toBe(false)
    expect(readdirSync(path.join(out, '.tmp'))).toEqual([])
    manifestIsTrue(out)
    for (const file of before.keys()) expect(existsSync(path.join(out, file)), file).toBe(true)
    rmSync(path.join(disk, 'filler'))
    expect(runCli(root, [...ARGS, '--out', out]).code).toBe(0)
  })

  it('read-only: one line naming the file and the reason, nothing changed; a new folder under it too', () => {
    const root = makeProject({ 'content/doc.md': DOC('First version.') })
    const disk = tmpfs('2m')
    const out = path.join(disk, 'out')
    expect(runCli(root, [...ARGS, '--out', out]).code).toBe(0)
    const before = snapshot(out)
    execFileSync('mount', ['-o', 'remount,ro', disk])
    writeFileSync(path.join(root, 'content/doc.md'), DOC('Second version.'))
    for (const target of [out, path.join(disk, 'new/deeper')]) {
      const { code, stderr } = runCli(root, [...ARGS, '--out', target])
      expect(code, target).toBe(1)
      expect(stderr.trim().split('\n'), target).toHaveLength(1)
      expect(stderr).toMatch(/^error: Cannot (write|create) \S+: the file system is read-only \(EROFS\): build into a writable folder with --out$/m)
    }
    expect(snapshot(out)).toEqual(before)
  })
})
