/**
 * Line breaking: break opportunities from UAX #14 (npm `linebreak`, the
 * library pdfkit itself uses), filled greedily, as browsers and pdfkit do.
 * UAX #14 allows breaks between ideographs and forbids them before closing
 * punctuation (。，、」）) and after opening punctuation (「（), which is the
 * kinsoku rule for Chinese. White space at a line's end hangs: it neither
 * counts against the width nor prints.
 */
import { breakOpportunities } from '../../break-opportunities.ts'
import { joins } from './script.ts'
import { measure } from './shape.ts'
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

interface Segment {
  start: number
  /** End of its text without trailing white space. */
  content: number
  end: number
  required: boolean
}

const TRAILING_SPACE = /[ \t\n\u2028\u3000]+$/
export const HYPHEN = '-'

export function breakLines(text: string, spans: readonly Span[], width: number, hyphenate?: Hyphenator): LineRange[] {
  const widthOf = (start: number, end: number) => rangeWidth(text, spans, start, end)
  // An index and one carried-over piece, not shift/unshift: those are linear, and a long paragraph has 100,000 segments.
  const segments = segmentsOf(text)
  let next = 0
  let carried: Segment | undefined
  const lines: LineRange[] = []
  let line: { start: number; end: number; width: number; space: number } | undefined
  const close = (end: number, hyphen: boolean, last: boolean) => {
    lines.push({ start: line!.start, end, hyphen, last })
    line = undefined
  }
  while (carried || next < segments.length) {
    const segment = carried ?? segments[next++]!
    carried = undefined
    const content = widthOf(segment.start, segment.content)
    if (line && line.width + line.space + content > width + 0.01) {
      const split = hyphenate ? hyphenPoint(segment, width - line.width - line.space, widthOf, text, spans, hyphenate) : undefined
      if (split !== undefined) {
        close(split, true, false)
        carried = { ...segment, start: split }
        continue
      }
      close(line.end, false, false)
    }
    if (!line && content > width && segment.content - segment.start > 1) {
      // A word wider than the whole line: break it where it must, between graphemes.
      const cut = emergencyBreak(text, segment, width, widthOf)
      if (cut < segment.content) {
        lines.push({ start: segment.start, end: cut, hyphen: false, last: false })
        carried = { ...segment, start: cut }
        continue
      }
    }
    if (!line) line = { start: segment.start, end: segment.content, width: content, space: widthOf(segment.content, segment.end) }
    else {
      line.width += line.space + content
      line.end = segment.content
      line.space = widthOf(segment.content, segment.end)
    }
    if (segment.required && segment.end < text.length) close(line.end, false, true)
  }
  if (line) close(line.end, false, true)
  return lines
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
  }
  return width
}

function hyphenPoint(
  segment: Segment, room: number, widthOf: (start: number, end: number) => number,
  text: string, spans: readonly Span[], hyphenate: Hyphenator
): number | undefined {
  const span = spans.find((each) => each.start <= segment.start && segment.start < each.end)
  const hyphen = span ? measure(span.face, HYPHEN, span.run.size) : 0
  const points = hyphenate(text, segment.start, segment.content)
    .filter((point) => point > segment.start && point < segment.content)
    .sort((a, b) => b - a)
  return points.find((point) => widthOf(segment.start, point) + hyphen <= room)
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
