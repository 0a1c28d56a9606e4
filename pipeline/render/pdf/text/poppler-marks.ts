/**
 * Where poppler needs a RIGHT-TO-LEFT MARK to read a right-to-left line in
 * logical order. poppler (pdftotext, Evince, Okular) sorts a line's
 * characters by position and, in a right-to-left page, reads it from the
 * right: a stretch of characters that are not right-to-left, once it meets
 * a letter or a number, is read as one left-to-right run, and that run
 * takes in every neutral to its left until the next right-to-left
 * character. Punctuation poppler counts as numbers (، . : , - %) does the
 * same. So "شتوك، الأمين" came out "شتوك ،الأمين" and "(Jürgen Stock) عن"
 * as "( )Jürgen Stockعن". A mark just left of such a character (or of such
 * a left-to-right run) ends the run where the text does.
 *
 * The marks are drawn invisible (text render mode 3, which MuPDF's text
 * extraction skips) and stand for the mark alone (which pdf.js drops as an
 * invisible format character): only poppler reads them, only where it needs them.
 */
import { bidiClass } from './bidi.ts'
import type { Line, Piece, PlacedGlyph } from './types.ts'

/** Classes poppler reads as left-to-right or as numbers (its "L" and "#"). */
const LEFT_OR_NUMBER = new Set(['L', 'EN', 'AN', 'ES', 'ET', 'CS'])
const RIGHT = new Set(['R', 'AL'])

/** x (from the line's left edge) of each mark the line needs. */
export function popplerMarks(line: Line): number[] {
  const clusters = line.pieces
    .flatMap((piece) => piece.glyphs.filter((glyph) => glyph.text !== '' && glyph.clusterEnd > glyph.clusterStart).map((glyph) => ({ piece, glyph })))
    .sort((a, b) => a.glyph.clusterStart - b.glyph.clusterStart)
  const marks: number[] = []
  for (const [index, { piece, glyph }] of clusters.entries()) {
    const next = clusters[index + 1]
    // A mark takes the class of the letter it follows (UAX #9, W1), ते's े that of त.
    let from = index
    while (from > 0 && /^\p{Mn}+$/u.test(clusters[from]!.glyph.text)) from--
    if (!next || !LEFT_OR_NUMBER.has(bidiClass(lastChar(clusters[from]!.glyph.text)))) continue
    if (RIGHT.has(bidiClass([...next.glyph.text][0]!))) continue
    // Inside one left-to-right run poppler reads the characters as they stand.
    if (!piece.rtl && next.piece === piece) continue
    marks.push(leftEdge(piece, glyph))
  }
  return marks
}

/** The left edge of the character, or of its left-to-right run: the text after it stands to the left. */
function leftEdge(piece: Piece, glyph: PlacedGlyph): number {
  return piece.rtl ? piece.x + glyph.x : piece.x
}

/** The last character that is not a nonspacing mark: a mark takes the class of its letter (UAX #9, W1). */
function lastChar(text: string): string {
  const chars = [...text]
  let at = chars.length - 1
  while (at > 0 && /\p{Mn}/u.test(chars[at]!)) at--
  return chars[at]!
}
