/**
 * What the PDF writer does once instead of again (README, "Speed"), checked
 * to give the same results as doing it again: fontkit's subsets with simple
 * glyphs copied undecoded, the hyphenator's points remembered per word, and
 * widths remembered per face and text.
 */
import { describe, expect, it } from 'vitest'
import { hyphenatorFor } from '../pipeline/render/pdf/hyphenation.ts'

describe('hyphenation points remembered per word', () => {
  it('places a remembered word\'s points where the word is, each time', () => {
    const en = hyphenatorFor('en')!
    const once = en('anticipating', 0, 12)
    expect(once).toEqual([2, 5, 6, 9])
    // The same word again, later in a text and inside a range: its points move with it.
    const text = 'we are anticipating, anticipating'
    expect(en(text, 0, text.length)).toEqual([...once.map((point) => point + 7), ...once.map((point) => point + 21)])
    expect(en(text, 21, text.length)).toEqual(once.map((point) => point + 21))
    expect(en('anticipating', 0, 12)).toEqual(once)
  })

  it('remembers per language: a word spelt alike in two languages keeps each one\'s points', () => {
    // The Russian and the Kazakh patterns break "университет" differently; whichever is asked first, each keeps its own.
    expect(hyphenatorFor('ru')!('университет', 0, 11)).toEqual([3, 6, 8])
    expect(hyphenatorFor('kk')!('университет', 0, 11)).toEqual([6])
    expect(hyphenatorFor('ru')!('университет', 0, 11)).toEqual([3, 6, 8])
  })
})
