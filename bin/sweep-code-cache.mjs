/**
 * Keeps the code cache's folder (.cache/code/, bin/load-parts.mjs) from
 * piling up, wherever the project is: a project that runs another
 * checkout's bin/ uses that checkout's cache.
 */
import { readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { mayBeWriting } from './processes.mjs'

/** Caches of one part's text (other Node.js versions or V8 flags) kept beside the one in use. */
const KEEP_PER_PART = 4
/** A temporary file untouched this long, its writer gone, was left by a killed build (write-atomic.ts's rule). */
const UNTOUCHED_FOR_MS = 10 * 60 * 1000
const TEMPORARY = /^\.(.+\.bin)\.(\d+)\.[0-9a-f]{8}\.tmp$/

/**
 * The folder after a build that ran its build part or wrote a cache (never a nothing-changed build): a
 * part's caches of earlier texts go (never read again); of its current text, the one in use and the
 * KEEP_PER_PART others last used (read or written) most recently stay, the rest (Node.js versions and V8
 * flags not used lately) go; so do temporary files of writers gone and untouched for ten minutes.
 * Read times count where the system keeps them (relatime: once a day at most); where it does not, a
 * cache's age is its writing's, and one swept too early is only made again.
 */
export function sweepCodeCache(dir, current, now = Date.now()) {
  const byPart = new Map()
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name)
    // Another build may remove a file between the listing and this.
    const stats = statSync(file, { throwIfNoEntry: false })
    if (!stats?.isFile()) continue
    const temporary = TEMPORARY.exec(name)
    if (temporary) {
      if (now - stats.mtimeMs >= UNTOUCHED_FOR_MS && !mayBeWriting(Number(temporary[2]), stats.mtimeMs)) rmSync(file, { force: true })
      continue
    }
    const [part, id] = name.split('.')
    if (!name.endsWith('.bin') || !(part in current) || name === path.basename(current[part].file)) continue
    if (id !== current[part].id) rmSync(file, { force: true })
    else byPart.set(part, [...(byPart.get(part) ?? []), { file, used: Math.max(stats.atimeMs, stats.mtimeMs) }])
  }
  for (const others of byPart.values()) {
    for (const { file } of others.sort((a, b) => b.used - a.used).slice(KEEP_PER_PART)) rmSync(file, { force: true })
  }
}
