/** `npm run i18n:export -- --locale kk [--format xliff|xliff12|po] [--out FILE]`: a file for translators' tools. */
import path from 'node:path'
import { writeAtomic } from '../../output/write-atomic.ts'
import { createProject, displayPath, listLocales } from '../../project.ts'
import { exportFile, exportTermbase, FORMATS, type Format } from '../exchange/formats.ts'
import { parseCommand, UsageError } from './usage.ts'

const USAGE = 'npm run i18n:export -- --locale kk [--format xliff|xliff12|po] [--out FILE]'

export async function run(args: string[], root: string): Promise<number> {
  const { values } = parseCommand(args, {
    options: { locale: { type: 'string', multiple: true }, format: { type: 'string', default: 'xliff' }, out: { type: 'string' } }
  }, USAGE)
  const project = createProject(root)
  const known = (await listLocales(project)).filter((locale) => locale !== project.sourceLocale)
  const locales = values.locale?.flatMap((item) => item.split(',')) ?? []
  const format = values.format as Format
  if (!Object.hasOwn(FORMATS, format)) throw new UsageError(`Unknown format \`${values.format}\`, expected one of: ${Object.keys(FORMATS).join(', ')}\nUsage: ${USAGE}`)
  if (locales.length === 0) throw new UsageError(`Expected --locale, one of: ${known.join(', ')}\nUsage: ${USAGE}`)
  if (values.out && locales.length > 1) throw new UsageError(`Expected one --locale with --out\nUsage: ${USAGE}`)
  for (const locale of locales) {
    if (!known.includes(locale)) throw new UsageError(`Unknown locale \`${locale}\`, expected one of: ${known.join(', ')}`)
    const file = path.resolve(root, values.out ?? path.join('output', 'translations', fileName(locale, format)))
    await writeAtomic(file, await exportFile(project, locale, format))
    console.log(`wrote ${displayPath(project, file)}`)
    if (format !== 'xliff') {
      // PO and XLIFF 1.2 cannot carry the termbase: TBX beside them.
      const tbx = path.join(path.dirname(file), `${locale}.tbx`)
      await writeAtomic(tbx, await exportTermbase(project, locale))
      console.log(`wrote ${displayPath(project, tbx)}`)
    }
  }
  return 0
}

function fileName(locale: string, format: Format): string {
  return format === 'xliff12' ? `${locale}.xliff12.xlf` : `${locale}.${FORMATS[format]}`
}
