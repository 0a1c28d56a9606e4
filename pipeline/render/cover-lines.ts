/**
 * Lines of display type (the cover's title and byline): break opportunities
 * from UAX #14 (the PDF engine's reading: no line starts with a colon or a
 * closing mark, none ends with an opening one), and in Chinese and Japanese
 * only where a word ends too (Intl.Segmenter's dictionary), so “犯罪” stays
 * one word, and never before a character no line starts with (the middle dot
 * in 于尔根·斯托克). The fewest lines that fit, then balanced: the narrowest width
 * that still gives that many lines, so no line is left with one short word.
 */
import { breakOpportunities, NO_LINE_START, wordBoundaries } from './break-opportunities.ts'
import { scriptOfLocale } from './script-of-locale.ts'

/** Where `text` may break: offsets into it, in order, the end included. */
export function displayBreaks(text: string, locale: string): number[] {
  const uax14 = [...breakOpportunities(text)].map((found) => found.position)
  if (scriptOfLocale(locale) !== 'cjk') return uax14
  const words = wordBoundaries(text, locale)
  return uax14.filter((position) => words.has(position) && !NO_LINE_START.test(text.slice(position, position + 1)))
}

/** Greedy lines within maxWidth; a piece wider than maxWidth stands on a line of its own. */
function greedy(pieces: string[], width: (line: string) => number, maxWidth: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const piece of pieces) {
    const candidate = line + piece
    if (line.trim() !== '' && width(candidate.trim()) > maxWidth) {
      lines.push(line.trim())
      line = piece
    } else line = candidate
  }
  if (line.trim()) lines.push(line.trim())
  return lines
}

export function wrapBalanced(text: string, width: (line: string) => number, maxWidth: number, locale: string): string[] {
  const pieces: string[] = []
  let last = 0
  for (const position of displayBreaks(text, locale)) {
    pieces.push(text.slice(last, position))
    last = position
  }
  const lines = greedy(pieces, width, maxWidth)
  let low = 0
  let high = maxWidth
  let best = lines
  while (high - low > 1) {
    const middle = (low + high) / 2
    const tried = greedy(pieces, width, middle)
    if (tried.length <= lines.length && tried.every((line) => width(line) <= middle)) {
      best = tried
      high = middle
    } else low = middle
  }
  return best
}
