/**
 * A line's piece shaped into placed glyphs (piece.ts): placed word by word
 * as it is shaped, a left-to-right piece must come out as the glyphs of
 * shapeByWords with clusters() did: the same glyphs, advances, offsets,
 * texts and clusters, in every face, size, tracking and rise.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FaceId } from '../pipeline/render/pdf/fonts.ts'
import { shapePiece } from '../pipeline/render/pdf/text/piece.ts'
import type { Span } from '../pipeline/render/pdf/text/types.ts'
import { referenceShapePiece } from './helpers/piece-reference.ts'

const WORDS = ['Office', 'fjord;', 'Äpfel', 'e\u0301', 'ﬁ', 'ffl', 'Қазақстанның', 'Интерпола', 'مرحبا', 'بالعالم،', '١٢٣', '哈萨克斯坦', '「人工智能」', '𠀋', '😀', '\ud800', '2026', '—', '«AVA»', '\u00a0', '\u200d', '\u0301']
const FACES: FaceId[] = ['notoSerif', 'notoSerifItalic', 'notoSerifBold', 'naskh', 'serifSC']

const span = (text: string, face: FaceId, size: number, tracking?: number, rise?: number): Span => ({
  start: 0, end: text.length, face, run: { text, role: 'serif', size, color: '#000', tracking, rise }
})

describe('a piece shaped into placed glyphs', () => {
  it('is what shapeByWords and clusters() gave, for words and spaces of every script', () => {
    const words = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(' ', '  ')), { minLength: 0, maxLength: 8 })
    fc.assert(fc.property(words, fc.constantFrom(...FACES), fc.boolean(), fc.constantFrom(9, 11, 16.5), fc.constantFrom(undefined, 0.3), fc.constantFrom(undefined, 2), fc.nat(2), (parts, face, rtl, size, tracking, rise, lead) => {
      const prefix = 'ab'.slice(0, lead)
      const text = prefix + parts.join('')
      const visual = { start: prefix.length, end: text.length, rtl, span: span(text, face, size, tracking, rise) }
      expect(shapePiece(text, visual)).toEqual(referenceShapePiece(text, visual))
    }), { numRuns: 1500, seed: 17 })
  })

  it('places an inline box as one glyph of its width', () => {
    const text = 'a\ufffcb'
    const boxed = { ...span(text, 'notoSerif', 11), start: 1, end: 2 }
    boxed.run.box = { width: 12, height: 9, image: { path: 'x.png', alt: 'x' } }
    const visual = { start: 1, end: 2, rtl: false, span: boxed }
    expect(shapePiece(text, visual)).toEqual(referenceShapePiece(text, visual))
  })
})
