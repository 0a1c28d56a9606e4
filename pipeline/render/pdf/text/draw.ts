/**
 * Writes laid-out lines with pdfkit: each drawing group (neighbouring
 * pieces in one face) is one text object, its glyphs in visual order at
 * exact positions. pdfkit's own text() cannot do this (it lays text out again
 * word by word, left to right), so this module talks to pdfkit's embedded
 * font directly; see glyph-encoder.ts.
 *
 * Groups are written in logical order; a group with right-to-left text is
 * written glyph by glyph in logical order too (see draw-rtl.ts).
 */
import { faceFont, type FaceId } from '../fonts.ts'
import { carrierGlyph, fillOutlines, type LogicalGlyph, logicalGlyphs, showLogical } from './draw-rtl.ts'
import { textGlyphs } from './ltr-clusters.ts'
import type { PdfkitInternals } from './glyph-encoder.ts'
import { popplerMarks } from './poppler-marks.ts'
import { num, showGlyphs, type TextObjectState } from './show-glyphs.ts'
import type { DrawingGroup, InlineBox, Line, TextRun } from './types.ts'

const UNDERLINE_OFFSET = 1.5
/** A strikethrough line at about the height of a lower-case letter's middle, in ems. */
const STRIKE_HEIGHT = 0.28

/** A thin line under or through text: drawn, not text, so extraction never sees it. */
function rule(doc: PDFKit.PDFDocument, x: number, y: number, width: number, color: string): void {
  doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(0.5).stroke(color).restore()
}

/** How a writer wraps the drawing of an inline box (tags it); by default it is drawn as it is. */
export type BoxWrapper = (box: InlineBox, draw: () => void) => void

/** Draw a line whose top-left corner is (left, top), in pdfkit's top-down coordinates. */
export function drawLine(doc: PDFKit.PDFDocument, line: Line, left: number, top: number, wrapBox: BoxWrapper = (_, draw) => draw()): void {
  const marks = line.groups.some((group) => group.rtl) ? popplerMarks(line) : []
  for (const group of line.groups) {
    const first = group.pieces[0]
    const box = first?.span.run.box
    if (box) wrapBox(box, () => drawBox(doc, first.span.run, box, left + first.x, top + line.ascent))
    else drawGroup(doc, group, left, top + line.ascent, group.rtl ? marks.filter((x) => within(group, x)) : marks)
  }
}

/** An inline image standing on the baseline; a link around it makes it a link too. */
function drawBox(doc: PDFKit.PDFDocument, run: TextRun, box: InlineBox, x: number, baseline: number): void {
  const top = baseline - box.height
  doc.image(box.image.path, x, top, { width: box.width, height: box.height })
  if (!run.link) return
  if (run.link.startsWith('#')) doc.goTo(x, top, box.width, box.height, run.link.slice(1))
  else doc.link(x, top, box.width, box.height, run.link)
}

/** Whether x (from the line's left) falls on the group, its edges included: its right edge is where a left-to-right run beside it begins. */
function within(group: DrawingGroup, x: number): boolean {
  const last = group.pieces[group.pieces.length - 1]!
  return x >= group.pieces[0]!.x - 0.001 && x <= last.x + last.width + 0.001
}

/**
 * `marks`: where poppler's right-to-left marks stand, in a right-to-left group
 * those it draws, in a left-to-right one those of the whole line.
 */
