/**
 * Publishing under failure: a full disk, a crash between two writes, a
 * killed build's leftovers, two builds at once. The file system is made to
 * fail on purpose through a thin wrapper of node:fs/promises.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { build } from '../pipeline/build.ts'
import { OUTPUT_MARKER } from '../pipeline/output/confine.ts'
import { lockOutput } from '../pipeline/output/lock.ts'
import { processStart } from '../bin/processes.mjs'
import { manifestText, readVerifiedManifest } from '../pipeline/output/manifest.ts'
import { openOutput } from '../pipeline/output/publish.ts'
import { isTemporary, removeStaleTemporaries, writeAtomic } from '../pipeline/output/write-atomic.ts'
import { deadPid, makeProject, tempDir } from './helpers/project.ts'

/** Paths whose writes fail, and how. */
const failing = vi.hoisted(() => ({ test: (_file: string): 'full' | 'crash' | undefined => undefined }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...fs,
    open: async (file: string, ...rest: Parameters<typeof fs.open> extends [unknown, ...infer R] ? R : never) => {
      const handle = await fs.open(file, ...rest)
      const how = failing.test(String(file))
      if (!how) return handle
      if (how === 'crash') {
        await handle.close()
        throw Object.assign(new Error('simulated crash'), { code: 'ECRASH' })
      }
      // A full disk: half the bytes reach the file, then the write fails.
      return Object.assign(Object.create(handle), {
        writeFile: async (data: string | Uint8Array) => {
          const bytes = Buffer.from(data)
          await handle.write(bytes.subarray(0, bytes.length >> 1))
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
        },
        close: () => handle.close()
      })
    }
  }
})

afterEach(() => {
  failing.test = () => undefined
})

const sha = (data: string) => createHash('sha256').update(data).digest('hex')
const visible = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((name) => !name.startsWith('.') && !name.includes('/.'))

describe('writeAtomic', () => {
  it('keeps the previous file whole and leaves no temporary file when the disk is full', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'kk/interview.html')
    await writeAtomic(file, '<p>previous edition</p>')
    failing.test = (name) => (isTemporary(name) ? 'full' : undefined)
    await expect(writeAtomic(file, '<p>new edition, much longer than the previous one</p>')).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(readFileSync(file, 'utf8')).toBe('<p>previous edition</p>')
    expect(readdirSync(path.dirname(file))).toEqual(['interview.html'])
  })

  it('leaves no temporary file when the rename fails', async () => {
    const dir = tempDir()
    mkdirSync(path.join(dir, 'taken/inside'), { recursive: true })
    await expect(writeAtomic(path.join(dir, 'taken'), 'x')).rejects.toThrow()
    expect(readdirSync(dir)).toEqual(['taken'])
  })

  it('removes temporary files of builds that are gone from the output folder\'s .tmp/, and nothing anywhere else', async () => {
    const dir = tempDir()
    const dead = deadPid()
    mkdirSync(path.join(dir, '.tmp'))
    mkdirSync(path.join(dir, 'kk'))
    writeFileSync(path.join(dir, `.tmp/.interview.pdf.${dead}.0123abcd.tmp`), 'half')
    writeFileSync(path.join(dir, `.tmp/.index.html.${process.pid}.89abcdef.tmp`), 'being written')
    // Written an hour ago by a killed build whose process id this process has now.
    writeFileSync(path.join(dir, `.tmp/.status.html.${process.pid}.456789ab.tmp`), 'half')
    utimesSync(path.join(dir, `.tmp/.status.html.${process.pid}.456789ab.tmp`), new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000))
    // Someone else's file that merely looks like a temporary one, outside .tmp/: never touched.
    writeFileSync(path.join(dir, `kk/.notes.txt.${dead}.0123abcd.tmp`), 'not ours')
    writeFileSync(path.join(dir, 'kk/interview.pdf'), 'whole')
    const removed = await removeStaleTemporaries(dir)
    expect(removed.map((file) => path.relative(dir, file)).sort()).toEqual([`.tmp/.interview.pdf.${dead}.0123abcd.tmp`, `.tmp/.status.html.${process.pid}.456789ab.tmp`])
    expect(readdirSync(path.join(dir, 'kk')).sort()).toEqual([`.notes.txt.${dead}.0123abcd.tmp`, 'interview.pdf'])
    expect(readdirSync(path.join(dir, '.tmp'))).toEqual([`.index.html.${process.pid}.89abcdef.tmp`])
  })
})

