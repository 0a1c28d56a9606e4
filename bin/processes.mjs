/**
 * Whether the process that wrote something (a lock, a temporary file whose
 * name carries its id, a bundling's folder) may still be writing. A process
 * id alone can mislead: the system gives a killed writer's id to a later
 * process, and in a container every run often gets the same small id. So a
 * process's start time (from /proc, where the system has it) is compared too.
 *
 * Plain JavaScript in bin/, as bin/press.mjs runs it before the bundle
 * exists (removing a killed bundling's folder) and bin/load-parts.mjs after
 * (sweeping the code cache); the pipeline's output code imports it too
 * (pipeline/output/lock.ts, write-atomic.ts), and esbuild bundles it there.
 */
import { readFileSync } from 'node:fs'

/**
 * Clock ticks a second in /proc's times: USER_HZ, which the kernel fixes at 100 for user space on every
 * architecture Node.js runs on, whatever its own tick (CONFIG_HZ), because programs have long counted on
 * it (only Alpha and IA-64, which Node.js does not support, differ). Asking `getconf CLK_TCK` would cost a
 * process in every build for the same answer.
 */
const USER_HZ = 100

/** Whether a process with this id exists (one we may not signal still exists). */
export function isRunning(pid) {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/** When the process started, in clock ticks since boot; undefined without /proc (or when it is gone). */
export function processStart(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count fields after its last `)`.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

/**
 * When the process started, in milliseconds since the epoch; undefined without /proc. From the boot time
 * /proc/stat gives in whole seconds (and moves with the clock when it is set), and USER_HZ.
 */
export function processStartedAt(pid) {
  const ticks = processStart(pid)
  let boot
  try {
    boot = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]
  } catch {
    return undefined
  }
  return ticks === undefined || boot === undefined ? undefined : Number(boot) * 1000 + (Number(ticks) * 1000) / USER_HZ
}

/**
 * Whether the process `pid` may still be writing a file last changed at `changedMs`: it runs, and it
 * started before that change (a process started after it is another one given the writer's id). The
 * boot time is known to a second: a second's grace.
 */
export function mayBeWriting(pid, changedMs) {
  if (!isRunning(pid)) return false
  const started = processStartedAt(pid)
  return started === undefined || changedMs >= started - 1000
}
