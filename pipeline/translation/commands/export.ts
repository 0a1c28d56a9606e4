/** `npm run i18n:export -- --locale kk [--format xliff] [--out FILE]`: XLIFF 2.0 for translators' tools. */
import path from 'node:path'
import { writeAtomic } from '../../output/write-atomic.ts'
import { createProject, displayPath, listLocales } from '../../project.ts'
import { exportXliff } from '../exchange/export-xliff.ts'
import { parseCommand, UsageError } from './usage.ts'

const USAGE = 'npm run i18n:export -- --locale kk [--format xliff] [--out FILE]'

export async function run(args: string[], root: string): Promise<number> {
  const { values } = parseCommand(args, {
    options: { locale: { type: 'string', multiple: true }, format: { type: 'string', default: 'xliff' }, out: { type: 'string' } }
  }, USAGE)
  const project = createProject(root)
  const known = (await listLocales(project)).filter((locale) => locale !== project.sourceLocale)
  const locales = values.locale?.flatMap((item) => item.split(',')) ?? []
  if (values.format !== 'xliff') throw new UsageError(`Unknown format \`${values.format}\`, expected: xliff\nUsage: ${USAGE}`)
  if (locales.length === 0) throw new UsageError(`Expected --locale, one of: ${known.join(', ')}\nUsage: ${USAGE}`)
  if (values.out && locales.length > 1) throw new UsageError(`Expected one --locale with --out\nUsage: ${USAGE}`)
  for (const locale of locales) {
    if (!known.includes(locale)) throw new UsageError(`Unknown locale \`${locale}\`, expected one of: ${known.join(', ')}`)
    const file = path.resolve(root, values.out ?? path.join('output', 'translations', `${locale}.xlf`))
    await writeAtomic(file, await exportXliff(project, locale))
    console.log(`wrote ${displayPath(project, file)}`)
  }
  return 0
}
