/**
 * `npm run i18n:review -- kk p.key …`: a translator confirms that a
 * translation is still right for the current source. Its record then says
 * it was made from (and reviewed against) the current source text, so it is
 * no longer outdated. The catalog is not touched.
 */
import { UsageError } from '../report.ts'
import { catalogPath, displayPath, LOCALE_CODE, listLocales, type Project } from '../project.ts'
import { readCatalog } from '../i18n/catalog.ts'
import { expectedEntries } from './expected-entries.ts'
import { loadSources } from './sources.ts'
import { orderedLike, readRecord, recordOf, recordPath, writeRecord } from './translation-record.ts'


export interface Reviewed {
  ns: string
  key: string
  /** The catalog file, project-relative. */
  file: string
}

export async function review(project: Project, locale: string, keys: readonly string[]): Promise<Reviewed[]> {
  if (!LOCALE_CODE.test(locale) || locale === project.sourceLocale || !(await listLocales(project)).includes(locale)) {
    throw new UsageError(`Unknown locale \`${locale}\`, expected a translation such as: ${(await listLocales(project)).filter((item) => item !== project.sourceLocale).join(', ')}`)
  }
  const sources = await loadSources(project)
  const expected = new Map([...sources.namespaces].map(([ns, source]) => [ns, expectedEntries(source, locale)]))
  const byNs = new Map<string, string[]>()
  for (const asked of keys) {
    const { ns, key } = resolveKey(asked, expected)
    byNs.set(ns, [...(byNs.get(ns) ?? []), key])
  }
  const done: Reviewed[] = []
  for (const [ns, nsKeys] of byNs) {
    const file = displayPath(project, catalogPath(project, locale, ns))
    const catalog = await readCatalog(catalogPath(project, locale, ns), file)
    const recordFile = recordPath(project, locale, ns)
    const previous = await readRecord(recordFile, displayPath(project, recordFile))
    const record = new Map(previous)
    for (const key of nsKeys) {
      const value = catalog.entries.get(key)?.value ?? ''
      if (value.trim() === '') throw new UsageError(`Unexpected review of \`${key}\`: ${file} has no translation for it, expected a value to confirm`)
      record.set(key, recordOf(expected.get(ns)!.get(key)!, value, true))
      done.push({ ns, key, file })
    }
    await writeRecord(recordFile, orderedLike(record, expected.get(ns)!), previous)
  }
  return done
}

/** `ns:key`, or a bare key when exactly one namespace has it. */
function resolveKey(asked: string, expected: ReadonlyMap<string, ReadonlyMap<string, string>>): { ns: string; key: string } {
  const colon = asked.indexOf(':')
  if (colon > 0 && expected.get(asked.slice(0, colon))?.has(asked.slice(colon + 1))) return { ns: asked.slice(0, colon), key: asked.slice(colon + 1) }
  const owners = [...expected].filter(([, entries]) => entries.has(asked)).map(([ns]) => ns)
  if (owners.length === 1) return { ns: owners[0]!, key: asked }
  if (owners.length > 1) throw new UsageError(`Ambiguous key \`${asked}\`, expected one of: ${owners.map((ns) => `${ns}:${asked}`).join(', ')}`)
  throw new UsageError(`Unknown key \`${asked}\`, expected a key of the source catalogs (see \`npm run i18n:status\`)`)
}
