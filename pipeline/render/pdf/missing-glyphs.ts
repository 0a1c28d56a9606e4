/**
 * No silent tofu: a character that no font of its fallback list can draw is
 * reported with the character, its code point, the catalog key it comes
 * from (and that translation's place in its catalog, as the message's
 * cause), and the locale. A warning by default; under `--strict` the PDF
 * edition fails.
 */
import type { Position } from 'unist'
import type { VFileMessage } from 'vfile-message'
import { catalogCause, strictProblems, warn } from '../../messages.ts'
import type { Edition } from '../edition.ts'
import type { MissingGlyph } from './text/types.ts'

export function reportMissingGlyphs(edition: Edition, missing: ReadonlyArray<MissingGlyph & { place?: Position | undefined }>, strict: boolean): void {
  const seen = new Set<string>()
  const messages: VFileMessage[] = []
  const places = edition.file.data.translation?.places ?? {}
  for (const item of missing) {
    const id = `${item.codePoint}\u0000${item.key ?? ''}`
    if (seen.has(id)) continue
    seen.add(id)
    const code = `U+${item.codePoint.toString(16).toUpperCase().padStart(4, '0')}`
    const catalogPlace = item.key ? places[item.key] : undefined
    messages.push(warn(edition.file, 'missing-glyph',
      `Unexpected character “${item.char}” (${code})${item.key ? ` in \`${item.key}\`` : ''} for locale ${edition.locale}: no PDF font has a glyph for it, ` +
      'expected text the fonts cover (it would print as an empty box)',
      { place: item.place, source: 'pdf-fonts', cause: catalogPlace && item.key ? catalogCause(catalogPlace.path, item.key, catalogPlace) : undefined }
    ))
  }
  failIfStrict(messages, strict)
}

/**
 * The one place `--strict` turns these warnings into a failed edition: the
 * messages become errors (the report shows each), and the failure says only
 * how many, so no diagnosis is printed twice.
 */
function failIfStrict(messages: VFileMessage[], strict: boolean): void {
  const failing = strict ? strictProblems(messages, 'fail-format') : []
  if (failing.length === 0) return
  for (const message of failing) message.fatal = true
  const count = failing.length
  throw new Error(`--strict: not written, ${count} character${count === 1 ? '' : 's'} without a glyph in any PDF font (see the errors above)`)
}
