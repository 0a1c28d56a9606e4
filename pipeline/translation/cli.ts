/**
 * `npm run i18n:<command> -- …`: the translation workflow's commands.
 * Each command is a module with `run(args, root) → exit code`; problems are
 * reported as file:line:column and key, never as a stack trace.
 */
import { reportFailure, UsageError } from '../report.ts'
import { endQuietlyWhenOutputCloses } from '../closed-output.ts'

type Command = { run: (args: string[], root: string) => Promise<number> }

const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: () => import('./commands/extract.ts'),
  status: () => import('./commands/status.ts'),
  check: () => import('./commands/check.ts'),
  review: () => import('./commands/review.ts'),
  export: () => import('./commands/export.ts'),
  import: () => import('./commands/import.ts'),
  add: () => import('./commands/add.ts')
}

async function main(): Promise<number> {
  const [name = '', ...args] = process.argv.slice(2)
  const load = COMMANDS[name]
  if (!load) {
    throw new UsageError(`Unknown command \`${name}\`, expected one of: ${Object.keys(COMMANDS).join(', ')}`)
  }
  return (await load()).run(args, process.cwd())
}


endQuietlyWhenOutputCloses()
main().then(
  (code) => { process.exitCode = code },
  (error: unknown) => { process.exitCode = reportFailure(error) }
)
