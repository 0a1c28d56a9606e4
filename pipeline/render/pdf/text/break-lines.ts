/**
 * Line breaking: break opportunities from UAX #14 (npm `linebreak`, the
 * library pdfkit itself uses), and the hyphenator's points inside words,
 * chosen all at once by total fit (total-fit.ts, Knuth–Plass), as TeX
 * does. UAX #14 allows breaks between ideographs and forbids them before
 * closing punctuation (。，、」）) and after opening punctuation (「（),
 * which is the kinsoku rule for Chinese, and never breaks at a no-break
 * space. White space at a line's end hangs: it neither counts against the
 * width nor prints.
 *
 * Two passes, as TeX's: first without hyphens, spaces stretching to at
 * most their stretch (TeX's pretolerance); when that fails, with hyphens
 * and any stretch, but badness (100·r³) is not capped as TeX caps it, so a
 * line looser than the tolerance is taken only when every other way costs
 * more: three hyphens in a row are never taken, a hyphen on the last full
 * line or at a page's end costs as much as a line stretched 2.5 times.
 */
import { breakOpportunities } from '../../break-opportunities.ts'
import { CJK_STRETCH, LETTER_STRETCH, SPACE_SHRINK, SPACE_STRETCH } from './justify.ts'
import { autospace, isCjkChar, joins } from './script.ts'
import { measure } from './shape.ts'
import { totalFit, type Breakpoint, type FitOptions } from './total-fit.ts'
import type { Hyphenator, Span } from './types.ts'

export interface LineRange {
  start: number
  /** End of the printed text (trailing white space excluded). */
  end: number
  /** Whether the line ends at a hyphenation point (a hyphen is added). */
  hyphen: boolean
  /** Last line of the paragraph, or ended by a forced break: never justified. */
  last: boolean
}

export interface BreakOptions {
  width: number
  /** Justified lines stretch and shrink at their spaces; ragged ones keep them and end short. */
  justify: boolean
  hyphenate?: Hyphenator | undefined
  /** A hyphen ending this line (0-based) is avoided: it is the last line of a page. */
  pageEndLine?: number | undefined
  /** Break only where Intl.Segmenter finds a word boundary (Chinese headlines: never inside a word). */
  wordsOnly?: string | undefined
  /** The last line is as long as the others (headlines). */
  balance?: boolean | undefined
  /** The paragraph's last line holds at least this many break-to-break pieces (Chinese: no character alone). */
  lastLineMin?: number | undefined
}

interface Segment {
  start: number
  /** End of its text without trailing white space. */
  content: number
  end: number
  required: boolean
}

/** A break point with where its line ends and the next begins. */
interface Place extends Breakpoint {
  end: number
  next: number
}

const TRAILING_SPACE = /[ \t\n\u2028\u3000]+$/
export const HYPHEN = '-'
/** A headline's break between two words, not after punctuation. */
const BETWEEN_WORDS_PENALTY = 250
/** A hyphen costs as TeX's \hyphenpenalty. */
const HYPHEN_PENALTY = 200
/** Stretch ratio of the first pass: spaces up to their stretch, and no hyphens. */
const PRETOLERANCE = 1
/** Ragged lines may end up to a third of the measure short before they count as bad. */
const RAGGED_STRETCH = 1 / 3

export function breakLines(text: string, spans: readonly Span[], options: BreakOptions): LineRange[] {
  const widthOf = (start: number, end: number) => rangeWidth(text, spans, start, end)
  const segments = splitOverlong(text, mergeInsideWords(text, segmentsOf(text), options.wordsOnly), options.width, widthOf)
  if (segments.length === 0) return []
  const plain = placesOf(text, spans, segments, options.justify, widthOf)
  if (options.wordsOnly) preferPunctuation(text, plain)
  const fit = (places: Place[], hyphens: boolean, tolerance: number) => {
    const fitOptions: FitOptions = {
      width: options.width, tolerance, hyphens, pageEndLine: options.pageEndLine, lastLineMin: options.lastLineMin, balance: options.balance,
      lineStretch: options.justify ? 0 : options.width * RAGGED_STRETCH
    }
    const breaks = totalFit(places, fitOptions)
    return breaks && rangesOf(places, breaks, segments[0]!.start)
  }
  if (!options.justify) return fit(plain, false, Infinity)!
  const hyphenated = () => placesOf(text, spans, segments, true, widthOf, options.hyphenate)
  return fit(plain, false, PRETOLERANCE) ?? fit(options.hyphenate ? hyphenated() : plain, Boolean(options.hyphenate), Infinity)!
}

function rangesOf(places: readonly Place[], breaks: readonly number[], first: number): LineRange[] {
  let start = first
  return breaks.map((index, line) => {
    const place = places[index]!
    const range: LineRange = { start, end: place.end, hyphen: place.hyphen, last: place.forced || line === breaks.length - 1 }
    start = place.next
    return range
  })
}

