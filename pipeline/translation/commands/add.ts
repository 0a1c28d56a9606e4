/** `npm run i18n:add -- de`: start a new language. */
import { createProject } from '../../project.ts'
import { addLocale } from '../add-locale.ts'
import { parseCommand, UsageError } from './usage.ts'

const USAGE = 'npm run i18n:add -- <language code>'

export async function run(args: string[], root: string): Promise<number> {
  const { positionals } = parseCommand(args, { options: {}, allowPositionals: true }, USAGE)
  if (positionals.length !== 1) throw new UsageError(`Expected one language code\nUsage: ${USAGE}`)
  const code = positionals[0]!
  const { found, created } = await addLocale(createProject(root), code)
  // A partial language (catalogs without ui.json) is completed, its catalogs kept.
  for (const file of found) console.log(`found ${file} (kept as it is)`)
  for (const file of created) console.log(`created ${file}`)
  console.log(`Next: translate the keys of locales/${code}/ (npm run i18n:status lists them), or export them for a translation tool: npm run i18n:export -- --locale ${code}`)
  return 0
}
