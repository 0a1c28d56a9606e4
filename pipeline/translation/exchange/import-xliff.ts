/**
 * `npm run i18n:import -- kk.xlf`: reads translations back from XLIFF 2.0.
 * A changed target replaces the catalog value and is recorded as translated
 * from the source the file showed (so a file made before a source edit
 * comes back outdated, as it should). An unchanged target whose state a
 * translator raised to translated, reviewed or final confirms it. Nothing
 * else is written: export then import leaves every file byte-identical.
 */
import xliff2js from 'xliff/xliff2js'
import { catalogPath, displayPath, listLocales, type Project } from '../../project.ts'
import { nest, readCatalog, stringifyCatalog, valuesOf } from '../../i18n/catalog.ts'
import { expectedEntries } from '../expected-entries.ts'
import { loadSources } from '../sources.ts'
import { hashValue, orderedLike, readRecord, recordOf, recordPath, writeRecord, type TranslationRecord } from '../translation-record.ts'
import { writeAtomic } from '../../output/write-atomic.ts'
import { OUTDATED, readStates, type StateMark } from './segment-states.ts'

export interface ImportResult {
  locale: string
  /** Catalog and record files written. */
  written: string[]
  updated: number
  confirmed: number
  /** Units not imported, with why. */
  skipped: string[]
}

export async function importXliff(project: Project, xml: string, shownPath: string): Promise<ImportResult> {
  const js = await xliff2js(xml).catch((error: unknown) => { throw new Error(`${shownPath}: Unexpected XML (${(error as Error).message}), expected an XLIFF 2.0 file`) })
  const locale = js.targetLanguage
  if (!js.resources || !locale || !(await listLocales(project)).includes(locale) || locale === project.sourceLocale) {
    throw new Error(`${shownPath}: Unexpected target language \`${locale ?? ''}\`, expected an XLIFF 2.0 file for one of the translations in locales/`)
  }
  const states = readStates(xml)
  const sources = await loadSources(project)
  const result: ImportResult = { locale, written: [], updated: 0, confirmed: 0, skipped: [] }
  for (const [ns, units] of Object.entries(js.resources)) {
    const source = sources.namespaces.get(ns)
    if (!source) {
      result.skipped.push(`${ns}: no such namespace in the source`)
      continue
    }
    const expected = expectedEntries(source, locale)
    const file = catalogPath(project, locale, ns)
    const catalog = await readCatalog(file, displayPath(project, file))
    const recordFile = recordPath(project, locale, ns)
    const previous = await readRecord(recordFile, displayPath(project, recordFile))
    const values = valuesOf(catalog)
    const record: TranslationRecord = new Map(previous)
    let changed = false
    for (const [key, unit] of Object.entries(units)) {
      const target = unit.target
      if (!expected.has(key)) result.skipped.push(`${ns}:${key}: no such key in the source`)
      else if (target !== undefined && typeof target !== 'string') result.skipped.push(`${ns}:${key}: inline XLIFF elements, expected plain text`)
      else if (typeof target === 'string' && target.trim() !== '') {
        const shown = typeof unit.source === 'string' ? unit.source : expected.get(key)!
        const mark = states.get(ns)?.get(key) ?? { state: 'translated' }
        if (!sameAsRead(values.get(key), target)) {
          values.set(key, target)
          record.set(key, recordOf(shown, target, isReviewed(mark)))
          changed = true
          result.updated++
        } else if (confirms(mark, record.get(key), shown, values.get(key)!)) {
          record.set(key, recordOf(shown, values.get(key)!, isReviewed(mark)))
          result.confirmed++
        }
      }
    }
    if (changed) {
      await writeAtomic(file, stringifyCatalog(nest(values)))
      result.written.push(displayPath(project, file))
    }
    if (await writeRecord(recordFile, orderedLike(record, expected), previous)) result.written.push(displayPath(project, recordFile))
  }
  return result
}

/**
 * Whether the catalog's value reads back from XLIFF as `target`. The xliff
 * package drops a final newline and the blanks after it (pretty-printing
 * indentation, to it), so such a value is unchanged if the rest is.
 */
function sameAsRead(value: string | undefined, target: string): boolean {
  if (value === undefined) return false
  return value === target || (/\n\s*$/.test(value) && value.slice(0, value.lastIndexOf('\n')) === target)
}

function isReviewed(mark: StateMark): boolean {
  return mark.state === 'reviewed' || mark.state === 'final'
}

/** An untouched value whose state now says more than its record does. */
function confirms(mark: StateMark, made: ReturnType<TranslationRecord['get']>, shown: string, target: string): boolean {
  if (mark.state === 'initial' || mark.subState === OUTDATED) return false
  if (!made || made.translation !== hashValue(target)) return false
  return made.source !== shown || (made.state === 'reviewed') !== isReviewed(mark)
}
