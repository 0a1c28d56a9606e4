/**
 * Where a word may break at a line end, per language, for justified text:
 * Liang's TeX patterns, those npm `hyphen` ships for English and Russian,
 * and for Kazakh the hyph-utf8 patterns of February 2026
 * (pipeline/hyphenation/, with their note of origin), which no npm package
 * ships yet; each word looked up as `hyphen` looks it up (liang.ts). Other
 * languages are not hyphenated.
 */
import { liangPoints } from '../../hyphenation/liang.ts'
import { readHyphenPatterns, readTexPatterns } from '../../hyphenation/pattern-cache.ts'
import type { Hyphenator } from './text/types.ts'

/** `hyphen`'s tables, as its `hyphen/en` and `hyphen/ru` load them. */
export const PATTERNS: Record<string, string> = { en: 'hyphen/patterns/en-us.js', ru: 'hyphen/patterns/ru.js' }
/**
 * Russian and Kazakh decline names (Қазақстанның, Интерпола), and their
 * typography breaks them like any word; English leaves names whole.
 * Abbreviations in capitals (ИИ, INTERPOL) are never broken.
 */
const NAMES_BREAK = new Set(['ru', 'kk'])
/** Patterns the project carries itself (pipeline/hyphenation/). */
const TEX_PATTERNS: Record<string, string> = { kk: 'hyph-kk.pat.txt' }
/** Letters kept together at each end of a word (TeX's lefthyphenmin/righthyphenmin, a little stricter). */
const MIN_BEFORE = 2
const MIN_AFTER = 3
const loaded = new Map<string, Hyphenator | undefined>()
/** Where compiled patterns are kept between builds (the project's cache); none: compiled in every process. */
let patternCache: string | undefined

export function keepCompiledPatternsIn(cacheDir: string | undefined): void {
  patternCache = cacheDir
}
/** Words remembered per language (a book's vocabulary fits; a long-running preview starts over past it). */
const REMEMBERED_WORDS = 50_000

export function hyphenatorFor(locale: string): Hyphenator | undefined {
  const language = locale.split('-')[0]!
  if (!loaded.has(language)) loaded.set(language, create(language))
  return loaded.get(language)
}

function create(language: string): Hyphenator | undefined {
  const spec = PATTERNS[language]
  const own = TEX_PATTERNS[language]
  if (!spec && !own) return undefined
  const table = spec ? readHyphenPatterns(spec, patternCache) : readTexPatterns(own!, patternCache)
  return wordwise(NAMES_BREAK.has(language), remembered((word) => liangPoints(table, word)))
}

/**
 * A word's points, found once per language and process: total fit asks for
 * every word of a justified paragraph, and a paragraph set again (a hyphen
 * at a page's foot) or a word that recurs would otherwise go through the
 * hyphenator's text scanner each time.
 */
function remembered(breaks: (word: string) => number[]): (word: string) => readonly number[] {
  const known = new Map<string, readonly number[]>()
  return (word) => {
    let points = known.get(word)
    if (points === undefined) {
      if (known.size >= REMEMBERED_WORDS) known.clear()
      points = breaks(word)
      known.set(word, points)
    }
    return points
  }
}

const LETTERS = /\p{L}+/gu

/**
 * Applies a word rule to the letters of [start, end), leaving words in capitals, short words, numbers
 * and (unless `names`) capitalised words whole. Called for every word of a justified paragraph: one
 * expression, searched with exec, rather than a new one and matchAll's copy of it per call.
 */
export function wordwise(names: boolean, breaks: (word: string) => readonly number[]): Hyphenator {
  return (text, start, end) => {
    const points: number[] = []
    if (inAddress(text, start, end)) return points
    const part = text.slice(start, end)
    LETTERS.lastIndex = 0
    for (let match = LETTERS.exec(part); match; match = LETTERS.exec(part)) {
      const word = match[0]
      if (word.length < MIN_BEFORE + MIN_AFTER || word === word.toUpperCase()) continue
      if (!names && word[0] !== word[0]!.toLowerCase()) continue
      for (const point of breaks(word)) {
        if (point >= MIN_BEFORE && point <= word.length - MIN_AFTER) points.push(start + match.index! + point)
      }
    }
    return points
  }
}

/**
 * A web or mail address or a path (`https://…`, `www.…`, `name@host`, `a/b`, `example.org`): a reader
 * types it as printed, so no hyphen is ever added inside it (it still breaks after a slash, where UAX #14
 * lets it). Asked of the text between the white space around the part.
 */
const ADDRESS = /:\/\/|^www\.|[@/]|\p{L}\.\p{L}/u

export function inAddress(text: string, start: number, end: number): boolean {
  let from = start
  while (from > 0 && !isWhiteSpace(text.charCodeAt(from - 1))) from--
  let to = end
  while (to < text.length && !isWhiteSpace(text.charCodeAt(to))) to++
  return ADDRESS.test(text.slice(from, to))
}

function isWhiteSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0xa0 || code === 0x2028 || code === 0x3000
}
