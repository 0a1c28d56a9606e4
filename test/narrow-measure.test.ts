/**
 * The PDF's floor under nesting, and the line breaker's last resort. Nested blocks narrow the text
 * column by their inset only down to 15 em of the edition's body size (frameOf); and a measure no
 * piece fits (a glyph wider than a narrow cell, a width of nothing) once made breakLines return
 * undefined behind a `!` ("Cannot read properties of undefined"): every character is set now, each
 * line as full as it can be, the widest past the measure.
 */
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import type { Edition } from '../pipeline/render/edition.ts'
import type { PdfState } from '../pipeline/render/pdf/state.ts'
import { frameOf, MIN_MEASURE_EMS } from '../pipeline/render/pdf/typeset.ts'
import { layoutParagraph } from '../pipeline/render/pdf/text/layout.ts'
import type { Script } from '../pipeline/render/pdf/text/types.ts'

const TEXTS: Record<Script, string> = {
  latin: 'Deep nesting keeps every word, and Donaudampfschifffahrt too.',
  arabic: 'التعاون الدولي ضروري في عام 2024.',
  cjk: '深层嵌套保留段落中的每一个字。'
}

describe('a measure no piece fits', () => {
  for (const [script, text] of Object.entries(TEXTS) as Array<[Script, string]>) {
    for (const width of [0, 2, -40]) {
      for (const align of ['justify', 'start'] as const) {
        it(`${script}, ${width} pt, ${align}: every character set, in order, none twice`, () => {
          const laid = layoutParagraph([{ text, role: 'serif', size: 10, color: '#000000' }], {
            width, align, direction: script === 'arabic' ? 'rtl' : 'ltr', lineGap: 2, script,
            metricsFace: script === 'arabic' ? 'naskh' : script === 'cjk' ? 'serifSC' : 'notoSerif'
          })
          expect(laid.lines.length).toBeGreaterThan(1)
          const set = laid.lines.map((line) => {
            const start = Math.min(...line.pieces.map((piece) => piece.start))
            const end = Math.max(...line.pieces.map((piece) => piece.end))
            return text.slice(start, end)
          })
          expect(set.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
        })
      }
    }
  }
})

describe('the floor under nesting', () => {
  const state = (locale: string, dir: 'ltr' | 'rtl', insetStart: number) =>
    ({ doc: new PDFDocument({ size: 'A4', margins: { top: 76, bottom: 76, left: 105, right: 105 } }), edition: { locale, dir } as Edition, insetStart }) as unknown as PdfState
  // A4, 595.28 pt wide: a 385.28 pt column ending at 490.28; the body is 11 pt, Arabic's 18% larger.
  const COLUMN = 595.28 - 210
  it.each([
    ['en', 'ltr', 18, COLUMN - 18, 123],
    ['en', 'ltr', 1000, MIN_MEASURE_EMS * 11, 105 + COLUMN - MIN_MEASURE_EMS * 11],
    ['zh', 'ltr', 1000, MIN_MEASURE_EMS * 11, 105 + COLUMN - MIN_MEASURE_EMS * 11],
    ['ar', 'rtl', 18, COLUMN - 18, 105],
    ['ar', 'rtl', 1000, MIN_MEASURE_EMS * 11 * 1.18, 105]
  ] as const)('%s (%s), inset %d pt: %d pt wide from %d pt', (locale, dir, inset, width, left) => {
    const frame = frameOf(state(locale, dir, inset))
    expect(frame.width).toBeCloseTo(width, 6)
    expect(frame.left).toBeCloseTo(left, 6)
  })
})
