/**
 * A GFM task item's box: drawn as a square (with a check mark when done),
 * and under it, invisible, one glyph that text extraction reads as ☑ or ☐
 * (U+2611, U+2610). None of our npm faces has those two characters, so the
 * glyph is Noto Sans Mono's □ with its ToUnicode entry saying ☑ or ☐
 * (glyph-encoder.ts gives one glyph a code per text). pdftotext, MuPDF and
 * pdf.js all read ToUnicode; poppler and pdf.js ignore a marked-content
 * /ActualText that spans only a drawing. The structure element keeps the
 * state in words (/Alt, in the edition's language) for screen readers.
 */
import { INK, type PdfState, type Style } from '../state.ts'
import { tagged } from '../structure.ts'
import { drawLine } from '../text/draw.ts'
import type { Frame } from '../typeset.ts'
import { layoutRuns } from '../typeset.ts'

const BOX = 7
/** Noto Sans Mono's WHITE SQUARE: a glyph of about the box's size, in the face every script's code uses. */
const SQUARE = '\u25a1'

const CHECKED = '\u2611'
const UNCHECKED = '\u2610'

/** Draw the box at the end side of the gutter, centred on the first line of an item set in `style`. */
export function drawTaskBox(state: PdfState, checked: boolean, gutter: Frame, top: number, style: Style): void {
  const { doc } = state
  const x = gutter.left + gutter.width - BOX - (state.edition.dir === 'rtl' ? gutter.width - BOX : 0)
  const y = top + (state.lineAdvance(style) - BOX) / 2 - 0.5
  const words = state.edition.terms[checked ? 'taskDone' : 'taskOpen'].text
  const character = checked ? CHECKED : UNCHECKED
  tagged(state, 'Lbl', { alt: words, actual: character }, () => {
    doc.save().lineWidth(0.8).rect(x, y, BOX, BOX).stroke(INK)
    if (checked) doc.moveTo(x + 1.5, y + BOX * 0.55).lineTo(x + BOX * 0.42, y + BOX - 1.5).lineTo(x + BOX - 1.2, y + 1.2).lineWidth(1.2).stroke(INK)
    doc.restore()
    hiddenCharacter(state, character, x, top, style)
  })
}

/** One invisible glyph at `x` on the first line's baseline that extraction reads as `character` (text render mode 3: neither filled nor stroked). */
function hiddenCharacter(state: PdfState, character: string, x: number, top: number, style: Style): void {
  const line = layoutRuns(state.edition, [{ text: SQUARE, bold: false, italic: false, code: true }], { ...style, align: 'start' }, 100).lines[0]
  const piece = line?.pieces[0]
  const glyph = piece?.glyphs[0]
  if (!line || !piece || !glyph) return
  glyph.text = character
  // Text render mode is graphics state: q/Q keep it to this glyph.
  state.doc.save()
  state.doc.addContent('3 Tr')
  // Drawn where its piece starts: a right-to-left line sets it at the far end of the 100 pt it was laid out in.
  drawLine(state.doc, line, x - piece.x, top)
  state.doc.restore()
}
