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
import { breakOpportunities, NO_LINE_START, wordBoundaries } from '../../break-opportunities.ts'
import { isCjkChar } from '../../cjk.ts'
import { CJK_STRETCH, LETTER_STRETCH, SPACE_SHRINK, SPACE_STRETCH, STRETCH_TOLERANCE } from './justify.ts'
import { autospace, joins } from './script.ts'
import { measure, shape } from './shape.ts'
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

export interface Segment {
  start: number
  /** End of its text without trailing white space. */
  content: number
  end: number
  required: boolean
  /** Cut inside a word too wide for the line (splitOverlong): the line ends in a hyphen, as at a hyphenation point. */
  cut?: boolean
}

/** A break point with where its line ends and the next begins. */
interface Place extends Breakpoint {
  end: number
  next: number
}

/** White space that hangs at a line's end: space, tab, line feed, line separator, ideographic space. */
function isTrailingSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x2028 || code === 0x3000
}
export const HYPHEN = '-'
/** A headline's break between two words, not after punctuation. */
const BETWEEN_WORDS_PENALTY = 250
/** A hyphen costs as TeX's \hyphenpenalty. */
const HYPHEN_PENALTY = 300
/** Stretch ratio of the first pass: spaces up to their stretch, and no hyphens. */
const PRETOLERANCE = 1
/** Of the second: spaces up to three times their width; wider only as the last resort. */
const TOLERANCE = STRETCH_TOLERANCE
/** Ragged lines may end up to a third of the measure short before they count as bad. */
const RAGGED_STRETCH = 1 / 3

export function breakLines(text: string, spans: readonly Span[], options: BreakOptions): LineRange[] {
  const widthOf = (start: number, end: number) => rangeWidth(text, spans, start, end)
  const largest = Math.max(...spans.map((span) => span.run.size + (span.run.tracking ?? 0)))
  const isCode = (at: number) => sizeAt(spans, at).span?.run.role === 'mono'
  const segments = splitOverlong(text, mergeInsideWords(text, keepLineStarts(text, segmentsOf(text)), options.wordsOnly), options.width, widthOf, largest, isCode)
  if (segments.length === 0) return []
  const measured = measureSegments(text, spans, segments, options.justify, widthOf)
  const plain = placesOf(text, segments, measured, options.justify, widthOf)
  if (options.wordsOnly) preferPunctuation(text, plain)
  const fit = (places: Place[], hyphens: boolean, tolerance: number) => {
    const fitOptions: FitOptions = {
      width: options.width, tolerance, hyphens, pageEndLine: options.pageEndLine, lastLineMin: options.lastLineMin, balance: options.balance,
      lineStretch: options.justify ? 0 : options.width * RAGGED_STRETCH
    }
    const breaks = totalFit(places, fitOptions)
    return breaks && rangesOf(places, breaks, segments[0]!.start)
  }
  const overfull = () => rangesOf(plain, firstFit(plain, options.width), segments[0]!.start)
  if (!options.justify) return fit(plain, false, Infinity) ?? overfull()
  const places = () => (options.hyphenate ? placesOf(text, segments, measured, true, widthOf, options.hyphenate) : plain)
  // The second pass first bounds its lines' stretch (fewer candidate lines to weigh); only if that fails, none at all.
  let second: Place[] | undefined
  return fit(plain, false, PRETOLERANCE)
    ?? fit(second = places(), Boolean(options.hyphenate), TOLERANCE)
    ?? fit(second, Boolean(options.hyphenate), Infinity)
    ?? overfull()
}

/**
 * The last resort, when no way of breaking keeps every line within the measure even at any stretch: a
 * piece wider than the line that cannot be cut (one glyph wider than a narrow table column, or a measure
 * of nothing). Each line takes the pieces that fit, and at least one, so every word is set, the widest
 * past the measure, as TeX sets an overfull box rather than lose it.
 */
