/**
 * A paragraph from styled runs to positioned glyphs:
 *   itemize (a face per character) → break lines (UAX #14, total fit) →
 *   per line: bidi reorder (UAX #9) → shape each piece → justify → place.
 * Pure: no pdfkit here; draw.ts writes the result.
 */
import { faceFont, type FaceId } from '../fonts.ts'
import { embeddingLevels, visualRanges, type EmbeddingLevels, type VisualRange } from './bidi.ts'
import { breakLines, HYPHEN, type LineRange } from './break-lines.ts'
import { itemize } from './itemize.ts'
import { justify } from './justify.ts'
import { shapePiece } from './piece.ts'
import { autospace } from './script.ts'
import { shape } from './shape.ts'
import type { Line, MissingGlyph, ParagraphOptions, Piece, PlacedGlyph, Span, TextRun } from './types.ts'

export interface LaidParagraph {
  text: string
  lines: Line[]
  missing: MissingGlyph[]
}

export function layoutParagraph(runs: readonly TextRun[], options: ParagraphOptions): LaidParagraph {
  const { text, spans, missing } = itemize(runs, options.script)
  if (text === '') return { text, lines: [], missing }
  const levels = embeddingLevels(text, options.direction)
  const size = Math.max(...runs.map((run) => run.size))
  const metrics = lineMetrics(options.metricsFace, size, options.lineGap)
  const lines = breakLines(text, spans, {
    width: options.width, justify: options.align === 'justify', hyphenate: options.hyphenate,
    pageEndLine: options.pageEndLine, wordsOnly: options.wordsOnly, balance: options.balance, lastLineMin: options.script === 'cjk' ? 2 : undefined
  }).map((range): Line => {
    const pieces = placeLine(text, levels, spans, range, options)
    return { ...metrics, pieces, groups: drawingGroups(text, pieces) }
  })
  return { text, lines, missing }
}

/** Ascent and height from one face, so lines are evenly spaced whatever fallback they use (as pdfkit's). */
export function lineMetrics(face: FaceId, size: number, gap: number): Pick<Line, 'ascent' | 'height' | 'advance'> {
  const font = faceFont(face)
  const scale = size / font.unitsPerEm
  const height = (font.ascent - font.descent + font.lineGap) * scale
  return { ascent: font.ascent * scale, height, advance: height + gap }
}

/** The line's pieces, shaped, justified and placed, left to right. */
function placeLine(text: string, levels: EmbeddingLevels, spans: readonly Span[], range: LineRange, options: ParagraphOptions): Piece[] {
  const ranges = visualRanges(text, levels, spans, range.start, range.end)
  const pieces = ranges.map((visual) => shapePiece(text, visual))
  const rtl = options.direction === 'rtl'
  if (range.hyphen && ranges.length > 0) pieces.splice(rtl ? 0 : pieces.length, 0, hyphenPiece(ranges, range.end))
  for (const piece of pieces) {
    for (const glyph of piece.glyphs) {
      if (glyph.clusterEnd < range.end && glyph.clusterEnd > glyph.clusterStart) glyph.advance += autospace(text, glyph.clusterEnd, piece.span.run.size)
    }
    piece.width = piece.glyphs.reduce((sum, glyph) => sum + glyph.advance, 0)
  }
  const natural = pieces.reduce((sum, piece) => sum + piece.width, 0)
  const slack = options.width - natural
  // Total fit may have chosen to shrink a justified line's spaces a little (at most a third of a space).
  // A last line is set at its natural width, unless total fit counted on its spaces shrinking to fit.
  const justified = options.align === 'justify' && (range.last ? slack < 0 : slack !== 0) && justify(text, pieces, range.end, slack)
  let x = justified ? 0
    : options.align === 'center' ? slack / 2
    : (options.align === 'end') !== rtl ? Math.max(0, slack) : 0
  for (const piece of pieces) {
    piece.x = x
    // An index, not entries(): a line's every glyph passes here, mostly before the code is optimised.
    for (let index = 0; index < piece.glyphs.length; index++) {
      const glyph = piece.glyphs[index]!
      glyph.x = x - piece.x
      x += glyph.advance
    }
    piece.width = x - piece.x
  }
  return pieces
}

/** The hyphen of a hyphenated line, in the face of the word it splits, at the line's end. */
function hyphenPiece(ranges: VisualRange[], at: number): Piece {
  const last = ranges.reduce((found, range) => (range.end > found.end ? range : found))
  const shaped = shape(last.span.face, HYPHEN, false)
  const scale = last.span.run.size / 1000
  const glyphs = shaped.glyphs.map((glyph): PlacedGlyph => ({
    // U+00AD: the hyphen a line break added, which extractors and search drop when they join the word (PDF 32000-1 §14.8.2.2.3).
    id: glyph.id, x: 0, xOffset: 0, yOffset: 0, advance: glyph.advance * scale, text: '\u00ad', clusterStart: at, clusterEnd: at
  }))
  return { span: last.span, rtl: false, start: at, end: at, x: 0, width: shaped.advance * scale, glyphs }
}

/**
 * The order a reader's software should meet the line's text in: pieces of
 * one face and one direction that touch form a group (left to right); the
 * groups are written in logical order, and a right-to-left group glyph by
 * glyph in logical order too (draw-rtl.ts).
 */
function drawingGroups(text: string, pieces: readonly Piece[]): Line['groups'] {
  const groups: Line['groups'] = []
  for (const piece of pieces) {
    const last = groups[groups.length - 1]
    const previous = last?.pieces[last.pieces.length - 1]
    const joins = previous && !previous.span.run.box && !piece.span.run.box && previous.span.face === piece.span.face && previous.span.run.size === piece.span.run.size && previous.rtl === piece.rtl && previous.span.run.lang === piece.span.run.lang
    if (last && joins) last.pieces.push(piece)
    else groups.push({ pieces: [piece], rtl: piece.rtl, text: '', ltrBeside: { left: false, right: false } })
  }
  for (const [index, group] of groups.entries()) {
    group.ltrBeside = { left: groups[index - 1]?.rtl === false, right: groups[index + 1]?.rtl === false }
    group.text = [...group.pieces].sort((a, b) => a.start - b.start).map((piece) => text.slice(piece.start, piece.end)).join('')
  }
  return groups.sort((a, b) => firstIndex(a) - firstIndex(b))
}

function firstIndex(group: Line['groups'][number]): number {
  return Math.min(...group.pieces.map((piece) => (piece.end > piece.start ? piece.start : Infinity)))
}
