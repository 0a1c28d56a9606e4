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
