/**
 * A command whose output is piped into `head` (or a pager that quits) must
 * end quietly: Node.js ignores SIGPIPE, so each later write to the closed
 * stdout raises EPIPE, which would print a stack trace, or stop a build
 * between two files with its lock left behind. From the first EPIPE on,
 * output is dropped and the command finishes its work (a build writes its
 * files, manifest and lock as always), then exits as it would have.
 */
export function endQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') return
      throw error
    })
  }
}
