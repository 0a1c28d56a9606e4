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
  const codes = glyphs.map((glyph) => encodeGlyph(font, glyph.id, glyph.text))
  // The viewer advances by the code's width; a TJ number (thousandths of an em, sign inverted) makes up the rest.
  const adjusts = glyphs.map((glyph, index) => font.widths[codes[index]!]! - (glyph.advance - glyph.xOffset) * scale)
  const shared = sharedAdjustment(adjusts)
  const parts: string[] = []
  const spacing = -shared / scale
  if (spacing !== state.spacing) parts.push(`${precise(spacing)} Tc`)
  state.spacing = spacing
  let pending: string[] = []
  // The codes of the string being made, in hex: glyphs with nothing between them.
  let run = ''
  let rise = 0
  const number = (value: string) => {
    if (run !== '') pending.push(`<${run}>`)
    run = ''
    pending.push(value)
  }
  const close = () => {
    if (run !== '') pending.push(`<${run}>`)
    run = ''
    if (pending.length > 0) parts.push(`[${pending.join(' ')}] TJ`)
    pending = []
  }
  glyphs.forEach((glyph, index) => {
    if (glyph.yOffset !== rise) {
      close()
      rise = glyph.yOffset
      parts.push(`${num(rise)} Ts`)
    }
    if (glyph.xOffset !== 0) number(num(-glyph.xOffset * scale))
    run += hex4(codes[index]!)
    // Extractors skip a glyph that stands for nothing together with the number after it:
    // end the TJ there, so the number opens the next one instead.
    if (glyph.text === '') close()
    const rest = adjusts[index]! - shared
    if (Math.abs(rest) > 0.01) number(num(rest))
  })
  close()
  if (rise !== 0) parts.push('0 Ts')
  return parts.join('\n')
}

/**
 * The adjustment (as it would be written) that most glyphs share, when
 * making it character spacing leaves fewer TJ numbers than it removes:
 * glyphs with none would each need one then. 0 otherwise.
 */
function sharedAdjustment(adjusts: readonly number[]): number {
  // Keyed in thousandths, as num() writes them.
  const counts = new Map<number, number>()
  let none = 0
  let best = 0
  let most = 0
  for (const adjust of adjusts) {
    if (Math.abs(adjust) <= 0.01) {
      none++
      continue
    }
    const written = Math.round(adjust * 1000)
    const count = (counts.get(written) ?? 0) + 1
    counts.set(written, count)
    if (count > most) [best, most] = [written, count]
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