/** The break points of the paragraph with their running widths; hyphenation points too when a hyphenator is given. */
function placesOf(
  text: string, spans: readonly Span[], segments: readonly Segment[], justify: boolean,
  widthOf: (start: number, end: number) => number, hyphenate?: Hyphenator
): Place[] {
  const places: Place[] = []
  let width = 0
  let stretch = 0
  let shrink = 0
  segments.forEach((segment, index) => {
    const content = widthOf(segment.start, segment.content)
    const size = sizeAt(spans, segment.start)
    if (hyphenate) {
      const hyphenWidth = size.span ? measure(size.span.face, HYPHEN, size.span.run.size) : 0
      for (const point of hyphenate(text, segment.start, segment.content)) {
        if (point <= segment.start || point >= segment.content) continue
        places.push({
          width: width + widthOf(segment.start, point), stretch, shrink, glue: 0, glueStretch: 0, glueShrink: 0,
          penalty: HYPHEN_PENALTY, hyphen: true, hyphenWidth, forced: false, end: point, next: point
        })
      }
    }
    width += content
    // A no-break space inside the segment stretches like any other space, and a word between its letters (justify.ts).
    const word = text.slice(segment.start, segment.content)
    const tied = justify ? (word.match(/\u00a0/g)?.length ?? 0) * spaceWidth(spans, segment.start) : 0
    stretch += tied * SPACE_STRETCH + (justify ? letterGaps(word) * LETTER_STRETCH * size.size : 0)
    shrink += tied * SPACE_SHRINK
    const glue = widthOf(segment.content, segment.end) + (segment.content === segment.end ? autospace(text, segment.end, size.size) : 0)
    const cjk = justify && glue === 0 && isCjkChar(text.slice(segment.content - 1, segment.content)) ? CJK_STRETCH * size.size : 0
    places.push({
      width, stretch, shrink, glue,
      glueStretch: justify ? glue * SPACE_STRETCH + cjk : 0,
      glueShrink: justify ? glue * SPACE_SHRINK : 0,
      // A break after a hyphen the text has (large-/scale) costs as TeX's \exhyphenpenalty and counts in a ladder.
      ...(/\p{L}[-\u2010]$/u.test(text.slice(Math.max(0, segment.content - 2), segment.content)) && segment.content === segment.end
        ? { penalty: HYPHEN_PENALTY, explicitHyphen: true } : { penalty: 0 }),
      hyphen: false, hyphenWidth: 0,
      forced: (segment.required && segment.end < text.length) || index === segments.length - 1,
      end: segment.content, next: segment.end
    })
    width += glue
    stretch += places[places.length - 1]!.glueStretch
    shrink += places[places.length - 1]!.glueShrink
  })
  return places
}

/** Places between two letters of a non-joining script where a justified line may open (justify.ts). */
function letterGaps(word: string): number {
  let gaps = 0
  for (const match of word.matchAll(/[\p{L}\p{M}]{2,}/gu)) if (!joins(match[0])) gaps += [...match[0]].length - 1
  return gaps
}

function sizeAt(spans: readonly Span[], at: number): { span?: Span | undefined; size: number } {
  const span = spans.find((each) => each.start <= at && at < each.end)
  return { span, size: span?.run.size ?? 10 }
}

function spaceWidth(spans: readonly Span[], at: number): number {
  const { span } = sizeAt(spans, at)
  return span ? measure(span.face, ' ', span.run.size) : 0
}

/**
 * A headline set by words (Chinese) breaks after its punctuation rather than
 * between two words of a phrase, where it can: the dictionary that finds
 * Chinese words does not know every name (it splits 哈萨克斯坦 in two).
 */
function preferPunctuation(text: string, places: Place[]): void {
  for (const place of places) {
    if (!place.forced && !/[\p{P}\s]$/u.test(text.slice(0, place.end))) place.penalty = BETWEEN_WORDS_PENALTY
  }
}

/** Segments joined where a break would fall inside a word (Intl.Segmenter's words for `locale`). */
function mergeInsideWords(text: string, segments: Segment[], locale?: string): Segment[] {
  if (!locale || segments.length < 2) return segments
  const boundaries = new Set<number>()
  for (const { index } of new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)) boundaries.add(index)
  const merged: Segment[] = []
  for (const segment of segments) {
    const last = merged[merged.length - 1]
    if (last && !last.required && last.end === last.content && !boundaries.has(last.end)) merged[merged.length - 1] = { ...segment, start: last.start }
    else merged.push(segment)
  }
  return merged
}

/** A word wider than the whole line is cut where it must, between graphemes. */
function splitOverlong(text: string, segments: Segment[], width: number, widthOf: (start: number, end: number) => number): Segment[] {
  const result: Segment[] = []
  for (const segment of segments) {
    let rest = segment
    while (rest.content - rest.start > 1 && widthOf(rest.start, rest.content) > width) {
      const cut = emergencyBreak(text, rest, width, widthOf)
      if (cut >= rest.content) break
      result.push({ start: rest.start, content: cut, end: cut, required: false })
      rest = { ...rest, start: cut }
    }
    result.push(rest)
  }
  return result
}

function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = []
  let start = 0
  for (const found of breakOpportunities(text)) {
    const end = found.position
    const trailing = TRAILING_SPACE.exec(text.slice(start, end))
    segments.push({ start, content: end - (trailing ? trailing[0].length : 0), end, required: found.required })
    start = end
  }
  return segments
}

/** Width in points of text[start, end), each part measured in its own span's face and size. */
export function rangeWidth(text: string, spans: readonly Span[], start: number, end: number): number {
  let width = 0
  for (const span of spans) {
    const from = Math.max(start, span.start)
    const to = Math.min(end, span.end)
    if (from >= to) continue
    const part = text.slice(from, to)
    width += measure(span.face, part, span.run.size)
    if (span.run.tracking && !joins(part)) width += span.run.tracking * [...part].length
    for (let index = from + 1; index < to; index++) width += autospace(text, index, span.run.size)
  }
  return width
}

function emergencyBreak(text: string, segment: Segment, width: number, widthOf: (start: number, end: number) => number): number {
  const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.slice(segment.start, segment.content))
  let cut = segment.start
  for (const { index, segment: grapheme } of graphemes) {
    const next = segment.start + index + grapheme.length
    if (cut > segment.start && widthOf(segment.start, next) > width) break
    cut = next
  }
  return cut
}
