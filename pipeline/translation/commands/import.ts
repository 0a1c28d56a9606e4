/** `npm run i18n:import -- FILE.xlf …`: translations back from XLIFF 2.0 into the catalogs. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { createProject, displayPath } from '../../project.ts'
import { importXliff } from '../exchange/import-xliff.ts'
import { parseCommand, UsageError } from './usage.ts'

const USAGE = 'npm run i18n:import -- FILE.xlf [FILE.xlf…]'

export async function run(args: string[], root: string): Promise<number> {
  const { positionals } = parseCommand(args, { options: {}, allowPositionals: true }, USAGE)
  if (positionals.length === 0) throw new UsageError(`Expected an XLIFF file\nUsage: ${USAGE}`)
  const project = createProject(root)
  for (const name of positionals) {
    const file = path.resolve(root, name)
    const result = await importXliff(project, await readFile(file, 'utf8'), displayPath(project, file))
    console.log(`${displayPath(project, file)} (${result.locale}): ${result.updated} updated, ${result.confirmed} confirmed`)
    for (const written of result.written) console.log(`  wrote ${written}`)
    for (const reason of result.skipped) console.error(`  warning: skipped ${reason}`)
  }
  return 0
}
