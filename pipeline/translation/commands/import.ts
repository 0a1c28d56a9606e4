/** `npm run i18n:import -- FILE …`: translations back from XLIFF 2.0, XLIFF 1.2 or PO into the catalogs. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describeOsError } from '../../output/os-error.ts'
import { createProject, displayPath } from '../../project.ts'
import { importFile } from '../exchange/formats.ts'
import { parseCommand, UsageError } from './usage.ts'

const USAGE = 'npm run i18n:import -- [--locale kk] FILE [FILE…]   (.xlf in XLIFF 2.0 or 1.2, or .po; --locale for a file that does not name its language)'

export async function run(args: string[], root: string): Promise<number> {
  const { positionals, values } = parseCommand(args, { options: { locale: { type: 'string' } }, allowPositionals: true }, USAGE)
  if (positionals.length === 0) throw new UsageError(`Expected an XLIFF or PO file\nUsage: ${USAGE}`)
  const project = createProject(root)
  let refused = 0
  for (const name of positionals) {
    const file = path.resolve(root, name)
    const shown = displayPath(project, file)
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new UsageError(`${(describeOsError(error, file, 'read') as Error).message}; expected an XLIFF or PO file`)
    })
    const result = await importFile(project, text, shown, values.locale ? { locale: values.locale } : {})
    console.log(`${shown} (${result.locale}): ${result.updated} updated, ${result.confirmed} confirmed, ${result.drafts.length} draft${result.drafts.length === 1 ? '' : 's'} not imported`)
    for (const written of result.written) console.log(`  wrote ${written}`)
    for (const key of result.drafts) console.error(`  warning: ${key}: a draft (state initial or fuzzy), not imported: set it to translated in your tool when it is done`)
    for (const key of result.untagged) console.error(`  warning: ${key}: made while its source held HTML tags, which no edition shows and the catalog no longer holds: taken without them, its words kept`)
    for (const reason of result.skipped) console.error(`  warning: skipped ${reason}`)
    for (const reason of result.refused) console.error(`  error: refused ${reason}`)
    refused += result.refused.length
  }
  return refused > 0 ? 1 : 0
}