function firstFit(places: readonly Place[], width: number): number[] {
  const breaks: number[] = []
  let lineStart = 0
  let pending = -1
  for (let index = 0; index < places.length; index++) {
    const place = places[index]!
    const natural = place.width - lineStart + (place.hyphen ? place.hyphenWidth : 0)
    if (natural > width && pending >= 0) {
      breaks.push(pending)
      lineStart = places[pending]!.width + places[pending]!.glue
    }
    pending = index
    if (place.forced) {
      breaks.push(index)
      lineStart = place.width + place.glue
      pending = -1
    }
  }
  return breaks
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

/** What a segment measures, once per paragraph: both passes use it. */
interface Measured {
  content: number
  glue: number
  size: number
  span?: Span | undefined
  /** Stretch and shrink inside the segment: its no-break spaces, and its letter gaps (justify.ts). */
  stretch: number
  shrink: number
  /** The space after it is code's, which never stretches or shrinks (justify.ts). */
  rigidGlue: boolean
  explicitHyphen: boolean
}

function measureSegments(text: string, spans: readonly Span[], segments: readonly Segment[], justify: boolean, widthOf: (start: number, end: number) => number): Measured[] {
  return segments.map((segment) => {
    const { span, size } = sizeAt(spans, segment.start)
    const word = text.slice(segment.start, segment.content)
    const code = span?.run.role === 'mono'
    const tied = justify && !code && word.includes('\u00a0') ? (word.split('\u00a0').length - 1) * spaceWidth(spans, segment.start) : 0
    // Letter gaps counted roughly (punctuation too): justification spreads by the exact ones, in the same proportion.
    const letters = justify && !code && !(span && joins(word)) ? Math.max(0, word.length - 1) : 0
    const last = text.charCodeAt(segment.content - 1)
    return {
      content: widthOf(segment.start, segment.content),
      glue: widthOf(segment.content, segment.end) + (segment.content === segment.end ? autospace(text, segment.end, size) : 0),
      size, span,
      stretch: tied * SPACE_STRETCH + letters * LETTER_STRETCH * size,
      shrink: tied * SPACE_SHRINK,
      rigidGlue: code && sizeAt(spans, segment.content).span?.run.role === 'mono',
      explicitHyphen: segment.content === segment.end && (last === 0x2d || last === 0x2010) && /\p{L}/u.test(text[segment.content - 2] ?? '')
    }
  })
}

/** The break points of the paragraph with their running widths; hyphenation points too when a hyphenator is given. */
function placesOf(
  text: string, segments: readonly Segment[], measured: readonly Measured[], justify: boolean,
  widthOf: (start: number, end: number) => number, hyphenate?: Hyphenator
): Place[] {
  const places: Place[] = []
  let width = 0
  let stretch = 0
  let shrink = 0
  segments.forEach((segment, index) => {
    const m = measured[index]!
    // Code is never hyphenated: a hyphen added to an identifier changes it.
    const points = hyphenate && m.span?.run.role !== 'mono' ? hyphenate(text, segment.start, segment.content) : []
    if (points.length > 0) {
      const hyphenWidth = m.span ? measure(m.span.face, HYPHEN, m.size) : 0
      const prefix = prefixWidths(text, segment, m.span, widthOf)
      for (const point of points) {
        if (point <= segment.start || point >= segment.content) continue
        places.push({
          width: width + prefix(point), stretch, shrink, glue: 0, glueStretch: 0, glueShrink: 0,
          penalty: HYPHEN_PENALTY, hyphen: true, hyphenWidth, forced: false, end: point, next: point
        })
      }
    }
    width += m.content
    stretch += m.stretch
    shrink += m.shrink
    const cjk = justify && m.glue === 0 && isCjkChar(text.slice(segment.content - 1, segment.content)) ? CJK_STRETCH * m.size : 0
    const glueStretch = justify && !m.rigidGlue ? m.glue * SPACE_STRETCH + cjk : 0
    const glueShrink = justify && !m.rigidGlue ? m.glue * SPACE_SHRINK : 0
    places.push({
      width, stretch, shrink, glue: m.glue, glueStretch, glueShrink,
      // A break after a hyphen the text has (large-/scale) costs as TeX's \exhyphenpenalty and counts in a ladder.
      penalty: m.explicitHyphen ? HYPHEN_PENALTY : 0, explicitHyphen: m.explicitHyphen,
      hyphen: segment.cut === true, cut: segment.cut, hyphenWidth: segment.cut && m.span ? measure(m.span.face, HYPHEN, m.size) : 0,
      forced: (segment.required && segment.end < text.length) || index === segments.length - 1,
      end: segment.content, next: segment.end
    })
    width += m.glue
    stretch += glueStretch
    shrink += glueShrink
  })
  return places
}

/**
 * The width of the word up to each of its hyphenation points, from one
 * shaping of the whole word (its glyphs' advances summed up to the point),
 * not one shaping per point; a word in more than one style is measured piece by piece.
 */
export function prefixWidths(text: string, segment: Segment, span: Span | undefined, widthOf: (start: number, end: number) => number): (point: number) => number {
  if (!span || span.end < segment.content || span.run.tracking) return (point) => widthOf(segment.start, point)
  const { glyphs } = shape(span.face, text.slice(segment.start, segment.content), false)
  const scale = span.run.size / 1000
  // The points come in order: one walk along the glyphs finds each, with no map of every glyph's offset per word.
  let glyph = 0
  let offset = 0
  let advance = 0
  return (point) => {
    const target = point - segment.start
    if (target < offset) [glyph, offset, advance] = [0, 0, 0]
    for (; glyph < glyphs.length && offset < target; glyph++) {
      for (const code of glyphs[glyph]!.codePoints) offset += code > 0xffff ? 2 : 1
      advance += glyphs[glyph]!.advance
    }
    if (offset !== target) return widthOf(segment.start, point)
    // The later glyphs of the character before (no characters of their own) are drawn before the point.
    for (; glyph < glyphs.length && glyphs[glyph]!.codePoints.length === 0; glyph++) advance += glyphs[glyph]!.advance
    return glyph < glyphs.length ? advance * scale : widthOf(segment.start, point)
  }
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
  const boundaries = wordBoundaries(text, locale)
  const merged: Segment[] = []
  for (const segment of segments) {
    const last = merged[merged.length - 1]
    if (last && !last.required && last.end === last.content && !boundaries.has(last.end)) merged[merged.length - 1] = { ...segment, start: last.start }
    else merged.push(segment)
  }
  return merged
}


/** Segments joined where the next would start a line with a character that may not (a break only where no space is). */
function keepLineStarts(text: string, segments: Segment[]): Segment[] {
  const kept: Segment[] = []
  for (const segment of segments) {
    const last = kept[kept.length - 1]
    if (last && !last.required && last.end === last.content && NO_LINE_START.test(text.slice(segment.start, segment.start + 1))) kept[kept.length - 1] = { ...segment, start: last.start }
    else kept.push(segment)
  }
  return kept
}

/**
 * A word wider than the whole line is cut where it must, between graphemes. A word of letters (a name
 * in a narrow table column, a long compound) is cut with a hyphen, which the text layer gives as
 * U+00AD, as at a hyphenation point (poppler and MuPDF end the line with it; pdf.js leaves it out, and
 * reads the two parts as two words, as it does every hyphenated line end); an address, a path or code
 * is cut bare, as it is written (a hyphen would change it).
 */
function splitOverlong(text: string, segments: Segment[], width: number, widthOf: (start: number, end: number) => number, largest: number, isCode: (at: number) => boolean): Segment[] {
  const result: Segment[] = []
  for (const segment of segments) {
    let rest = segment
    const word = WORD_OF_LETTERS.test(text.slice(segment.start, segment.content)) && !isCode(segment.start)
    // No glyph is wider than two ems: a word of fewer characters than the line holds at that is never measured here.
    while (rest.content - rest.start > 1 && (rest.content - rest.start) * 2 * largest > width && widthOf(rest.start, rest.content) > width) {
      const cut = emergencyBreak(text, rest, word ? width - hyphenRoom(largest) : width, widthOf, word)
      if (cut >= rest.content) break
      result.push({ start: rest.start, content: cut, end: cut, required: false, ...(word ? { cut: true } : {}) })
      rest = { ...rest, start: cut }
    }
    result.push(rest)
  }
  return result
}

/**
 * Letters and marks of a script that hyphenates (Latin, Cyrillic, Greek), as a name or a compound, with the
 * sentence's punctuation around: no digit, nothing of an address or path inside. Arabic typography has no
 * hyphen (a cut word is cut bare; a Latin hyphen also broke its letters' joining), and Chinese breaks
 * between characters anyway.
 */
const WORD_OF_LETTERS = /^[\p{Ps}\p{Pi}]*[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}][\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{M}]*\p{P}*$/u
/** Room kept for the hyphen at a cut: a hyphen is narrower than half an em in any of our faces. */
const hyphenRoom = (size: number) => size / 2

