/**
 * A process killed with SIGKILL while a cache file was on its way into place
 * (a cover, a font subset, an edition, a parsed document, a hyphenation
 * table, the git dates) leaves its temporary file in .cache/. The next build
 * removes those whose writer is gone (or whose process id now belongs to a
 * process started after the file was written) and that nothing has changed
 * for ten minutes, and nothing a live process (another build, the preview,
 * one in another container) is writing, nor any other file.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { removeStaleCacheTemporaries } from '../pipeline/output/cache-temporaries.ts'
import { deadPid, smallProject } from './helpers/project.ts'

const running: Array<ReturnType<typeof spawn>> = []
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL')
})

/** A temporary file as write-atomic.ts names it, beside `target` in the cache, last changed `ageMs` ago. */
function temporary(cacheDir: string, target: string, pid: number, ageMs = 3_600_000): string {
  const file = path.join(cacheDir, path.dirname(target), `.${path.basename(target)}.${pid}.0123abcd.tmp`)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, 'half a file')
  const changed = new Date(Date.now() - ageMs)
  utimesSync(file, changed, changed)
  return file
}

describe('temporary files in .cache/', () => {
  it('of killed writers are removed by the next build; a live writer\'s and every other file stay', async () => {
    const root = smallProject()
    const cacheDir = path.join(root, '.cache')
    // The editions' cache writes where a build looks (one folder, not one of 256), and leaves nothing there.
    expect((await build({ root, formats: ['html', 'epub'], locales: ['en'] })).failures).toEqual([])
    const entries = readdirSync(path.join(cacheDir, 'editions'), { recursive: true }).map(String)
    expect(entries.filter((name) => name.endsWith('.bin')).length).toBeGreaterThan(0)
    expect(entries).toContain('.tmp')
    expect(entries.filter((name) => /\.\d+\.[0-9a-f]{8}\.tmp$/.test(name))).toEqual([])

    const dead = deadPid()
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'])
    running.push(alive)
    const killed = ['covers/0a1b.png', 'fonts/2c3d.woff2', 'editions/.tmp/ab12.bin', 'documents/interview.json', 'hyphenation/kk.json', 'git-dates.json', 'last-build-0123456789ab.json']
      .map((target) => temporary(cacheDir, target, dead))
    const kept = [
      // Another build (into another folder) or the preview, writing now; this process's own.
      temporary(cacheDir, 'covers/4e5f.png', alive.pid!, 0), temporary(cacheDir, 'editions/.tmp/cd34.bin', process.pid, 0),
      // Not a cache of ours: npm's and Node.js's folders.
      temporary(cacheDir, 'tools/package.json', dead), temporary(cacheDir, 'compile/v8.cache', dead),
      // Written a minute ago by a process this one cannot see: a build in another container sharing the
      // folder, whose process id means nothing here (or a file server's clock behind ours).
      temporary(cacheDir, 'editions/.tmp/ef56.bin', dead, 60_000), temporary(cacheDir, 'fonts/8c9d.woff2', dead, 9 * 60_000)
    ]
    // A killed writer whose process id the system has given since to a process started after the file was
    // written (in a container, every run may get the same id): this very process, here.
    killed.push(temporary(cacheDir, 'fonts/6a7b.woff2', process.pid))
    const other = path.join(cacheDir, 'covers/notes.tmp')
    writeFileSync(other, 'not a temporary name')

    expect((await build({ root, formats: ['html'] })).failures).toEqual([])
    for (const file of killed) expect(existsSync(file), path.relative(cacheDir, file)).toBe(false)
    for (const file of [...kept, other]) expect(existsSync(file), path.relative(cacheDir, file)).toBe(true)
    // A live writer's file stays for its process's sake alone, not only for its age.
    expect(await removeStaleCacheTemporaries(cacheDir, 0)).toEqual(expect.not.arrayContaining(kept.slice(0, 2)))
    for (const file of kept.slice(0, 2)) expect(existsSync(file), path.relative(cacheDir, file)).toBe(true)
  })
})
