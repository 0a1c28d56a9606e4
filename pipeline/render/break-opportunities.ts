/**
 * Where a line may break (UAX #14, npm `linebreak`, the implementation pdfkit
 * uses): the one reading of break opportunities shared by the PDF's line
 * breaker, the EPUB cover's title wrapping and the contents' labels; and
 * where words begin and end in a language (Intl.Segmenter's dictionary, so a
 * Chinese line set by words keeps “犯罪” whole).
 */
import LineBreaker, { type Break } from 'linebreak'

export function* breakOpportunities(text: string): Generator<Break> {
  const breaker = new LineBreaker(text)
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) yield found
}

/** Offsets where a word of `locale` begins or ends (Intl.Segmenter), the text's end included. */
export function wordBoundaries(text: string, locale: string): Set<number> {
  const boundaries = new Set<number>([text.length])
  for (const { index } of new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)) boundaries.add(index)
  return boundaries
}

/**
 * Characters no line may start with (kinsoku shori), where UAX #14 still
 * allows a break before them: the middle dot between the parts of a name
 * (于尔根·斯托克) is class AI there, read as a letter, and the katakana
 * and hyphenation points with it. Closing punctuation (。，、）」』》！？)
 * UAX #14 keeps off a line's start already; they stay listed as the rule.
 */
export const NO_LINE_START = /^[\u00b7\u2027\u30fb\uff65\u3001\u3002\uff0c\uff0e\uff01\uff1f\uff1a\uff1b\uff09\u300d\u300f\u300b\u3009\u3011\u3015\u3017\u301f\u2019\u201d]/u
