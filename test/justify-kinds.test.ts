/**
 * Where a justified line stretches after each glyph (justify.ts kindOf):
 * answered from each character's remembered classes, it must answer as the
 * regular expressions do, for every pair of characters of our scripts,
 * spaces, marks, digits, punctuation, and characters beyond the BMP.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { kindOf } from '../pipeline/render/pdf/text/justify.ts'
import { referenceKindOf } from './helpers/justify-reference.ts'

const UNITS = ['a', 'Z', 'é', 'e\u0301', 'Ж', 'ә', 'ب', 'ـ', '\u064b', 'ܐ', 'ހ', '中', '、', '。', 'ア', 'ㄅ', '한', '\u2e80', '\uff01', ' ', '\u00a0', '\u3000', '\t', '1', '٣', '.', '’', '-', '\u00ad',
  '\u{20000}', '😀', '\u{1D4BB}', '\ud800', '\udc00']

describe('the kind of stretch after a glyph', () => {
  it('is what the regular expressions say, for every cluster of random text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 10 }), fc.nat(3), (units, cut) => {
      const text = units.join('')
      const lineEnd = Math.max(1, text.length - cut)
      for (let start = 0; start < text.length; start++) {
        for (let end = start; end <= Math.min(text.length - 1, start + 3); end++) {
          expect(kindOf(text, start, end, lineEnd), `${JSON.stringify(text)} ${start} ${end}`).toBe(referenceKindOf(text, [start, end], lineEnd))
        }
      }
    }), { numRuns: 1500, seed: 17 })
  })

  it('tells apart the three kinds', () => {
    expect(kindOf('a b', 0, 2, 3)).toBe('space')
    expect(kindOf('中文', 0, 1, 2)).toBe('cjk')
    expect(kindOf('ab', 0, 1, 2)).toBe('letter')
    expect(kindOf('بب', 0, 1, 2)).toBeUndefined()
    expect(kindOf('a1', 0, 1, 2)).toBeUndefined()
  })
})
