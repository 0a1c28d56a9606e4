/**
 * A piece of a line (one span, one direction) shaped into placed glyphs,
 * each with the characters it stands for (its cluster) in the span's size.
 */
import type { VisualRange } from './bidi.ts'
import { joins } from './script.ts'
import { clusters, shape, shapeByWords, type Shaped } from './shape.ts'
import type { Piece, PlacedGlyph } from './types.ts'

/**
 * HarfBuzz mirrors every Bidi_Mirrored character of a right-to-left run
 * itself (its mirror's glyph, or the font's rtlm form), as browsers do: the
 * text goes in as written, never pre-mirrored, which would turn it back.
 */
export function shapePiece(text: string, visual: VisualRange): Piece {
  const { span, rtl, start, end } = visual
  if (span.run.box) return boxPiece(visual, span.run.box.width)
  const logical = text.slice(start, end)
  const scale = span.run.size / 1000
  const tracking = joins(logical) ? 0 : span.run.tracking ?? 0
  const rise = span.run.rise ?? 0
  const glyphs: PlacedGlyph[] = []
  const place = (glyph: Shaped['glyphs'][number], from: number, to: number) => {
    glyphs.push({
      id: glyph.id,
      x: 0,
      xOffset: glyph.xOffset * scale,
      yOffset: glyph.yOffset * scale + rise,
      advance: glyph.advance * scale + tracking,
      // Logical order: right-to-left glyphs are written in logical order too (draw-rtl.ts).
      text: composed(logical.slice(from, to)),
      clusterStart: start + from,
      clusterEnd: start + to
    })
  }
  if (rtl) {
    const shaped = shapeByWords(span.face, logical, rtl)
    const ranges = clusters(shaped.glyphs, logical, rtl)
    shaped.glyphs.forEach((glyph, index) => {
      place(glyph, ranges[index]![0], ranges[index]![1])
    })
  } else {
    // Left to right, the words' glyphs are in logical order: each is placed as its word is shaped, its
    // cluster found as clusters() finds it, without the arrays of words, glyphs and ranges between
    // (a book's half million glyphs: about 0.1 s of a build on Node.js 20, and their collection).
    let index = 0
    forEachWord(logical, (word) => {
      for (const glyph of shape(span.face, word, false).glyphs) {
        const from = index
        for (let count = glyph.codePoints.length; count > 0 && index < logical.length; count--) index += logical.codePointAt(index)! > 0xffff ? 2 : 1
        place(glyph, from, index)
      }
    })
  }
  return { span, rtl, start, end, x: 0, width: glyphs.reduce((sum, glyph) => sum + glyph.advance, 0), glyphs }
}

/** The words and runs of spaces of `text` in order, as shapeByWords shapes them (the whole text when it is one). */
function forEachWord(text: string, visit: (word: string) => void): void {
  if (text === '') visit(text)
  for (let at = 0; at < text.length;) {
    const space = text.charCodeAt(at) === 0x20
    let next = at + 1
    while (next < text.length && (text.charCodeAt(next) === 0x20) === space) next++
    visit(at === 0 && next === text.length ? text : text.slice(at, next))
    at = next
  }
}

/** An inline box as a piece of one glyph that is its width and stands for no text (draw.ts draws the box itself). */
function boxPiece({ span, rtl, start, end }: VisualRange, width: number): Piece {
  const glyph: PlacedGlyph = { id: 0, x: 0, xOffset: 0, yOffset: 0, advance: width, text: '', clusterStart: start, clusterEnd: end }
  return { span, rtl, start, end, x: 0, width, glyphs: [glyph] }
}

/**
 * A glyph HarfBuzz made of a letter and its accent (e + U+0301 → é) stands
 * for the composed letter: text ending in a combining mark is taken by pdf.js
 * for a zero-width accent. A text that composes to nothing shorter keeps its
 * own characters (NFC would also swap singletons: U+2126 OHM SIGN → Ω).
 */
function composed(text: string): string {
  if (text.length < 2) return text
  const nfc = text.normalize('NFC')
  return nfc.length < text.length ? nfc : text
}
