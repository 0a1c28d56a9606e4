/**
 * Glyph → character code in a pdfkit embedded (subset) font, with the text
 * the ToUnicode map gives back for it. pdfkit maps each glyph to the first
 * text it was used for; one glyph can stand for different texts (a bracket
 * drawn mirrored in Arabic stands for its partner; the zero-width glyph that
 * carries a ligature's or a mark's further characters in a right-to-left run
 * stands for each of them, see draw-rtl.ts), so a glyph needed with a second
 * text gets a second code: the subset holds the outline twice. That keeps
 * copy-paste and search exact in every reader.
 *
 * The members used here are pdfkit 0.20's EmbeddedFont and fontkit's
 * TTFSubset; test/pdf-text.test.ts fails if they change.
 */

export interface EmbeddedFontInternals {
  id: string
  ref: () => unknown
  /** Advance widths per code, thousandths of an em (the /W array). */
  widths: Array<number | undefined>
  /** Code points per code (the ToUnicode map). */
  unicode: Array<number[] | undefined>
  scale: number
  font: { getGlyph: (id: number) => { advanceWidth: number } }
  subset: { glyphs: number[]; includeGlyph: (id: number) => number }
  /** Ours: codes made for a glyph with a second text. */
  alternates?: Map<string, number>
}

export interface PdfkitInternals {
  _font: EmbeddedFontInternals
  page: { fonts: Record<string, unknown> }
}

/**
 * What a glyph that stands for no text of its own (the dots Noto Naskh draws
 * apart from a letter, an added hyphen) gives back: ZERO WIDTH SPACE, a
 * format character that extractors drop. An empty mapping would make them
 * fall back to the raw code and print junk.
 */
const NOTHING = [0x200b]
const COMBINING = /^\p{Mn}+$/u

/** The character code to write for glyph `id` standing for `text`. */
export function encodeGlyph(font: EmbeddedFontInternals, id: number, text: string): number {
  const code = font.subset.includeGlyph(id)
  const known = font.unicode[code]
  if (known === undefined) {
    record(font, code, id, codePointsOf(text))
    return code
  }
  // Nearly every glyph comes again with the text it was first recorded with: compared as it is, no array made.
  if (standsFor(known, text)) return code
  font.alternates ??= new Map()
  const key = `${id}:${text}`
  let alternate = font.alternates.get(key)
  if (alternate === undefined) {
    font.subset.glyphs.push(id)
    alternate = font.subset.glyphs.length - 1
    font.alternates.set(key, alternate)
    record(font, alternate, id, codePointsOf(text))
  }
  return alternate
}

function codePointsOf(text: string): number[] {
  return text === '' ? NOTHING : [...text].map((char) => char.codePointAt(0)!)
}

function record(font: EmbeddedFontInternals, code: number, id: number, codePoints: number[]): void {
  // Extractors do not advance past a glyph that stands for nothing or for a combining mark: neither may the viewer.
  font.widths[code] = codePoints === NOTHING || COMBINING.test(String.fromCodePoint(...codePoints)) ? 0 : font.font.getGlyph(id).advanceWidth * font.scale
  font.unicode[code] = codePoints
}

/** Whether the code points `known` are those of `text` (of NOTHING for no text). */
function standsFor(known: readonly number[], text: string): boolean {
  if (text === '') return known.length === 1 && known[0] === NOTHING[0]
  let index = 0
  for (let at = 0; at < text.length; index++) {
    const point = text.codePointAt(at)!
    if (known[index] !== point) return false
    at += point > 0xffff ? 2 : 1
  }
  return index === known.length
}
