/**
 * Where a justified line stretches. Words separated by spaces (Latin,
 * Cyrillic, Arabic) stretch at the spaces. A line with Chinese stretches
 * between ideographs as well (CSS `text-justify: inter-character`), so the
 * space is spread evenly instead of opening gaps at the few Latin spaces.
 */
import { isCjkChar } from '../../cjk.ts'
import { isLowSurrogate, isSurrogate } from '../../../content/utf16.ts'
import { joins } from './script.ts'
import type { Piece } from './types.ts'

/** Stretchable spaces: a no-break space stretches like any other, it only never breaks. */
const SPACE = /^[ \u00a0\u3000]$/
/** Letters, not digits: a number is never spaced out. */
const LETTER = /^[\p{L}\p{M}]$/u

/**
 * The glue model total fit (break-lines.ts) chooses lines by, and this
 * module spreads a line's slack by. A space stretches by half its width and
 * shrinks by a third (TeX's fonts); a Chinese line opens a tenth of an em
 * between ideographs; and between the letters of a Latin or Cyrillic word a
 * line may open 2 % of an em (a trace of letter spacing, as microtype's
 * font expansion gives), so long Russian and Kazakh words do not leave
 * rivers of space. Joining scripts (Arabic) never open between letters.
 * Shrinking is done by spaces alone. Letters open at most LETTER_STRETCH
 * times the stretch ratio total fit's second pass allows: a line looser
 * than that (its last resort, a long word or URL before it) leaves the rest
 * to its spaces, or its words would come apart letter by letter
 * ("v e r y", which MuPDF's text reads as one word a line).
 */
export const SPACE_STRETCH = 0.5
export const SPACE_SHRINK = 1 / 3
export const CJK_STRETCH = 0.1
export const LETTER_STRETCH = 0.02
/** The stretch ratio total fit's second pass allows a line (break-lines.ts), and the most its letters ever open. */
export const STRETCH_TOLERANCE = 4

type Kind = 'space' | 'cjk' | 'letter'

/**
 * Spreads `slack` over the line's glyphs (added to their advances) by what
 * opens after each; false when nothing can stretch. Every justified line's
 * every glyph passes here: the weights go into one buffer kept between
 * lines, not an array per piece and a map per line.
 */
export function justify(text: string, pieces: readonly Piece[], lineEnd: number, slack: number): boolean {
  let count = 0
  for (const piece of pieces) count += piece.glyphs.length
  if (weights.length < count) {
    weights = new Float64Array(Math.max(count, 2 * weights.length))
    letters = new Uint8Array(weights.length)
  }
  let total = spread(text, pieces, lineEnd, slack, slack < 0)
  // A line a hair too long with no space to shrink (Chinese: whole-line shaping kerns a little differently
  // from the pieces total fit measured) closes up between its characters instead.
  if (total === 0 && slack < 0) total = spread(text, pieces, lineEnd, slack, false)
  if (total === 0) return false
  const letterShare = slack > 0 && letterTotal < total && slack > STRETCH_TOLERANCE * total ? STRETCH_TOLERANCE : 0
  const rest = (slack - letterShare * letterTotal) / (total - letterTotal)
  let at = 0
  for (const piece of pieces) {
    for (const glyph of piece.glyphs) {
      // Uncapped, the share is computed as it always was (same bytes for every line within the tolerance).
      glyph.advance += letterShare ? (letters[at] ? letterShare : rest) * weights[at]! : (slack * weights[at]!) / total
      at++
    }
  }
  return true
}

let weights = new Float64Array(256)
/** Which of `weights` are a letter gap's (1), and their sum. */
let letters = new Uint8Array(256)
let letterTotal = 0

/** Each glyph's weight into `weights`, in line order; their sum. */
function spread(text: string, pieces: readonly Piece[], lineEnd: number, slack: number, shrinkAtSpacesOnly: boolean): number {
  let total = 0
  let at = 0
  letterTotal = 0
  for (const piece of pieces) {
    const size = piece.span.run.size
    // Code keeps its monospaced letters and spaces as they are (TeX's typewriter face has rigid spaces too).
    const rigid = piece.span.run.role === 'mono'
    for (const glyph of piece.glyphs) {
      const kind = rigid ? undefined : kindOf(text, glyph.clusterStart, glyph.clusterEnd, lineEnd)
      const weight = kind === 'space' ? glyph.advance * (slack < 0 ? SPACE_SHRINK : SPACE_STRETCH)
        : shrinkAtSpacesOnly ? 0
        : kind === 'cjk' ? CJK_STRETCH * size
        : kind === 'letter' ? LETTER_STRETCH * size
        : 0
      const letter = kind === 'letter' && weight > 0
      if (letter) letterTotal += weight
      letters[at] = letter ? 1 : 0
      total += weight
      weights[at++] = weight
    }
  }
  return total
}

/** What opens after a glyph whose cluster is [start, end). */
export function kindOf(text: string, start: number, end: number, lineEnd: number): Kind | undefined {
  if (end <= start || end >= lineEnd) return undefined
  const before = text.charCodeAt(end - 1)
  const after = text.charCodeAt(end)
  // A justified line's every glyph is asked about: two characters of the BMP are answered from their classes, remembered.
  if (!isSurrogate(before) && !isSurrogate(after)) return kindOfClasses(classOf(before), classOf(after))
  const last = charBefore(text, end)
  const next = String.fromCodePoint(text.codePointAt(end)!)
  if (SPACE.test(last)) return 'space'
  if ((isCjkChar(last) || isCjkChar(next)) && !SPACE.test(next)) return 'cjk'
  if (LETTER.test(last) && LETTER.test(next) && !joins(last) && !joins(next)) return 'letter'
  return undefined
}

/** The same rules as kindOf's, over the characters' classes. */
function kindOfClasses(last: number, next: number): Kind | undefined {
  if (last & IS_SPACE) return 'space'
  if ((last & IS_CJK || next & IS_CJK) && !(next & IS_SPACE)) return 'cjk'
  if (last & IS_LETTER && next & IS_LETTER && !(last & JOINS) && !(next & JOINS)) return 'letter'
  return undefined
}

const KNOWN = 1
const IS_SPACE = 2
const IS_CJK = 4
const IS_LETTER = 8
const JOINS = 16
/** Each BMP character's answers to kindOf's tests, made on first use (0: not yet). */
const classes = new Uint8Array(0x10000)

function classOf(unit: number): number {
  let found = classes[unit]!
  if (found === 0) {
    const char = String.fromCharCode(unit)
    found = KNOWN | (SPACE.test(char) ? IS_SPACE : 0) | (isCjkChar(char) ? IS_CJK : 0) | (LETTER.test(char) ? IS_LETTER : 0) | (joins(char) ? JOINS : 0)
    classes[unit] = found
  }
  return found
}

function charBefore(text: string, end: number): string {
  const code = text.charCodeAt(end - 1)
  return isLowSurrogate(code) && end >= 2 ? text.slice(end - 2, end) : text.slice(end - 1, end)
}