function segmentsOf(text: string): Segment[] {
  const segments: Segment[] = []
  let start = 0
  for (const found of breakOpportunities(text)) {
    const end = found.position
    let content = end
    while (content > start && isTrailingSpace(text.charCodeAt(content - 1))) content--
    segments.push({ start, content, end, required: found.required })
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
    if (span.run.box) {
      width += span.run.box.width
      continue
    }
    const part = text.slice(from, to)
    width += measure(span.face, part, span.run.size)
    if (span.run.tracking && !joins(part)) width += span.run.tracking * [...part].length
    for (let index = from + 1; index < to; index++) width += autospace(text, index, span.run.size)
  }
  return width
}

/** Where to cut; a word (`word`) leaves at least two letters on each side where it can (TeX's hyphenmins): "Akt-au", not "Akta-u". */
function emergencyBreak(text: string, segment: Segment, width: number, widthOf: (start: number, end: number) => number, word = false): number {
  const ends = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.slice(segment.start, segment.content))].map(({ index, segment: grapheme }) => segment.start + index + grapheme.length)
  let fits = 0
  while (fits < ends.length && (fits === 0 || widthOf(segment.start, ends[fits]!) <= width)) fits++
  // ends[fits - 1] is the last end that fits; a word keeps two graphemes after the cut and two before it.
  const last = word && fits >= ends.length - 1 && fits - 1 >= 2 && ends.length >= 4 ? Math.min(fits, ends.length - 2) : fits
  return ends[Math.max(last, 1) - 1] ?? segment.start
}
