/**
 * justify() keeps its glyph weights in one buffer between lines, grown when a
 * line has more glyphs than it holds: a long line (a table cell's run, a line
 * of Chinese in small type) gets all of its slack, shared as a short one's.
 */
import { describe, expect, it } from 'vitest'
import { justify, LETTER_STRETCH, STRETCH_TOLERANCE } from '../pipeline/render/pdf/text/justify.ts'
import type { Piece, PlacedGlyph } from '../pipeline/render/pdf/text/types.ts'

/** One piece of `text`, a glyph per character, each 5 pt wide. */
function line(text: string): Piece[] {
  const glyphs = [...text].map((char, index): PlacedGlyph => ({ id: 1, x: 0, xOffset: 0, yOffset: 0, advance: 5, text: char, clusterStart: index, clusterEnd: index + 1 }) as PlacedGlyph)
  return [{ span: { run: { size: 10 } }, rtl: false, start: 0, end: text.length, x: 0, width: 5 * text.length, glyphs } as unknown as Piece]
}

describe('justify on long lines', () => {
  it.each([10, 300, 1000])('spreads the whole slack over %i words, every space alike', (words) => {
    const text = Array.from({ length: words }, () => 'ab').join(' ')
    const pieces = line(text)
    expect(justify(text, pieces, text.length, 40)).toBe(true)
    const added = pieces[0]!.glyphs.map((glyph) => glyph.advance - 5)
    expect(added.every(Number.isFinite)).toBe(true)
    expect(added.reduce((sum, value) => sum + value, 0)).toBeCloseTo(40, 9)
    const spaces = added.filter((_, index) => text[index] === ' ')
    expect(Math.max(...spaces) - Math.min(...spaces)).toBeLessThan(1e-12)
    expect(spaces.at(-1)).toBeGreaterThan(added[0]!)
  })
})

describe('justify on a line far looser than total fit allows', () => {
  // A long word or URL on the next line leaves "A very long word:" alone on a justified line.
  const text = 'A very long word:'
  const slack = 200

  it('opens its letters no more than the tolerance lets them, and its spaces take the rest', () => {
    const pieces = line(text)
    expect(justify(text, pieces, text.length, slack)).toBe(true)
    const added = pieces[0]!.glyphs.map((glyph) => glyph.advance - 5)
    expect(added.reduce((sum, value) => sum + value, 0)).toBeCloseTo(slack, 9)
    const letterGaps = added.filter((_, index) => /\p{L}/u.test(text[index]!) && /\p{L}/u.test(text[index + 1] ?? ''))
    expect(Math.max(...letterGaps)).toBeCloseTo(STRETCH_TOLERANCE * LETTER_STRETCH * 10, 9)
    const spaces = added.filter((_, index) => text[index] === ' ')
    expect(spaces).toHaveLength(3)
    expect(Math.min(...spaces)).toBeGreaterThan(60)
  })

  it('spreads over its letters alone when it has no space', () => {
    const word = 'Donaudampfschiff'
    const pieces = line(word)
    expect(justify(word, pieces, word.length, 30)).toBe(true)
    const added = pieces[0]!.glyphs.map((glyph) => glyph.advance - 5)
    expect(added.reduce((sum, value) => sum + value, 0)).toBeCloseTo(30, 9)
  })
})

describe('justify on a line with code', () => {
  it('keeps code’s letters and spaces as typed: the slack goes to the spaces around it', () => {
    const text = 'call the run fn now'
    const code = { start: 9, end: 15 } // "run fn"
    const pieces = line(text)
    // The code in a piece of its own, set in the monospaced face.
    const [all] = pieces
    const before = { ...all!, glyphs: all!.glyphs.slice(0, code.start), end: code.start }
    const middle = { ...all!, span: { run: { size: 10, role: 'mono' } }, glyphs: all!.glyphs.slice(code.start, code.end), start: code.start, end: code.end }
    const after = { ...all!, glyphs: all!.glyphs.slice(code.end), start: code.end }
    const split = [before, middle, after] as unknown as Piece[]
    expect(justify(text, split, text.length, 12)).toBe(true)
    const added = split.flatMap((piece) => piece.glyphs.map((glyph) => glyph.advance - 5))
    expect(added.slice(code.start, code.end)).toEqual([0, 0, 0, 0, 0, 0])
    expect(added.reduce((sum, value) => sum + value, 0)).toBeCloseTo(12, 9)
  })
})
