/** Whether a process with this id exists (one we may not signal still exists). */
export function isRunning(pid: number): boolean
/** When the process started, in clock ticks since boot; undefined without /proc (or when it is gone). */
export function processStart(pid: number): string | undefined
/** When the process started, in milliseconds since the epoch; undefined without /proc. */
export function processStartedAt(pid: number): number | undefined
/** Whether the process `pid` may still be writing a file last changed at `changedMs`. */
export function mayBeWriting(pid: number, changedMs: number): boolean
