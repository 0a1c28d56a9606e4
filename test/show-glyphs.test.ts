/**
 * The PDF's text-showing operators (render/pdf/text/show-glyphs.ts): read
 * back by a small interpreter of Tc, Ts and TJ, every glyph stands where
 * layout placed it, in fewer bytes than a TJ number per glyph.
 */
import { describe, expect, it } from 'vitest'
import type { EmbeddedFontInternals } from '../pipeline/render/pdf/text/glyph-encoder.ts'
import { hex4, showGlyphs, type TextObjectState } from '../pipeline/render/pdf/text/show-glyphs.ts'
import type { PlacedGlyph } from '../pipeline/render/pdf/text/types.ts'
import fc from 'fast-check'
import { referenceShowGlyphs } from './helpers/show-glyphs-reference.ts'

const SIZE = 11

/** A font whose glyph n is 400 + 10n units wide (1000 to the em), codes given in order of first use. */
function fakeFont(): EmbeddedFontInternals {
  const glyphs: number[] = [0]
  return {
    id: 'F1', ref: () => null, widths: [], unicode: [], scale: 1,
    font: { getGlyph: (id) => ({ advanceWidth: 400 + 10 * id }) },
    subset: { glyphs, includeGlyph: (id) => (glyphs.includes(id) ? glyphs.indexOf(id) : glyphs.push(id) - 1) }
  }
}

/** Words of letters (glyphs 1–9) and spaces (glyph 20), justified as layout does: extra after letters inside a word, more at spaces; a kern now and then. */
function line(words: number, letterExtra: number, spaceExtra: number): PlacedGlyph[] {
  const glyphs: PlacedGlyph[] = []
  for (let word = 0; word < words; word++) {
    const letters = 3 + (word % 5)
    for (let letter = 0; letter < letters; letter++) {
      const id = 1 + ((word + letter) % 9)
      const kern = letter === 1 && word % 3 === 0 ? -0.4 : 0
      const extra = letter < letters - 1 ? letterExtra : 0
      glyphs.push({ id, x: 0, xOffset: 0, yOffset: 0, advance: ((400 + 10 * id) * SIZE) / 1000 + kern + extra, text: 'a', clusterStart: 0, clusterEnd: 1 })
    }
    if (word < words - 1) glyphs.push({ id: 20, x: 0, xOffset: 0, yOffset: 0, advance: (600 * SIZE) / 1000 + spaceExtra, text: ' ', clusterStart: 0, clusterEnd: 1 })
  }
  return glyphs
}

/** Where each glyph is drawn (points from the text object's start), reading the operators as a viewer does. */
function drawnAt(font: EmbeddedFontInternals, content: string): number[] {
  const at: number[] = []
  let x = 0
  let spacing = 0
  for (const [, tc, array] of content.matchAll(/(-?[\d.]+) Tc|\[(.*?)\] TJ/g)) {
    if (tc !== undefined) spacing = Number(tc)
    else {
      for (const [, hex, number] of array!.matchAll(/<([0-9a-f]+)>|(-?[\d.]+)/g)) {
        if (number !== undefined) x -= (Number(number) / 1000) * SIZE
        else for (const code of hex!.match(/.{4}/g)!) {
          at.push(x)
          x += (font.widths[Number.parseInt(code, 16)]! / 1000) * SIZE + spacing
        }
      }
    }
  }
  return at
}

function expectPlaced(font: EmbeddedFontInternals, content: string, glyphs: readonly PlacedGlyph[]): void {
  const at = drawnAt(font, content)
  expect(at.length).toBe(glyphs.length)
  let pen = 0
  glyphs.forEach((glyph, index) => {
    expect(Math.abs(at[index]! - pen)).toBeLessThan(1e-3)
    pen += glyph.advance
  })
}

describe('text-showing operators', () => {
  it('set a letter-spaced line as character spacing, each glyph where layout placed it', () => {
    const font = fakeFont()
    const glyphs = line(12, 0.21, 1.36)
    const content = showGlyphs(font, glyphs, 1000 / SIZE, { spacing: 0 })
    expect(content).toMatch(/^0\.21\d* Tc\n/)
    expectPlaced(font, content, glyphs)
    // A number at each word's end and each space, and the kerns: not one after every letter.
    const numbers = [...content.matchAll(/ -?[\d.]+(?= |\])/g)].length
    expect(numbers).toBeLessThan(glyphs.length / 2)
  })

  it('write glyphs with nothing between them as one string', () => {
    const font = fakeFont()
    const glyphs = line(6, 0, 0)
    const content = showGlyphs(font, glyphs, 1000 / SIZE, { spacing: 0 })
    expect(content).not.toContain('Tc')
    expect(content).not.toContain('> <')
    expectPlaced(font, content, glyphs)
  })

  it('keep one text object\'s spacing from piece to piece, and set it back when a piece has none', () => {
    const font = fakeFont()
    const state: TextObjectState = { spacing: 0 }
    const spaced = line(8, 0.3, 1)
    const plain = line(4, 0, 0.5)
    const content = [showGlyphs(font, spaced, 1000 / SIZE, state), showGlyphs(font, spaced, 1000 / SIZE, state), showGlyphs(font, plain, 1000 / SIZE, state)].join('\n')
    expect(content.match(/ Tc/g)).toEqual([' Tc', ' Tc'])
    expect(content).toContain('\n0 Tc\n')
    const all = [...spaced, ...spaced, ...plain]
    expectPlaced(font, content, all)
  })
})

describe('a glyph code in hex', () => {
  it('is its four digits, each code kept apart, whichever comes first', () => {
    const codes = Array.from({ length: 0x10000 }, (_, code) => (code * 40_503) % 0x10000)
    for (const code of [...codes, ...codes]) expect(hex4(code)).toBe(code.toString(16).padStart(4, '0'))
  })
})

describe('the operators of a piece', () => {
  it('are those the first writer wrote, for glyphs with offsets, rises, texts of nothing and any spacing, piece after piece', () => {
    const glyph = fc.record({
      id: fc.integer({ min: 1, max: 30 }),
      xOffset: fc.constantFrom(0, 0, 0, 0.7, -1.25),
      yOffset: fc.constantFrom(0, 0, 0, 2.5),
      extra: fc.constantFrom(0, 0.2, 0.2, 0.2, 1.3, -0.05, 0.000001),
      text: fc.constantFrom('a', 'a', ' ', '', '\u00ad')
    })
    fc.assert(fc.property(fc.array(fc.oneof(fc.array(glyph, { maxLength: 40 }), fc.array(glyph, { minLength: 250, maxLength: 600 })), { minLength: 1, maxLength: 4 }), fc.constantFrom(9, 11, 16.5), (pieces, size) => {
      const font = fakeFont()
      const reference = fakeFont()
      const state: TextObjectState = { spacing: 0 }
      const referenceState: TextObjectState = { spacing: 0 }
      for (const piece of pieces) {
        const glyphs = piece.map(({ id, xOffset, yOffset, extra, text }): PlacedGlyph => ({
          id, x: 0, xOffset, yOffset, advance: ((400 + 10 * id) * size) / 1000 + extra, text, clusterStart: 0, clusterEnd: 1
        }))
        expect(showGlyphs(font, glyphs, 1000 / size, state)).toBe(referenceShowGlyphs(reference, glyphs, 1000 / size, referenceState))
      }
    }), { numRuns: 100, seed: 17 })
  })
})
