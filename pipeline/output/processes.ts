/**
 * Whether the process that wrote something (a lock, a temporary file whose
 * name carries its id) may still be writing. A process id alone can mislead:
 * the system gives a killed writer's id to a later process, and in a
 * container every run often gets the same small id. So a process's start
 * time (from /proc, where the system has it) is compared too.
 */
import { readFileSync } from 'node:fs'

/** Whether a process with this id exists (one we may not signal still exists). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** When the process started, in clock ticks since boot; undefined without /proc (or when it is gone). */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count fields after its last `)`.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

/**
 * When the process started, in milliseconds since the epoch; undefined without /proc. /proc counts in
 * USER_HZ, 100 ticks a second on Linux whatever the kernel's own tick, from the boot time /proc/stat gives
 * in whole seconds (and moves with the clock when it is set).
 */
export function processStartedAt(pid: number): number | undefined {
  const ticks = processStart(pid)
  let boot: string | undefined
  try {
    boot = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]
  } catch {
    return undefined
  }
  return ticks === undefined || boot === undefined ? undefined : Number(boot) * 1000 + Number(ticks) * 10
}

/**
 * Whether the process `pid` may still be writing a file last changed at `changedMs`: it runs, and it
 * started before that change (a process started after it is another one given the writer's id). The
 * boot time is known to a second: a second's grace.
 */
export function mayBeWriting(pid: number, changedMs: number): boolean {
  if (!isRunning(pid)) return false
  const started = processStartedAt(pid)
  return started === undefined || changedMs >= started - 1000
}
