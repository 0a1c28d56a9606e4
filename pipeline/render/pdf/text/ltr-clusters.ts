/**
 * A left-to-right cluster HarfBuzz draws with several glyphs (Devanagari's
 * vowel sign ि drawn before the consonant it follows, a reph, Thai's sara am
 * in two parts). Shaping gives its first glyph all its characters and the
 * others none; written so, each other glyph is a ZERO WIDTH SPACE and a move,
 * which poppler and MuPDF copy into the word and pdf.js reads as a space
 * ("दु नि या"). Instead its characters are handed, in logical order, to its
 * glyphs that advance, in the order they are drawn (the last takes the rest):
 * ि then न stand for न then ि, so every reader, which reads in drawing order,
 * reads "नि", and each glyph keeps its own width, so none sees a gap. A glyph
 * that does not advance and is left no character (sara am's nikhahit) is
 * drawn as an outline (outline.ts), as no text.
 *
 * And pdf.js takes a glyph whose text holds a nonspacing mark anywhere (दु,
 * स्) for a zero-width accent, so the glyph's width becomes a gap, and a space,
 * in its text: such a glyph keeps its characters before the first mark, and
 * the rest ride on an invisible glyph that does not advance, just after it
 * (as draw-rtl.ts carries a ligature's characters).
 */
import type { PlacedGlyph } from './types.ts'

/** A glyph drawn as a path: `x` from the piece's left edge, `rise` above the baseline. */
export interface ClusterOutline {
  id: number
  x: number
  rise: number
}

const MARK = /\p{Mn}/u

/**
 * The piece's glyphs to write as text, and those to draw as outlines; the
 * glyphs themselves when no cluster has several and no glyph that advances
 * stands for a mark after another character. `carrier`: the face's glyph
 * that draws nothing and does not advance.
 */
export function textGlyphs(glyphs: readonly PlacedGlyph[], carrier: number): { glyphs: readonly PlacedGlyph[]; outlines: ClusterOutline[] } {
  // Most pieces (every Latin, Cyrillic and Chinese one of the interview): nothing to do, found without a copy.
  if (!glyphs.some((glyph, index) => (index > 0 && glyph.text === '') || (glyph.text.length > 1 && MARK.test(glyph.text)))) return { glyphs, outlines: [] }
  const spread = spreadClusters(glyphs)
  return { glyphs: spread.glyphs.flatMap((glyph) => carryMarks(glyph, carrier)), outlines: spread.outlines }
}

function carryMarks(glyph: PlacedGlyph, carrier: number): PlacedGlyph[] {
  const first = glyph.advance > 0 ? glyph.text.slice(1).search(MARK) + 1 : 0
  if (first <= 0) return [glyph]
  const rest: PlacedGlyph = { ...glyph, id: carrier, x: glyph.x + glyph.advance, xOffset: 0, yOffset: glyph.yOffset, advance: 0, text: glyph.text.slice(first) }
  return [{ ...glyph, text: glyph.text.slice(0, first) }, rest]
}

function spreadClusters(glyphs: readonly PlacedGlyph[]): { glyphs: readonly PlacedGlyph[]; outlines: ClusterOutline[] } {
  if (!glyphs.some((glyph, index) => index > 0 && glyph.text === '')) return { glyphs, outlines: [] }
  const written: PlacedGlyph[] = []
  const outlines: ClusterOutline[] = []
  for (let start = 0; start < glyphs.length;) {
    let end = start + 1
    while (end < glyphs.length && glyphs[end]!.text === '') end++
    const cluster = glyphs.slice(start, end)
    start = end
    if (cluster.length === 1 || cluster[0]!.text === '') {
      written.push(...cluster)
      continue
    }
    const characters = [...cluster[0]!.text]
    const advancing = cluster.filter((glyph) => glyph.advance > 0)
    const carriers = advancing.length > 0 ? advancing : [cluster[0]!]
    for (const glyph of cluster) {
      const at = carriers.indexOf(glyph)
      if (at === -1) {
        outlines.push({ id: glyph.id, x: glyph.x + glyph.xOffset, rise: glyph.yOffset })
        continue
      }
      const text = at === carriers.length - 1 ? characters.slice(at).join('') : characters[at] ?? ''
      written.push({ ...glyph, text })
    }
  }
  return { glyphs: written, outlines }
}
