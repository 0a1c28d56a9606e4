/**
 * layout.ts's shapePiece as it was before a left-to-right piece was placed
 * word by word: what piece.ts is checked against in test/piece.test.ts.
 */
import type { VisualRange } from '../../pipeline/render/pdf/text/bidi.ts'
import { joins } from '../../pipeline/render/pdf/text/script.ts'
import { clusters, shapeByWords } from '../../pipeline/render/pdf/text/shape.ts'
import type { Piece, PlacedGlyph } from '../../pipeline/render/pdf/text/types.ts'

export function referenceShapePiece(text: string, visual: VisualRange): Piece {
  const { span, rtl, start, end } = visual
  if (span.run.box) return boxPiece(visual, span.run.box.width)
  const logical = text.slice(start, end)
  const shaped = shapeByWords(span.face, logical, rtl)
  const ranges = clusters(shaped.glyphs, logical, rtl)
  const scale = span.run.size / 1000
  const tracking = joins(logical) ? 0 : span.run.tracking ?? 0
  const glyphs = shaped.glyphs.map((glyph, index): PlacedGlyph => {
    const [from, to] = ranges[index]!
    const cluster = composed(logical.slice(from, to))
    return {
      id: glyph.id,
      x: 0,
      xOffset: glyph.xOffset * scale,
      yOffset: glyph.yOffset * scale + (span.run.rise ?? 0),
      advance: glyph.advance * scale + tracking,
      // Logical order: right-to-left glyphs are written in logical order too (draw-rtl.ts).
      text: cluster,
      clusterStart: start + from,
      clusterEnd: start + to
    }
  })
  return { span, rtl, start, end, x: 0, width: glyphs.reduce((sum, glyph) => sum + glyph.advance, 0), glyphs }
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

