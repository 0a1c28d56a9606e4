/**
 * Writes a right-to-left drawing group so that the three PDF readers people
 * use extract it in logical (reading) order; each reads a page differently:
 *
 * - MuPDF (1.21) appends right-to-left letters in content-stream order and
 *   never reorders them: the glyphs must come in logical order, each one
 *   placed left of the one before (Td moves, so nothing is implied by widths);
 * - pdf.js joins glyphs that follow each other closely into one item and
 *   reverses its right-to-left text, taking it for visual order: each glyph is
 *   its own marked-content span (pdf.js ends an item at every span), and
 *   carries one character, since a reversal of one character changes nothing;
 * - poppler sorts a line's glyphs left to right, then reverses right-to-left
 *   lines: a glyph's position decides, and a ligature's characters (it inserts
 *   several right-to-left ones from the right) follow it just left of it.
 *
 * Hence: a ligature's glyph carries its first character, and each other
 * character rides on an invisible zero-width glyph just left of it; a glyph
 * that stands for no character (the dots Noto Naskh draws apart from their
 * letter) is drawn as its outline (outline.ts), not as text. A space stands
 * for itself, which MuPDF and poppler read; pdf.js drops a glyph whose text
 * starts with white space and makes spaces only from forward moves, which a
 * logical-order run never makes, so an invisible zero-width glyph after it
 * stands for NUL + space for pdf.js alone: drawn in text render mode 3, which
 * MuPDF's extraction skips, with an empty /ActualText, which poppler reads
 * instead, and pdf.js's viewer strips NUL from what it copies
 * (removeNullCharacters). Where poppler's reordering needs a right-to-left
 * mark, it alone reads one (poppler-marks.ts). Copied text holds no mark a
 * reader did not need. Chromium (Skia) writes right-to-left runs in visual
 * order, one /ActualText span per glyph: poppler reads that right, but
 * MuPDF 1.21 prints it backwards and pdf.js ignores /ActualText.
 */
import { faceFont, type FaceId } from '../fonts.ts'
import { encodeGlyph, type EmbeddedFontInternals } from './glyph-encoder.ts'
import { outlineForm } from './outline.ts'
import { hasGlyph, nominalGlyph } from './shaping-font.ts'
import { hex4 } from './show-glyphs.ts'
import type { DrawingGroup } from './types.ts'

/** One thing to show, in logical order: a glyph at `x` (points from the group's left) standing for `text`. */
export interface LogicalGlyph {
  id: number
  x: number
  rise: number
  text: string
  /** Drawn as a path: it stands for no text. */
  outline: boolean
  color: string
  /** Text render mode 3: MuPDF's extraction skips it (pdf.js's and poppler's do not). */
  invisible?: boolean
  /** What poppler reads in place of `text` (an /ActualText span, which MuPDF 1.21 and pdf.js ignore). */
  actualText?: string
}

/** How far left of its ligature a carried character sits, in points: enough for poppler to sort it after. */
const CARRIED_STEP = 0.01

