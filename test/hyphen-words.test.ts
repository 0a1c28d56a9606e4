/**
 * A hyphenator finds the words of [start, end) with one expression searched
 * by exec (hyphenation.ts wordwise): the same points as matchAll over a new
 * expression per call found, for any text, range and word rule.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { wordwise } from '../pipeline/render/pdf/hyphenation.ts'

/** The text between the white space around [start, end): a web or mail address, a path or a domain is never hyphenated. */
function isAddress(text: string, start: number, end: number): boolean {
  const space = /[ \t\n\u00a0\u2028\u3000]/
  const token = (text.slice(0, start).split(space).pop() ?? '') + text.slice(start, end) + (text.slice(end).split(space)[0] ?? '')
  return token.includes('://') || token.startsWith('www.') || token.includes('@') || token.includes('/') || /\p{L}\.\p{L}/u.test(token)
}

/** wordwise as it was (MIN_BEFORE 2, MIN_AFTER 3), with addresses left whole. */
function referenceWordwise(names: boolean, breaks: (word: string) => readonly number[]) {
  return (text: string, start: number, end: number): number[] => {
    const points: number[] = []
    if (isAddress(text, start, end)) return points
    for (const match of text.slice(start, end).matchAll(/\p{L}+/gu)) {
      const word = match[0]
      if (word.length < 5 || word === word.toUpperCase()) continue
      if (!names && word[0] !== word[0]!.toLowerCase()) continue
      for (const point of breaks(word)) {
        if (point >= 2 && point <= word.length - 3) points.push(start + match.index! + point)
      }
    }
    return points
  }
}

/** A word rule that breaks everywhere, or at every other letter. */
const everywhere = (word: string) => Array.from({ length: word.length + 1 }, (_, index) => index)
const everyOther = (word: string) => everywhere(word).filter((index) => index % 2 === 1)

const UNITS = ['a', 'b', 'é', 'e\u0301', 'Z', 'Ж', 'ж', 'ә', 'ب', '中', '𝒻', ' ', '-', '1', '.', '\u00ad', 'İ', 'ß', '/', '@', 'www.', '://', '\u00a0']

describe('the words a hyphenator breaks', () => {
  it('are those matchAll found, for any text, range and rule', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...UNITS), { maxLength: 24 }), fc.nat(30), fc.nat(30), fc.boolean(), fc.boolean(), (units, a, b, names, other) => {
      const text = units.join('')
      const [start, end] = [Math.min(a, b, text.length), Math.min(Math.max(a, b), text.length)]
      const rule = other ? everyOther : everywhere
      const hyphenate = wordwise(names, rule)
      expect(hyphenate(text, start, end)).toEqual(referenceWordwise(names, rule)(text, start, end))
      // Asked again (the expression's search position starts over).
      expect(hyphenate(text, start, end)).toEqual(referenceWordwise(names, rule)(text, start, end))
    }), { numRuns: 2000, seed: 17 })
  })
})
