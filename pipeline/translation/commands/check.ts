/** `npm run i18n:check`: lint every catalog; exit 1 on any problem. */
import { createProject } from '../../project.ts'
import { formatProblem } from '../../report.ts'
import { check } from '../lint/check.ts'
import { parseCommand } from './usage.ts'

export async function run(args: string[], root: string): Promise<number> {
  parseCommand(args, { options: {} }, 'npm run i18n:check')
  const { problems, skipped } = await check(createProject(root))
  for (const problem of problems) console.error(formatProblem(problem))
  for (const reason of skipped) console.error(`warning: not checked, its source cannot be read: ${reason}`)
  console.log(problems.length === 0 ? 'i18n:check: no problems' : `i18n:check: ${problems.length} problem${problems.length === 1 ? '' : 's'}`)
  return problems.length > 0 ? 1 : 0
}
