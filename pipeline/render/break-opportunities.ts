/**
 * Where a line may break (UAX #14, npm `linebreak`, the implementation pdfkit
 * uses): the one reading of break opportunities shared by the PDF's line
 * breaker and the EPUB cover's title wrapping.
 */
import LineBreaker, { type Break } from 'linebreak'

export function* breakOpportunities(text: string): Generator<Break> {
  const breaker = new LineBreaker(text)
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) yield found
}
