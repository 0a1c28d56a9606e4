/**
 * The title a running head shows, from best to last resort: the front
 * matter's `shortTitle`, the part of the title before its colon or dash (a
 * title of its own: "AI and cybercrime"), the whole title, then ever shorter
 * prefixes of whole words with an ellipsis. Never a word cut in two: word
 * ends come from Intl.Segmenter in the edition's language, so a Chinese
 * title is cut between words, not inside 哈萨克斯坦. The candidates come one
 * at a time, and the title is cut into words only when no whole title fits
 * (making a word segmenter for a language costs a few milliseconds).
 */
export function* runningTitleCandidates(title: string, locale: string, shortTitle?: string): Generator<string> {
  const head = /^(.+?)\s*(?:[:：]|\s[—–]\s)/u.exec(title)?.[1]
  if (shortTitle) yield shortTitle
  if (head) yield head
  yield title
  const ends = [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(title)]
    .filter((part) => part.isWordLike)
    .map((part) => part.index + part.segment.length)
  for (const end of ends.reverse()) {
    const prefix = title.slice(0, end).replace(/[\s\p{P}]+$/u, '')
    if (prefix && prefix !== title && prefix !== head) yield `${prefix}…`
  }
}
