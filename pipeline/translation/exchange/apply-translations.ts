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
import { shownMarkdown } from '../../content/shown-markdown.ts'
import { firstHtml, onlyTagsLeft } from '../../content/untrusted-text.ts'
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
  /**
   * Units of a file made while their source still held HTML tags, which have since left the catalog
   * (content/raw-html-inline.ts): their target is taken the same way, its tags out, its words kept.
   */
  untagged: string[]
}

export async function applyTranslations(project: Project, locale: string, units: readonly ImportedUnit[]): Promise<ImportResult> {
  const sources = await loadSources(project)
  const result: ImportResult = { locale, targets: units.filter((unit) => unit.target !== undefined && unit.target.trim() !== '').length, written: [], updated: 0, confirmed: 0, drafts: [], skipped: [], refused: [], untagged: [] }
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
      if (unit.target === undefined || unit.target.trim() === '') continue
      const { target, shown } = await asSourceNow(unit, expected.get(unit.key)!)
      const value = values.get(unit.key)
      const reviewed = unit.state === 'reviewed'
      let made: RecordEntry | undefined
      if (value === undefined || normalizeText(value) !== normalizeText(target)) {
        if (unit.state === 'draft') {
          result.drafts.push(`${ns}:${unit.key}`)
          continue
        }
        const why = refusal(unit.source, unit.target, isMarkdown(ns, unit.key))
        if (why) {
          result.refused.push(`${ns}:${unit.key}: ${why}`)
          continue
        }
        changes.set(unit.key, target)
        if (target !== unit.target) result.untagged.push(`${ns}:${unit.key}`)
        record.set(unit.key, recordOf(shown, target, reviewed))
        result.updated++
      } else if (unit.state !== 'draft' && confirms(reviewed, (made = record.get(unit.key)), shown, value)) {
        record.set(unit.key, recordOf(shown, value, reviewed || (made?.state === 'reviewed' && made.source === shown)))
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

/**
 * The unit's target and the source it was made from, as the source reads now: a file made while the
 * source held HTML tags that have since left the catalog (its words otherwise the same) gives a target
 * without those tags, made from today's source; anything else, as the file says.
 */
async function asSourceNow(unit: ImportedUnit, current: string): Promise<{ target: string; shown: string }> {
  const target = unit.target ?? ''
  if (!onlyTagsLeft(unit.source, current)) return { target, shown: unit.source }
  // The HTML parser is loaded only for such a file.
  const html = await import('../../content/html-text.ts')
  return { target: isMarkdownText(unit) ? shownMarkdown(target, html) : target, shown: current }
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

const isMarkdownText = (unit: ImportedUnit): boolean => isMarkdown(unit.ns, unit.key)
