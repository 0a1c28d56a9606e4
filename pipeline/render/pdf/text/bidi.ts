/**
 * The Unicode Bidirectional Algorithm (UAX #9, npm `bidi-js`), applied as it
 * must be: embedding levels for the whole paragraph, reordering line by line
 * after line breaking (rule L2 works on lines, not paragraphs).
 */
import bidiModule, { type EmbeddingLevels } from 'bidi-js'
import type { Direction, Span } from './types.ts'

// bidi-js is UMD: Node gives its module.exports (the factory) as the default
// import, while its types describe an ES module with a default export.
const bidiFactory = (typeof bidiModule === 'function' ? bidiModule : bidiModule.default) as typeof bidiModule.default
const bidi = bidiFactory()

export type { EmbeddingLevels }

/**
 * What can raise a level above 0 in a left-to-right paragraph: right-to-left
 * letters and Arabic numbers (Hebrew to Arabic Extended, their presentation
 * forms, the right-to-left blocks of plane 1) and the explicit marks,
 * embeddings and isolates.
 */
const MAY_TURN_RIGHT_TO_LEFT = /[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u

export function embeddingLevels(text: string, direction: Direction): EmbeddingLevels {
  // Most paragraphs of a left-to-right edition: every level is 0, which needs no pass of UAX #9.
  if (direction === 'ltr' && !MAY_TURN_RIGHT_TO_LEFT.test(text)) {
    return { levels: new Uint8Array(text.length), paragraphs: [{ start: 0, end: text.length - 1, level: 0 }] }
  }
  return bidi.getEmbeddingLevels(text, direction)
}

/** A logical range of one span and one direction; a line is a list of them in visual order. */
export interface VisualRange {
  start: number
  end: number
  rtl: boolean
  span: Span
}

/** The line text[start, end) cut where span or direction changes, left to right. */
export function visualRanges(text: string, levels: EmbeddingLevels, spans: readonly Span[], start: number, end: number): VisualRange[] {
  if (end <= start) return []
  const order = lineOrder(text, levels, start, end)
  const ranges: VisualRange[] = []
  let current: (VisualRange & { last: number }) | undefined
  for (let at = 0; at < order.length; at++) {
    const index = order[at]!
    const rtl = (levels.levels[index]! & 1) === 1
    const span = spanAt(spans, index)
    if (current && current.span === span && current.rtl === rtl && index === current.last + (rtl ? -1 : 1)) {
      current.last = index
      if (rtl) current.start = index
      else current.end = index + 1
      continue
    }
    if (current) ranges.push(strip(current))
    current = { start: index, end: index + 1, rtl, span, last: index }
  }
  if (current) ranges.push(strip(current))
  return ranges
}

/**
 * The line's indices in visual order. bidi-js's getReorderedIndices builds an
 * array as long as the whole paragraph for every line, which is quadratic on
 * a long paragraph; its reorder segments, applied to the line alone, are not.
 */
function lineOrder(text: string, levels: EmbeddingLevels, start: number, end: number): number[] {
  const order: number[] = []
  let reversible = false
  for (let index = start; index < end; index++) {
    order.push(index)
    if (levels.levels[index] !== 0) reversible = true
  }
  // Every level 0 (a left-to-right line, most lines of most editions): rule L2 reverses nothing, and L1 only lowers levels to the paragraph's, 0.
  if (!reversible) return order
  for (const segment of bidi.getReorderSegments(text, levels, start, end - 1)) {
    const [from, to] = segment as [number, number]
    const reversed = order.slice(from - start, to - start + 1).reverse()
    order.splice(from - start, reversed.length, ...reversed)
  }
  return order
}

function strip(range: VisualRange & { last: number }): VisualRange {
  return { start: range.start, end: range.end, rtl: range.rtl, span: range.span }
}

function spanAt(spans: readonly Span[], index: number): Span {
  for (let at = 0; at < spans.length; at++) {
    const span = spans[at]!
    if (span.start <= index && index < span.end) return span
  }
  throw new TypeError(`No span covers index ${index}`)
}

/** The character's Bidi_Class (UAX #9): L, R, AL, EN, AN, ES, ET, CS, WS, ON… */
export function bidiClass(char: string): string {
  return bidi.getBidiCharTypeName(char)
}