function drawGroup(doc: PDFKit.PDFDocument, group: DrawingGroup, left: number, baseline: number, marks: readonly number[]): void {
  const first = group.pieces[0]
  if (!first || group.pieces.every((piece) => piece.glyphs.length === 0)) return
  const { face, run } = first.span
  const internals = doc as unknown as PdfkitInternals
  useFace(doc, face).fontSize(run.size)
  const font = internals._font
  if (internals.page.fonts[font.id] == null) internals.page.fonts[font.id] = font.ref()
  // Text in a language of its own (a Latin name in Arabic): /Lang on its marked content (PDF 32000-1 §14.9.2.2).
  if (run.lang) doc.addContent(`/Span <</Lang (${run.lang.replace(/[^A-Za-z0-9-]/g, '')})>> BDC`)
  doc.save()
  // pdfkit's page space is top-down; text space must be bottom-up, as in pdfkit's own _fragment.
  doc.transform(1, 0, 0, -1, 0, doc.page.height)
  const y = doc.page.height - baseline
  doc.addContent(`BT\n/${font.id} ${num(run.size)} Tf\n1 0 0 1 ${num(left + first.x)} ${num(y)} Tm`)
  if (group.rtl) {
    const outlines = showLogical(doc, font, logicalGlyphs(group, face, marks))
    doc.addContent('ET')
    fillOutlines(doc, face, outlines, left + first.x, y, run.size)
  } else {
    const state: TextObjectState = { spacing: 0 }
    const outlines: LogicalGlyph[] = []
    let ending: LogicalGlyph | undefined
    for (const piece of group.pieces) {
      const { color } = piece.span.run
      const written = textGlyphs(piece.glyphs, carrierGlyph(face))
      doc.fillColor(color)
      doc.addContent(showGlyphs(font, written.glyphs, 1000 / piece.span.run.size, state))
      for (const { id, x, rise } of written.outlines) outlines.push({ id, x: piece.x - first.x + x, rise, text: '', outline: true, color })
      // A run that ends in a nonspacing mark and that a right-to-left mark ends (poppler-marks.ts): poppler reads
      // the line from the right and starts a left-to-right run at its first letter, so it read the mark (ते's े)
      // before the word. A LEFT-TO-RIGHT MARK just right of the carried mark (ltr-clusters.ts) starts the run
      // there; drawn invisible, as the right-to-left marks, for poppler alone.
      const last = written.glyphs[written.glyphs.length - 1]
      const ended = last && /\p{Mn}$/u.test(last.text) && marks.some((x) => Math.abs(x - piece.x) < 0.001)
      ending = ended ? { id: carrierGlyph(face), x: piece.x + piece.width - first.x - 0.005, rise: 0, text: '\u200e', outline: false, color, invisible: true } : undefined
    }
    if (ending) showLogical(doc, font, [ending])
    doc.addContent('ET')
    if (outlines.length > 0) fillOutlines(doc, face, outlines, left + first.x, y, run.size)
  }
  doc.restore()
  if (run.lang) doc.addContent('EMC')
  for (const piece of group.pieces) {
    const { link, color, size, strike, rise = 0 } = piece.span.run
    if (piece.width === 0) continue
    const x = left + piece.x
    if (strike) rule(doc, x, baseline - rise - size * STRIKE_HEIGHT, piece.width, color)
    if (!link) continue
    // A link inside the document (`#id`: a footnote, a heading) goes to its named destination; any other opens the address.
    if (link.startsWith('#')) doc.goTo(x, baseline - rise - size * 0.9, piece.width, size * 1.15, link.slice(1))
    else doc.link(x, baseline - rise - size * 0.9, piece.width, size * 1.15, link)
    rule(doc, x, baseline - rise + UNDERLINE_OFFSET, piece.width, color)
  }
}

const registered = new WeakMap<PDFKit.PDFDocument, Set<FaceId>>()

/** Register a face with the document when first drawn: a PDF embeds only the faces it uses. */
function useFace(doc: PDFKit.PDFDocument, face: FaceId): PDFKit.PDFDocument {
  let faces = registered.get(doc)
  if (!faces) registered.set(doc, (faces = new Set()))
  if (!faces.has(face)) {
    // The parsed font is shared by every document of the process: pdfkit would otherwise parse the file again per PDF.
    doc.registerFont(face, faceFont(face) as unknown as string)
    faces.add(face)
  }
  return doc.font(face)
}