describe('the manifest', () => {
  it('keeps earlier entries only while their files hold exactly those bytes', async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'a.html'), 'A')
    writeFileSync(path.join(dir, 'b.html'), 'B changed by hand')
    writeFileSync(path.join(dir, 'manifest.json'), manifestText([
      { path: 'a.html', document: 'a', locale: 'en', format: 'html', bytes: 1, sha256: sha('A') },
      { path: 'b.html', document: 'b', locale: 'en', format: 'html', bytes: 1, sha256: sha('B') },
      { path: 'gone.html', document: 'g', locale: 'en', format: 'html', bytes: 1, sha256: sha('G') },
      { path: '../outside.html', document: 'o', locale: 'en', format: 'html', bytes: 1, sha256: sha('O') }
    ]))
    expect([...(await readVerifiedManifest(dir)).keys()]).toEqual(['a.html'])
  })

  it('never describes a replaced file by its old bytes, even if the build dies right after replacing it', async () => {
    const dir = tempDir()
    const first = await openOutput(dir)
    await first.publish('en/doc.html', '<p>old</p>', 'doc', 'en', 'html')
    await first.close()
    const second = await openOutput(dir)
    // From now on every write of the manifest fails, as if the process died before it.
    failing.test = (name) => (path.basename(name).startsWith('.manifest.json') ? 'crash' : undefined)
    await expect(second.publish('en/doc.html', '<p>new</p>', 'doc', 'en', 'html')).rejects.toThrow('simulated crash')
    failing.test = () => undefined
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> }
    for (const entry of manifest.files) expect(sha(readFileSync(path.join(dir, entry.path), 'utf8'))).toBe(entry.sha256)
    await second.close()
    expect(visible(dir).sort()).toEqual(['en', 'en/doc.html', 'manifest.json'])
  })

  it('opening the folder removes what a killed build left, and never lists it', async () => {
    const dir = tempDir()
    const dead = deadPid()
    mkdirSync(path.join(dir, '.tmp'))
    writeFileSync(path.join(dir, `.tmp/.doc.pdf.${dead}.0123abcd.tmp`), '%PDF-1.7 half of a fi')
    const output = await openOutput(dir)
    await output.close()
    expect(readdirSync(path.join(dir, '.tmp'))).toEqual([])
    expect(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).not.toContain('.tmp')
  })

  it('merges a partial build with the files earlier builds left', async () => {
    const dir = tempDir()
    const full = await openOutput(dir)
    await full.publish('en/doc.html', 'en', 'doc', 'en', 'html')
    await full.publish('kk/doc.html', 'kk', 'doc', 'kk', 'html')
    await full.close()
    const partial = await openOutput(dir)
    await partial.publish('kk/doc.html', 'kk, edited', 'doc', 'kk', 'html')
    await partial.close()
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> }
    expect(manifest.files.map((entry) => [entry.path, entry.sha256])).toEqual([['en/doc.html', sha('en')], ['kk/doc.html', sha('kk, edited')]])
  })
})

describe('the output lock', () => {
  it('makes a second build wait until the first is done', async () => {
    const dir = tempDir()
    const first = await lockOutput(dir)
    let waitedFor: number | undefined
    let second: Awaited<ReturnType<typeof lockOutput>> | undefined
    const pending = lockOutput(dir, { onWait: (holder) => { waitedFor = holder } }).then((lock) => { second = lock })
    await vi.waitFor(() => expect(waitedFor).toBe(process.pid))
    expect(second).toBeUndefined()
    await first.release()
    await pending
    expect(second).toBeDefined()
    await second!.release()
    expect(readdirSync(dir)).toEqual([])
  })

  it('takes over the lock of a build that was killed, or of this process id from before a restart', async () => {
    for (const stale of [`${deadPid()}\n`, `${process.pid}\n`, '']) {
      const dir = tempDir()
      writeFileSync(path.join(dir, '.lock'), stale)
      const onWait = vi.fn()
      const lock = await lockOutput(dir, { onWait })
      expect(onWait).not.toHaveBeenCalled()
      expect(readFileSync(path.join(dir, '.lock'), 'utf8')).toBe(`${process.pid} ${processStart(process.pid)}\n`)
      await lock.release()
    }
  })

  it('takes over a lock whose process id now belongs to another process (another start time), and waits for a live one', async () => {
    const dir = tempDir()
    const other = process.ppid
    writeFileSync(path.join(dir, '.lock'), `${other} ${Number(processStart(other)) + 1}\n`)
    const onWait = vi.fn()
    const lock = await lockOutput(dir, { onWait })
    expect(onWait).not.toHaveBeenCalled()
    await lock.release()
    writeFileSync(path.join(dir, '.lock'), `${other} ${processStart(other)}\n`)
    await expect(lockOutput(dir, { onWait, timeoutMs: 200 })).rejects.toThrow(`Another build (process ${other}) is still writing`)
    expect(onWait).toHaveBeenCalledWith(other)
  })

  it('is released when a build throws, so the next build in the same process does not wait', async () => {
    const root = makeProject({ 'content/doc.md': '# Doc\n\nText.\n' })
    mkdirSync(path.join(root, 'output/index.html/taken'), { recursive: true })
    writeFileSync(path.join(root, 'output', OUTPUT_MARKER), '')
    await expect(build({ root, formats: ['html'] })).rejects.toThrow(/EISDIR|directory/)
    expect(readdirSync(path.join(root, 'output'))).not.toContain('.lock')
    const manifest = JSON.parse(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')) as { files: Array<{ path: string }> }
    expect(manifest.files.map((entry) => entry.path).filter((file) => file.endsWith('.html'))).toEqual(['en/doc.html'])
  })

  it('gives up with a message saying what to do when the other build does not finish', async () => {
    const dir = tempDir()
    const holder = await lockOutput(dir)
    await expect(lockOutput(dir, { timeoutMs: 300 })).rejects.toThrow(
      `Another build (process ${process.pid}) is still writing to ${dir}: wait for it to finish or stop it; if no build is running, delete ${path.join(dir, '.lock')}`
    )
    await holder.release()
  })
})
