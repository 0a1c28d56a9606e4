/**
 * Where a word may break at a line end, per language, for justified text.
 * English and Russian use Liang's TeX patterns from the npm package `hyphen`.
 * Kazakh has no published patterns (not in `hyphen`, nor in TeX's hyph-utf8),
 * so it gets a deliberately cautious rule from Kazakh syllable structure:
 * a syllable starts with at most one consonant, so a word may break between
 * two consonants that stand between vowels («ақпарат» → ақ-парат,
 * «ынтымақтастық» → ын-тымақ-тас-тық). Longer clusters and vowel–consonant–
 * vowel are left whole. Other languages are not hyphenated.
 */
import { createRequire } from 'node:module'
import type { Hyphenator } from './text/types.ts'

type HyphenateSync = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string

const require = createRequire(import.meta.url)
const PATTERNS: Record<string, string> = { en: 'hyphen/en', ru: 'hyphen/ru' }
const SOFT = '\u00ad'
/** Letters kept together at each end of a word (TeX's lefthyphenmin/righthyphenmin, a little stricter). */
const MIN_BEFORE = 2
const MIN_AFTER = 3
const loaded = new Map<string, Hyphenator | undefined>()

export function hyphenatorFor(locale: string): Hyphenator | undefined {
  const language = locale.split('-')[0]!
  if (!loaded.has(language)) loaded.set(language, create(language))
  return loaded.get(language)
}

function create(language: string): Hyphenator | undefined {
  if (language === 'kk') return wordwise(kazakhBreaks)
  const spec = PATTERNS[language]
  if (!spec) return undefined
  const hyphenate = (require(spec) as { hyphenateSync: HyphenateSync }).hyphenateSync
  return wordwise((word) => {
    const marked = hyphenate(word, { hyphenChar: SOFT, minWordLength: MIN_BEFORE + MIN_AFTER })
    const points: number[] = []
    let index = 0
    for (const char of marked) {
      if (char === SOFT) points.push(index)
      else index += char.length
    }
    return points
  })
}

/** Applies a word rule to the letters of [start, end), leaving capitalised words (names), short words and numbers whole. */
function wordwise(breaks: (word: string) => number[]): Hyphenator {
  return (text, start, end) => {
    const points: number[] = []
    for (const match of text.slice(start, end).matchAll(/\p{L}+/gu)) {
      const word = match[0]
      if (word.length < MIN_BEFORE + MIN_AFTER || word[0] !== word[0]!.toLowerCase()) continue
      for (const point of breaks(word)) {
        if (point >= MIN_BEFORE && point <= word.length - MIN_AFTER) points.push(start + match.index! + point)
      }
    }
    return points
  }
}

const KAZAKH_VOWEL = /[аәеёиоөуұүыіэюя]/i
const KAZAKH_CONSONANT = /[бвгғджзйкқлмнңпрстфхһцчшщ]/i

/** Break points between the two consonants of a vowel–consonant–consonant–vowel sequence. */
export function kazakhBreaks(word: string): number[] {
  const letters = [...word]
  const points: number[] = []
  for (let i = 1; i + 2 < letters.length; i++) {
    if (KAZAKH_VOWEL.test(letters[i - 1]!) && KAZAKH_CONSONANT.test(letters[i]!) && KAZAKH_CONSONANT.test(letters[i + 1]!) && KAZAKH_VOWEL.test(letters[i + 2]!)) {
      points.push(i + 1)
    }
  }
  return points
}
