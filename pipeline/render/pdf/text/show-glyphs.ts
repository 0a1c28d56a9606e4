/**
 * The text-showing operators for one piece's glyphs, continuing from the
 * current text position, in as few bytes as put every glyph where layout
 * placed it: a justified line opens a trace of space between letters, and
 * written as a TJ number after each glyph that was most of a page's content
 * stream (the 74k-word book: about 38 KB a page, all built as strings, then
 * deflated). So glyphs that follow one another with nothing between them
 * share one string, and the adjustment most glyphs of the piece share is
 * character spacing (Tc) instead, with each other glyph's difference from it
 * a TJ number; the positions are those the TJ numbers gave, within their
 * own rounding (a difference under 0.01 thousandths of an em is dropped:
 * at most 0.0002 pt a glyph at our sizes, under a thousandth of a point
 * across a line).
 */
import { encodeGlyph, type PdfkitInternals } from './glyph-encoder.ts'
import type { PlacedGlyph } from './types.ts'

/** What stays set in a text object between its pieces. */
export interface TextObjectState {
  /** Tc in force, in points: 0 when the text object begins (pdfkit never sets it for us). */
  spacing: number
}

/**
 * x offsets (mark positioning, justification) are TJ adjustments and y
 * offsets a text rise, so extraction sees one unbroken flow of glyphs.
 * `scale` turns points into the font's thousandths of an em.
 */
export function showGlyphs(font: PdfkitInternals['_font'], glyphs: readonly PlacedGlyph[], scale: number, state: TextObjectState): string {
  // Each piece's codes and adjustments go into buffers kept between pieces, not two arrays per piece.
  if (codes.length < glyphs.length) [codes, adjusts] = [new Int32Array(2 * glyphs.length), new Float64Array(2 * glyphs.length)]
  for (let index = 0; index < glyphs.length; index++) {
    const glyph = glyphs[index]!
    codes[index] = encodeGlyph(font, glyph.id, glyph.text)
    // The viewer advances by the code's width; a TJ number (thousandths of an em, sign inverted) makes up the rest.
    adjusts[index] = font.widths[codes[index]!]! - (glyph.advance - glyph.xOffset) * scale
  }
  const shared = sharedAdjustment(adjusts, glyphs.length)
  const parts: string[] = []
  const spacing = -shared / scale
  if (spacing !== state.spacing) parts.push(`${precise(spacing)} Tc`)
  state.spacing = spacing
  // The TJ array being made, and the codes of its string being made, in hex: glyphs with nothing between them.
  let pending = ''
  let run = ''
  let rise = 0
  for (let index = 0; index < glyphs.length; index++) {
    const glyph = glyphs[index]!
    if (glyph.yOffset !== rise) {
      if (run !== '') pending += pending === '' ? `<${run}>` : ` <${run}>`
      if (pending !== '') parts.push(`[${pending}] TJ`)
      run = pending = ''
      rise = glyph.yOffset
      parts.push(`${num(rise)} Ts`)
    }
    if (glyph.xOffset !== 0) {
      if (run !== '') pending += pending === '' ? `<${run}>` : ` <${run}>`
      const value = num(-glyph.xOffset * scale)
      pending += pending === '' ? value : ` ${value}`
      run = ''
    }
    run += hex4(codes[index]!)
    // Extractors skip a glyph that stands for nothing together with the number after it:
    // end the TJ there, so the number opens the next one instead.
    if (glyph.text === '') {
      pending += pending === '' ? `<${run}>` : ` <${run}>`
      parts.push(`[${pending}] TJ`)
      run = pending = ''
    }
    const rest = adjusts[index]! - shared
    if (Math.abs(rest) > 0.01) {
      if (run !== '') pending += pending === '' ? `<${run}>` : ` <${run}>`
      const value = num(rest)
      pending += pending === '' ? value : ` ${value}`
      run = ''
    }
  }
  if (run !== '') pending += pending === '' ? `<${run}>` : ` <${run}>`
  if (pending !== '') parts.push(`[${pending}] TJ`)
  if (rise !== 0) parts.push('0 Ts')
  return parts.join('\n')
}

let codes = new Int32Array(256)
let adjusts = new Float64Array(256)
/** Each written adjustment's count, of one piece at a time. */
const counts = new Map<number, number>()

/**
 * The adjustment (as it would be written) that most of the first `count`
 * glyphs share, when making it character spacing leaves fewer TJ numbers
 * than it removes: glyphs with none would each need one then. 0 otherwise.
 */
function sharedAdjustment(adjusts: Float64Array, count: number): number {
  // Keyed in thousandths, as num() writes them.
  counts.clear()
  let none = 0
  let best = 0
  let most = 0
  for (let index = 0; index < count; index++) {
    const adjust = adjusts[index]!
    if (Math.abs(adjust) <= 0.01) {
      none++
      continue
    }
    const written = Math.round(adjust * 1000)
    const times = (counts.get(written) ?? 0) + 1
    counts.set(written, times)
    if (times > most) [best, most] = [written, times]
  }
  return most > none + 1 ? best / 1000 : 0
}

/**
 * A glyph code as four hex digits, each code's string made once: a book's
 * half million glyphs made two strings each (toString, padStart), about
 * 30 MB for the collector.
 */
const HEX4: string[] = []

export function hex4(code: number): string {
  return HEX4[code] ??= code.toString(16).padStart(4, '0')
}

export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

/** Tc is added after every glyph: six places keep a long line's last glyph within a ten-thousandth of a point. */
function precise(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6
  return Object.is(rounded, -0) ? '0' : String(rounded)
}
