/**
 * Where a justified line stretches. Words separated by spaces (Latin,
 * Cyrillic, Arabic) stretch at the spaces. A line with Chinese stretches
 * between ideographs as well (CSS `text-justify: inter-character`), so the
 * space is spread evenly instead of opening gaps at the few Latin spaces.
 */
import { isCjkChar } from './script.ts'
import type { Piece } from './types.ts'

/** Stretchable spaces: a no-break space stretches like any other, it only never breaks. */
const SPACE = /^[ \u00a0\u3000]$/

/** Extra advance per glyph of each piece, summing to `slack`; undefined when nothing can stretch. */
export function justification(text: string, pieces: readonly Piece[], lineEnd: number, slack: number): Map<Piece, number[]> | undefined {
  const kinds = new Map<Piece, Array<'space' | 'cjk' | undefined>>()
  let spaces = 0
  let cjk = 0
  for (const piece of pieces) {
    kinds.set(piece, piece.glyphs.map((glyph) => {
      const [start, end] = glyph.cluster
      if (end <= start || end >= lineEnd) return undefined
      const last = charBefore(text, end)
      const next = String.fromCodePoint(text.codePointAt(end)!)
      if (SPACE.test(last)) {
        spaces++
        return 'space'
      }
      if ((isCjkChar(last) || isCjkChar(next)) && !SPACE.test(next)) {
        cjk++
        return 'cjk'
      }
      return undefined
    }))
  }
  const count = spaces + cjk
  if (count === 0) return undefined
  const share = slack / count
  const extra = new Map<Piece, number[]>()
  for (const [piece, list] of kinds) extra.set(piece, list.map((kind) => (kind ? share : 0)))
  return extra
}

function charBefore(text: string, end: number): string {
  const code = text.charCodeAt(end - 1)
  return code >= 0xdc00 && code <= 0xdfff && end >= 2 ? text.slice(end - 2, end) : text.slice(end - 1, end)
}
