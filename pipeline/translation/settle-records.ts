/**
 * Keeps every translation's record (translated-from.json) in step with the
 * catalogs, run by `i18n:extract` before the source catalog moves on. A value
 * a translator edited since it was recorded (or one never recorded) was made
 * from the source as the source catalog had it until now, so it is recorded
 * against that text; only then does the source change, and the untouched
 * translations of changed segments become outdated. Entries for values that
 * are gone, or for keys the source no longer has, are dropped.
 */
import { isCatalogFailure } from '../messages.ts'
import { catalogPath, displayPath, listLocales, type Project } from '../project.ts'
import { describeMessage } from '../report.ts'
import { onlyTagsLeft } from '../content/untrusted-text.ts'
import { readCatalog, valuesOf } from '../i18n/catalog.ts'
import { expectedEntries } from './expected-entries.ts'
import { hashValue, readRecord, recordOf, recordPath, writeRecord, type TranslationRecord } from './translation-record.ts'

export interface SettleResult {
  /** Record files written (project-relative). */
  written: string[]
  /** Locales skipped because a catalog or record cannot be read. */
  skipped: Array<{ locale: string; reason: string }>
}

/**
 * @param before namespace → source text until now (what translators saw)
 * @param after namespace → source text from now on
 */
export async function settleRecords(
  project: Project,
  before: ReadonlyMap<string, ReadonlyMap<string, string>>,
  after: ReadonlyMap<string, ReadonlyMap<string, string>>
): Promise<SettleResult> {
  const result: SettleResult = { written: [], skipped: [] }
  for (const locale of await listLocales(project)) {
    if (locale === project.sourceLocale) continue
    try {
      const updates: Array<{ file: string; record: TranslationRecord; previous: TranslationRecord }> = []
      for (const [ns, source] of after) {
        const catalog = await readCatalog(catalogPath(project, locale, ns), displayPath(project, catalogPath(project, locale, ns)))
        const file = recordPath(project, locale, ns)
        const previous = await readRecord(file, displayPath(project, file))
        const values = valuesOf(catalog)
        const record = settle(expectedEntries(before.get(ns) ?? source, locale), expectedEntries(source, locale), values, previous)
        updates.push({ file, record, previous })
      }
      // Read everything first: a locale with one unreadable file is left untouched.
      for (const { file, record, previous } of updates) if (await writeRecord(file, record, previous)) result.written.push(displayPath(project, file))
    } catch (error) {
      if (!isCatalogFailure(error)) throw error
      result.skipped.push({ locale, reason: describeMessage(error, project.root) })
    }
  }
  return result
}

/** The new record of one namespace: pure. */
export function settle(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
  values: ReadonlyMap<string, string>,
  previous: TranslationRecord
): TranslationRecord {
  const record: TranslationRecord = new Map()
  for (const [key, source] of after) {
    const value = values.get(key)
    if (value === undefined || value.trim() === '') continue
    const made = previous.get(key)
    // A source whose only change is its HTML tags leaving says what the translation was made from: still current.
    const from = (shown: string) => (onlyTagsLeft(shown, source) ? source : shown)
    if (made && made.translation === hashValue(value)) record.set(key, from(made.source) === made.source ? made : { ...made, source })
    else record.set(key, recordOf(from(before.get(key) ?? source), value))
  }
  return record
}
