/**
 * No silent tofu: a character that no font of its fallback list can draw is
 * reported with the character, its code point, the catalog key and file
 * position it comes from, and the locale. A warning by default; under
 * `--strict` the PDF edition fails.
 */
import type { Position } from 'unist'
import { VFileMessage } from 'vfile-message'
import type { PreparedEdition } from '../../prepare-edition.ts'
import type { MissingGlyph } from './text/types.ts'

export const MISSING_GLYPH = 'missing-glyph'

export function reportMissingGlyphs(edition: PreparedEdition, missing: ReadonlyArray<MissingGlyph & { place?: Position }>, strict: boolean): void {
  const seen = new Set<string>()
  const messages: VFileMessage[] = []
  for (const item of missing) {
    const id = `${item.codePoint}\u0000${item.key ?? ''}`
    if (seen.has(id)) continue
    seen.add(id)
    const code = `U+${item.codePoint.toString(16).toUpperCase().padStart(4, '0')}`
    const where = item.key ? ` in \`${item.key}\`${catalogPlace(edition, item.key)}` : ''
    const message = edition.file.message(
      `Unexpected character “${item.char}” (${code})${where} for locale ${edition.locale}: no PDF font has a glyph for it, ` +
      'expected text the fonts cover (it would print as an empty box)',
      { place: item.place, ruleId: MISSING_GLYPH, source: 'pdf-fonts' }
    )
    messages.push(message)
  }
  failIfStrict(messages, strict)
}

/** The one place `--strict` turns these warnings into a failed edition. */
function failIfStrict(messages: VFileMessage[], strict: boolean): void {
  if (!strict || messages.length === 0) return
  for (const message of messages) message.fatal = true
  throw new Error(`${messages.length} character(s) without a glyph in any PDF font (--strict): ${messages.map((message) => message.reason).join('; ')}`)
}

/** ` (locales/ar/interview.json:21:5)` for a key of the edition's catalogs, `ui:term` for ui.json. */
function catalogPlace(edition: PreparedEdition, key: string): string {
  const [ns, entryKey] = key.startsWith('ui:') ? ['ui', key.slice(3)] : [edition.doc, key]
  const catalog = edition.localeCatalogs?.get(ns)
  if (!catalog) return ''
  for (const [name, entry] of catalog.entries) {
    if (name === entryKey || name.startsWith(`${entryKey}_`)) return ` (${catalog.path}:${entry.line}:${entry.column})`
  }
  return ''
}
