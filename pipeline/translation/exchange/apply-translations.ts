/**
 * Translations read from an exchange file (XLIFF 2.0, XLIFF 1.2, PO) into
 * the catalogs and records. A changed target replaces the catalog value and
 * is recorded as translated from the source the file showed (so a file made
 * before a source edit comes back outdated, as it should). An unchanged
 * target whose state a translator raised confirms it. A draft (XLIFF
 * `initial`, PO fuzzy) is never taken: it is reported, and a key without a
 * value stays missing. Nothing else is written: export then import leaves
 * every file byte-identical.
 */
import { readFile } from 'node:fs/promises'
import { firstHtml } from '../../content/untrusted-text.ts'
import { catalogPath, displayPath, type Project } from '../../project.ts'
import { writeAtomic } from '../../output/write-atomic.ts'
import { parseCatalog, valuesOf } from '../../i18n/catalog.ts'
import { expectedEntries } from '../expected-entries.ts'
import { markupDifferences } from '../lint/markup.ts'
import { variablesOf } from '../lint/rules.ts'
import { loadSources } from '../sources.ts'
import { hashValue, orderedLike, readRecord, recordOf, recordPath, writeRecord, type RecordEntry, type TranslationRecord } from '../translation-record.ts'
import { setCatalogValues } from './edit-catalog.ts'
import { isMarkdown, type ImportedUnit } from './exchange-units.ts'
import { normalizeText } from './inline-codes.ts'

export interface ImportResult {
  locale: string
  /** Units the file gave a target (a plural form counts once). */
  targets: number
  /** Catalog and record files written. */
  written: string[]
  updated: number
  confirmed: number
  /** Keys whose target is a draft, not imported (`ns:key`). */
  drafts: string[]
  /** Units not imported because the source no longer has them, with why. */
  skipped: string[]
  /** Units refused: codes, variables or HTML that the source lacks (exit 1). */
  refused: string[]
}

export async function applyTranslations(project: Project, locale: string, units: readonly ImportedUnit[]): Promise<ImportResult> {
  const sources = await loadSources(project)
  const result: ImportResult = { locale, targets: units.filter((unit) => unit.target !== undefined && unit.target.trim() !== '').length, written: [], updated: 0, confirmed: 0, drafts: [], skipped: [], refused: [] }
  const byNs = new Map<string, ImportedUnit[]>()
  for (const unit of units) byNs.set(unit.ns, [...(byNs.get(unit.ns) ?? []), unit])
  for (const [ns, nsUnits] of byNs) {
    const source = sources.namespaces.get(ns)
    if (!source) {
      result.skipped.push(`${ns || '(none)'}: no such namespace in the source (keys ${nsUnits.map((unit) => unit.key).join(', ')})`)
      continue
    }
    const expected = expectedEntries(source, locale)
    const file = catalogPath(project, locale, ns)
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => { if (error.code === 'ENOENT') return '{}\n'; throw error })
    const values = valuesOf(parseCatalog(new TextEncoder().encode(text), displayPath(project, file)))
    const recordFile = recordPath(project, locale, ns)
    const previous = await readRecord(recordFile, displayPath(project, recordFile))
    const record: TranslationRecord = new Map(previous)
    const changes = new Map<string, string>()
    for (const unit of nsUnits) {
      if (!expected.has(unit.key)) {
        result.skipped.push(`${ns}:${unit.key}: no such key in the source`)
        continue
      }
      if (unit.refused) {
        result.refused.push(`${ns}:${unit.key}: ${unit.refused}`)
        continue
      }
      const target = unit.target
      if (target === undefined || target.trim() === '') continue
      const value = values.get(unit.key)
      const reviewed = unit.state === 'reviewed'
      let made: RecordEntry | undefined
      if (value === undefined || normalizeText(value) !== normalizeText(target)) {
        if (unit.state === 'draft') {
          result.drafts.push(`${ns}:${unit.key}`)
          continue
        }
        const why = refusal(unit.source, target, isMarkdown(ns, unit.key))
        if (why) {
          result.refused.push(`${ns}:${unit.key}: ${why}`)
          continue
        }
        changes.set(unit.key, target)
        record.set(unit.key, recordOf(unit.source, target, reviewed))
        result.updated++
      } else if (unit.state !== 'draft' && confirms(reviewed, (made = record.get(unit.key)), unit.source, value)) {
        record.set(unit.key, recordOf(unit.source, value, reviewed || (made?.state === 'reviewed' && made.source === unit.source)))
        result.confirmed++
      }
    }
    if (changes.size > 0) {
      await writeAtomic(file, setCatalogValues(text, changes))
      result.written.push(displayPath(project, file))
    }
    if (await writeRecord(recordFile, orderedLike(record, expected), previous)) result.written.push(displayPath(project, recordFile))
  }
  return result
}

/** Why a new target is not imported; undefined: it may be. */
function refusal(source: string, target: string, markdown: boolean): string | undefined {
  const extra = variablesOf(target).filter((name) => !variablesOf(source).includes(name))
  if (extra.length > 0) return `Unexpected ${extra.map((name) => `{{${name}}}`).join(', ')} in the target, not in the source: refused (a variable the source lacks prints nothing, or the wrong number)`
  // Inline codes keep XLIFF's markup; PO's, or Markdown typed as text, is compared.
  const differences = markdown ? markupDifferences(source, target) : []
  if (differences.length > 0) return `the target's Markdown differs from the source's (${differences.join('; ')})`
  const html = firstHtml(target)
  if (html && !source.includes(html)) return `Unexpected HTML \`${html}\` in the target, not in the source: refused (editions never carry HTML from a translation)`
  return undefined
}

/**
 * An untouched value whose state now says more than its record does: made
 * from another source, or newly reviewed. A format without a reviewed state
 * (PO) never takes a review away.
 */
function confirms(reviewed: boolean, made: RecordEntry | undefined, shown: string, value: string): boolean {
  if (!made || made.translation !== hashValue(value)) return false
  return made.source !== shown || (reviewed && made.state !== 'reviewed')
}
