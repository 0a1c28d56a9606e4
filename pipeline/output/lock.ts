/**
 * One build at a time per output folder: `<out>/.lock` holds the process id
 * of the build that writes there and the time that process started (from
 * /proc/<pid>/stat, where the system has it); a second build waits for it. A
 * lock whose process is gone (a build killed with SIGKILL, a crash), or whose
 * process id now belongs to another process (started at another time), is
 * taken over.
 *
 * Why not proper-lockfile: it judges a lock stale by a timestamp the holder
 * refreshes on a timer, and a PDF render can block the event loop for
 * longer than any sensible staleness window; a process id cannot go stale
 * while its build is alive, however busy.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, unlinkSync } from 'node:fs'
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describeOsError } from './os-error.ts'
import { isRunning, processStart } from '../../bin/processes.mjs'

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
  await writeFile(mine, lockText(process.pid)).catch((error: unknown) => {
    throw describeOsError(error, mine, 'write')
  })
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
      const text = await readLock(lockPath)
      const holder = holderOf(text)
      const mineFromBefore = holder?.pid === process.pid && !held.has(lockPath)
      if (holder === undefined || mineFromBefore || !isHolding(holder)) {
        await removeStale(lockPath, text)
        continue
      }
      if (!waiting) {
        waiting = true
        options.onWait?.(holder.pid)
      }
      if (Date.now() - started > (options.timeoutMs ?? 10 * 60_000)) {
        throw new Error(
          `Another build (process ${holder.pid}) is still writing to ${dir}: wait for it to finish or stop it; ` +
          `if no build is running, delete ${lockPath}`
        )
      }
      await sleep(POLL_MS)
    }
  } finally {
    await rm(mine, { force: true })
  }
}

interface Holder {
  pid: number
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat field 22); undefined where unknown. */
  started?: string | undefined
}

async function readLock(lockPath: string): Promise<string> {
  return readFile(lockPath, 'utf8').catch(() => '')
}

/** `<pid>\n` (older builds) or `<pid> <start time>\n`. */
function holderOf(text: string): Holder | undefined {
  const match = /^(\d+)(?: (\d+))?\n?$/.exec(text)
  return match ? { pid: Number(match[1]), started: match[2] } : undefined
}

function lockText(pid: number): string {
  const started = processStart(pid)
  return started ? `${pid} ${started}\n` : `${pid}\n`
}

/** The lock's process is alive and is the same process that took the lock (not a later one given its id). */
function isHolding(holder: Holder): boolean {
  if (!isRunning(holder.pid)) return false
  if (holder.started === undefined) return true
  const started = processStart(holder.pid)
  return started === undefined || started === holder.started
}

/**
 * Move the stale lock aside before deleting it, and check it is the one
 * judged stale: if another waiter replaced it with a live lock meanwhile,
 * that lock is put back.
 */
async function removeStale(lockPath: string, judged: string): Promise<void> {
  const aside = `${lockPath}.stale.${process.pid}.${randomBytes(4).toString('hex')}`
  try {
    await rename(lockPath, aside)
  } catch {
    return // already gone: try again to take it
  }
  if ((await readLock(aside)) !== judged) await link(aside, lockPath).catch(() => {})
  await rm(aside, { force: true })
}

/**
 * On a stop signal, before the process exits: remove the locks this process
 * holds (synchronously, as nothing asynchronous runs after exit), so the next
 * build neither waits nor has to judge a lock stale.
 */
export function releaseHeldLocksSync(): void {
  for (const lockPath of held) {
    try {
      if (holderOf(readFileSync(lockPath, 'utf8'))?.pid === process.pid) unlinkSync(lockPath)
    } catch {
      // Already gone.
    }
  }
  held.clear()
}

async function release(lockPath: string): Promise<void> {
  if (!held.delete(lockPath)) return
  if (holderOf(await readLock(lockPath))?.pid === process.pid) await rm(lockPath, { force: true })
}
