/**
 * Where a line may end with a hyphen, total fit needs the word's width up to
 * that point (break-lines.ts, prefixWidths): one shaping of the whole word,
 * its glyphs' advances summed up to the glyph the point starts, walked once
 * along the word instead of a map of every glyph's offset made per word. It
 * must give what that map gave, for ligatures (a point inside one is
 * measured apart), a character HarfBuzz sets as two glyphs (U+0344: two marks), characters
 * outside the BMP and points in any order.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FaceId } from '../pipeline/render/pdf/fonts.ts'
import { prefixWidths, rangeWidth } from '../pipeline/render/pdf/text/break-lines.ts'
import { shape } from '../pipeline/render/pdf/text/shape.ts'
import type { Span } from '../pipeline/render/pdf/text/types.ts'

const PARTS = ['ffl', 'o\u0344', 'fi', 'o', 'n', 'e\u0301', 'ǖ', 'ṩ', 'ŉ', 'Қ', 'ы', '𝔄', '-', 'Äp', 'st', 'ct']
const FACES: FaceId[] = ['notoSerif', 'notoSerifItalic', 'notoSerifBold']

/** The map the widths were read from before: each glyph with characters of its own, at its offset. */
function referencePrefix(text: string, start: number, end: number, span: Span): (point: number) => number {
  const at = new Map<number, number>()
  let offset = 0
  let advance = 0
  for (const glyph of shape(span.face, text.slice(start, end), false).glyphs) {
    if (glyph.codePoints.length > 0) at.set(offset, advance)
    for (const code of glyph.codePoints) offset += code > 0xffff ? 2 : 1
    advance += glyph.advance
  }
  return (point) => {
    const width = at.get(point - start)
    return width === undefined ? rangeWidth(text, [span], start, point) : width * (span.run.size / 1000)
  }
}

describe('a word measured up to its hyphenation points', () => {
  it('is what the map of glyph offsets gave, at every point in any order', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 8 }), fc.constantFrom(...FACES), fc.constantFrom(9, 16.5), fc.array(fc.nat(40), { maxLength: 6 }), (parts, face, size, picks) => {
      const lead = 'a '
      const text = `${lead}${parts.join('')} b`
      const start = lead.length
      const end = start + parts.join('').length
      const span: Span = { start: 0, end: text.length, face, run: { text, role: 'serif', size, color: '#000' } }
      const widthOf = (from: number, to: number) => rangeWidth(text, [span], from, to)
      const inside = Array.from({ length: end - start - 1 }, (_, index) => start + 1 + index)
      // Sorted as the hyphenator gives them, then the same points again in the order drawn.
      const points = [...inside, ...picks.map((pick) => inside[pick % Math.max(1, inside.length)]).filter((point) => point !== undefined)]
      const prefix = prefixWidths(text, { start, content: end, end: end + 1, required: false }, span, widthOf)
      const reference = referencePrefix(text, start, end, span)
      for (const point of points) expect(prefix(point), `${JSON.stringify(text)} at ${point}`).toBe(reference(point))
    }), { numRuns: 400, seed: 17 })
  })
})
