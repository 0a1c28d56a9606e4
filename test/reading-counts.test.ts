/**
 * The reading time's counts, made in one pass over the characters
 * (reading-time.ts): the same words and ideographs as the regular
 * expressions count in the texts joined by spaces, for text of every
 * script with digits, marks, ideographs, kana and characters beyond the BMP.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ideographs } from '../pipeline/render/cjk.ts'
import { readingCounts } from '../pipeline/render/reading-time.ts'

/** reading-time.ts's counting as it was: three passes of regular expressions over the joined text. */
function referenceCounts(texts: readonly string[]): { words: number; ideographs: number } {
  const text = texts.join(' ')
  return {
    ideographs: text.match(ideographs())?.length ?? 0,
    words: text.replace(ideographs(), ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  }
}

const UNITS = ['a', 'Z', 'é', 'e\u0301', '\u0301', 'Ж', 'ә', 'ب', '\u064b', '中', '々', '〇', 'ア', 'ひ', 'ー', '・', '한', '\u2e80', '1', '٣', '²', 'Ⅻ', ' ', '\u00a0', '\n', '.', '’', '-', '_', '\u200d',
  '\u{20000}', '\u{1D4BB}', '😀', '\ud800', '\udc00']

describe('the reading time\'s counts', () => {
  it('are the regular expressions\' counts, for random texts read apart', () => {
    const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }).map((units) => units.join(''))
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (texts) => {
      expect(readingCounts(texts)).toEqual(referenceCounts(texts))
    }), { numRuns: 2000, seed: 17 })
  })

  it('counts a sentence\'s words and a Chinese line\'s ideographs', () => {
    expect(readingCounts(['In 2024, 881 cases were reported.'])).toEqual({ words: 6, ideographs: 0 })
    expect(readingCounts(['哈萨克斯坦2026年', 'end'])).toEqual({ words: 2, ideographs: 6 })
  })
})
