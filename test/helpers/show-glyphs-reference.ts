/**
 * show-glyphs.ts's showGlyphs as it was first written (before its buffers
 * kept between pieces and its TJ arrays made as strings), for the test
 * that the writer still writes the same operators.
 */
import { encodeGlyph, type PdfkitInternals } from '../../pipeline/render/pdf/text/glyph-encoder.ts'
import { num, type TextObjectState } from '../../pipeline/render/pdf/text/show-glyphs.ts'
import type { PlacedGlyph } from '../../pipeline/render/pdf/text/types.ts'

export function referenceShowGlyphs(font: PdfkitInternals['_font'], glyphs: readonly PlacedGlyph[], scale: number, state: TextObjectState): string {
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
    run += codes[index]!.toString(16).padStart(4, '0')
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

function precise(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6
  return Object.is(rounded, -0) ? '0' : String(rounded)
}
