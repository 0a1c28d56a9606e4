/**
 * How a long-running command is told to stop: Ctrl-C in a terminal
 * (SIGINT to the whole process group), SIGTERM from a process manager,
 * `timeout` or an editor's task runner, SIGHUP when its terminal closes, or
 * the program that started it going away (npm killed, for one: npm forwards
 * SIGINT and SIGTERM to the script, not SIGHUP). Each ends the command the
 * same clean way.
 */
import { constants } from 'node:os'

export type StopReason = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'parent exited'
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** Calls `stop` once, on the first of the signals or when the parent process is gone. */
export function onStop(stop: (reason: StopReason) => void): void {
  let stopped = false
  const once = (reason: StopReason) => {
    if (stopped) return
    stopped = true
    stop(reason)
  }
  for (const signal of SIGNALS) process.on(signal, () => once(signal))
  // Orphaned (re-parented to init or a subreaper): whoever started this is gone.
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) once('parent exited')
  }, 500).unref()
}

/** The exit code a shell shows for a command ended by `reason` (128 + the signal's number). */
export function exitCodeOf(reason: StopReason): number {
  return reason === 'parent exited' ? 1 : 128 + constants.signals[reason]
}
