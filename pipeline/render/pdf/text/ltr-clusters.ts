/**
 * A left-to-right cluster HarfBuzz draws with several glyphs (Devanagari's
 * vowel sign ि drawn before the consonant it follows, a reph, Thai's sara am
 * in two parts). Shaping gives its first glyph all its characters and the
 * others none; written so, each other glyph is a ZERO WIDTH SPACE and a move,
 * which poppler and MuPDF copy into the word and pdf.js reads as a space
 * ("दु नि या"). Instead its characters are handed, in logical order, to its
 * glyphs that advance, in the order they are drawn (the last takes the rest):
 * ि then न stand for न then ि, so every reader, which reads in drawing order,
 * reads "नि", and each glyph keeps its own width, so none sees a gap. A
 * nonspacing mark goes with the character before it: न्ति's ि, half-form न्
 * and त stand for न्, त and ि (a lone virama on the half form read "शान् ति"
 * in pdf.js and poppler). A glyph
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
/** How far inside its glyph's right edge a carried mark sits, in points. */
const CARRIED_STEP = 0.01
const STARTS_WITH_MARK = /^\p{M}/u

/**
 * The piece's glyphs to write as text, and those to draw as outlines; the
 * glyphs themselves when no cluster has several and no glyph that advances
 * stands for a mark after another character. `carrier`: the face's glyph
 * that draws nothing and does not advance.
 */
export function textGlyphs(glyphs: readonly PlacedGlyph[], carrier: number): { glyphs: readonly PlacedGlyph[]; outlines: ClusterOutline[] } {
  // Most pieces (every Latin, Cyrillic and Chinese one of the interview): nothing to do, found without a copy.
  if (!glyphs.some((glyph, index) => (index > 0 && (glyph.text === '' || trailingMarks(glyph))) || (glyph.text.length > 1 && MARK.test(glyph.text)))) {
    return { glyphs, outlines: [] }
  }
  const spread = spreadClusters(glyphs)
  return { glyphs: tuckMarks(spread.glyphs.flatMap((glyph) => carryMarks(glyph, carrier))), outlines: spread.outlines }
}

function carryMarks(glyph: PlacedGlyph, carrier: number): PlacedGlyph[] {
  const first = glyph.advance > 0 ? glyph.text.slice(1).search(MARK) + 1 : 0
  if (first <= 0) return [glyph]
  const rest: PlacedGlyph = { ...glyph, id: carrier, x: glyph.x + glyph.advance, xOffset: 0, yOffset: glyph.yOffset, advance: 0, text: glyph.text.slice(first) }
  return [{ ...glyph, text: glyph.text.slice(0, first) }, rest]
}

/** A glyph that does not advance and stands for marks: a carrier, or a mark HarfBuzz gave a cluster of its own (ते's े). */
function trailingMarks(glyph: PlacedGlyph): boolean {
  return glyph.advance === 0 && STARTS_WITH_MARK.test(glyph.text)
}

/**
 * Marks that do not advance stand just inside their glyph's right edge, not
 * on it: poppler sorts a line's characters by position and, in a
 * right-to-left page, read the marks at a run's end after what stands at that
 * edge («नमस्ते» came out »नमस्त«े). The glyph before gives up the step.
 */
function tuckMarks(glyphs: PlacedGlyph[]): PlacedGlyph[] {
  for (let index = 1; index < glyphs.length; index++) {
    if (!trailingMarks(glyphs[index]!)) continue
    let end = index
    while (end + 1 < glyphs.length && trailingMarks(glyphs[end + 1]!)) end++
    const base = glyphs[index - 1]!
    if (base.advance > CARRIED_STEP) {
      glyphs[index - 1] = { ...base, advance: base.advance - CARRIED_STEP }
      for (let at = index; at <= end; at++) glyphs[at] = { ...glyphs[at]!, x: glyphs[at]!.x - CARRIED_STEP }
      glyphs[end] = { ...glyphs[end]!, advance: CARRIED_STEP }
    }
    index = end
  }
  return glyphs
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
    const advancing = cluster.filter((glyph) => glyph.advance > 0)
    const carriers = advancing.length > 0 ? advancing : [cluster[0]!]
    const pieces = markedPieces(cluster[0]!.text)
    for (const glyph of cluster) {
      const at = carriers.indexOf(glyph)
      if (at === -1) {
        outlines.push({ id: glyph.id, x: glyph.x + glyph.xOffset, rise: glyph.yOffset })
        continue
      }
      const text = at === carriers.length - 1 ? pieces.slice(at).join('') : pieces[at] ?? ''
      written.push({ ...glyph, text })
    }
  }
  return { glyphs: written, outlines }
}

/**
 * A cluster's characters cut before each one that is not a nonspacing mark:
 * a mark stays with the character before it (न्ति: न्, त, ि), so no glyph's
 * text starts with one, which pdf.js would read as an accent and a space.
 */
function markedPieces(text: string): string[] {
  const pieces: string[] = []
  for (const char of text) {
    if (pieces.length > 0 && MARK.test(char)) pieces[pieces.length - 1] += char
    else pieces.push(char)
  }
  return pieces
}
