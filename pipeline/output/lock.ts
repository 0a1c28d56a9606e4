/**
 * One build at a time per output folder: `<out>/.lock` holds the process id
 * of the build that writes there; a second build waits for it. A lock whose
 * process is gone (a build killed with SIGKILL, a crash) is taken over.
 *
 * Why not proper-lockfile: it judges a lock stale by a timestamp the holder
 * refreshes on a timer, and a PDF render can block the event loop for
 * longer than any sensible staleness window; a process id cannot go stale
 * while its build is alive, however busy.
 */
import { randomBytes } from 'node:crypto'
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { isRunning } from './write-atomic.ts'

export interface LockOptions {
  /** Called once when another build holds the lock and this one starts waiting. */
  onWait?: (holder: number) => void
  /** Give up after this long (default 10 minutes) with a message saying what to do. */
  timeoutMs?: number
}

export interface OutputLock {
  release: () => Promise<void>
}

const POLL_MS = 100
/** Locks this process holds: its own id in a lock file means "mine" only if listed here. */
const held = new Set<string>()

export async function lockOutput(dir: string, options: LockOptions = {}): Promise<OutputLock> {
  const lockPath = path.join(dir, '.lock')
  // The lock appears with its content already written: link() of a complete file is atomic.
  const mine = path.join(dir, `.lock.${process.pid}.${randomBytes(4).toString('hex')}`)
  await writeFile(mine, `${process.pid}\n`)
  const started = Date.now()
  let waiting = false
  try {
    for (;;) {
      if (!held.has(lockPath)) {
        try {
          await link(mine, lockPath)
          held.add(lockPath)
          return { release: () => release(lockPath) }
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        }
      }
      const holder = await readHolder(lockPath)
      const mineFromBefore = holder === process.pid && !held.has(lockPath)
      if (holder === undefined || mineFromBefore || !isRunning(holder)) {
        await removeStale(lockPath, holder)
        continue
      }
      if (!waiting) {
        waiting = true
        options.onWait?.(holder)
      }
      if (Date.now() - started > (options.timeoutMs ?? 10 * 60_000)) {
        throw new Error(
          `Another build (process ${holder}) is still writing to ${dir}: wait for it to finish or stop it; ` +
          `if no build is running, delete ${lockPath}`
        )
      }
      await sleep(POLL_MS)
    }
  } finally {
    await rm(mine, { force: true })
  }
}

async function readHolder(lockPath: string): Promise<number | undefined> {
  const text = await readFile(lockPath, 'utf8').catch(() => '')
  return /^\d+\n?$/.test(text) ? Number(text) : undefined
}

/**
 * Move the stale lock aside before deleting it, and check it is the one
 * judged stale: if another waiter replaced it with a live lock meanwhile,
 * that lock is put back.
 */
async function removeStale(lockPath: string, holder: number | undefined): Promise<void> {
  const aside = `${lockPath}.stale.${process.pid}.${randomBytes(4).toString('hex')}`
  try {
    await rename(lockPath, aside)
  } catch {
    return // already gone: try again to take it
  }
  if ((await readHolder(aside)) !== holder) await link(aside, lockPath).catch(() => {})
  await rm(aside, { force: true })
}

async function release(lockPath: string): Promise<void> {
  if (!held.delete(lockPath)) return
  if ((await readHolder(lockPath)) === process.pid) await rm(lockPath, { force: true })
}