/** The group's glyphs in logical order; `marks`: where poppler needs a right-to-left mark, in points from the line's left. */
export function logicalGlyphs(group: DrawingGroup, face: FaceId, marks: readonly number[] = []): LogicalGlyph[] {
  const origin = group.pieces[0]!.x
  const carrier = carrierGlyph(face)
  const out: LogicalGlyph[] = []
  // Where the characters of the last base glyph's cluster are carried: just left of it.
  let base: { x: number; carried: number } | undefined
  const carry = (char: string, color: string) => {
    base!.carried++
    out.push({ id: carrier, x: base!.x - CARRIED_STEP * base!.carried, rise: 0, text: char, outline: false, color })
  }
  for (const piece of [...group.pieces].reverse()) {
    const { color } = piece.span.run
    for (const glyph of [...piece.glyphs].reverse()) {
      const x = piece.x - origin + glyph.x + glyph.xOffset
      const rise = glyph.yOffset
      if (glyph.text === '' || (base && MARKS.test(glyph.text))) {
        // A mark sorts by where it is drawn, above its base: poppler would read it before the base.
        out.push({ id: glyph.id, x, rise, text: '', outline: true, color })
        for (const char of glyph.text) carry(char, color)
        continue
      }
      if (/^\s+$/u.test(glyph.text)) {
        out.push({ id: glyph.id, x, rise, text: glyph.text, outline: false, color })
        out.push({ id: carrier, x, rise, text: `\u0000${glyph.text}`, outline: false, color, invisible: true, actualText: '' })
        base = undefined
        continue
      }
      const [first, ...rest] = [...glyph.text]
      out.push({ id: glyph.id, x, rise, text: first!, outline: false, color })
      base = { x: piece.x - origin + glyph.x, carried: 0 }
      for (const char of rest) carry(char, color)
    }
  }
  const color = group.pieces[0]!.span.run.color
  for (const mark of marks) out.push({ id: carrier, x: mark - origin - CARRIED_STEP, rise: 0, text: '\u200f', outline: false, color, invisible: true })
  return out
}

const MARKS = /^\p{M}+$/u

/**
 * A glyph that draws nothing and advances by nothing: ZERO WIDTH SPACE's, else ZERO WIDTH JOINER's, else the
 * space's. Noto Emoji has no ZWSP and a space 1.27 em wide: a keycap's marks carried on it made poppler's box of
 * the keycap reach over the next word, which it then read on a line of its own.
 */
export function carrierGlyph(face: FaceId): number {
  for (const codePoint of [0x200b, 0x200d]) if (hasGlyph(face, codePoint)) return nominalGlyph(face, codePoint)!
  return nominalGlyph(face, 0x20) ?? 0
}

/**
 * Writes the glyphs inside a text object that starts at the group's left
 * edge on its baseline; returns the outlines, to be filled after it ends.
 */
export function showLogical(doc: PDFKit.PDFDocument, font: EmbeddedFontInternals, glyphs: readonly LogicalGlyph[]): LogicalGlyph[] {
  let x = 0
  let rise = 0
  let color: string | undefined
  for (const glyph of glyphs) {
    if (glyph.outline) continue
    const ops = [glyph.actualText === undefined ? '/Span BMC' : `/Span <</ActualText ${textString(glyph.actualText)}>> BDC`]
    if (glyph.rise !== rise) ops.push(`${num((rise = glyph.rise))} Ts`)
    ops.push(`${num(glyph.x - x)} 0 Td`)
    doc.addContent(ops.join('\n'))
    if (glyph.color !== color) doc.fillColor((color = glyph.color))
    const code = `<${hex4(encodeGlyph(font, glyph.id, glyph.text))}> Tj`
    doc.addContent(glyph.invisible ? `3 Tr\n${code}\n0 Tr\nEMC` : `${code}\nEMC`)
    x = glyph.x
  }
  if (rise !== 0) doc.addContent('0 Ts')
  return glyphs.filter((glyph) => glyph.outline)
}

/** Draws outlines (see outline.ts); `left` and `baseline` in the page's bottom-up space, `size` the font size. */
export function fillOutlines(doc: PDFKit.PDFDocument, face: FaceId, glyphs: readonly LogicalGlyph[], left: number, baseline: number, size: number): void {
  const scale = num(size / faceFont(face).unitsPerEm)
  for (const glyph of glyphs) {
    const form = outlineForm(doc, face, glyph.id)
    if (!form) continue
    doc.fillColor(glyph.color)
    doc.addContent(`q\n${scale} 0 0 ${scale} ${num(left + glyph.x)} ${num(baseline + glyph.rise)} cm\n/${form} Do\nQ`)
  }
}

/** A PDF text string: UTF-16BE with its byte order mark, in hex. */
function textString(text: string): string {
  let hex = 'feff'
  for (let index = 0; index < text.length; index++) hex += text.charCodeAt(index).toString(16).padStart(4, '0')
  return `<${hex}>`
}

function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000
  return Object.is(rounded, -0) ? '0' : String(rounded)
}
