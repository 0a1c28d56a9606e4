/** Typesetting rules a reader notices: no widowed last line, headings kept with their text. */
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import type { Edition } from '../pipeline/render/edition.ts'
import { BODY, type PdfState, type Run } from '../pipeline/render/pdf/state.ts'
import { layoutRuns, lineAdvance, setParagraph } from '../pipeline/render/pdf/typeset.ts'

const TEXT = 'We must understand that the threat of cybercrime is only increasing. The numbers are exploding worldwide, and the only way to effectively address this type of borderless crime is through strong partnerships. '
const runs: Run[] = [{ text: TEXT.repeat(2).trim(), bold: false, italic: false }]

function stateAt(linesLeft: number): PdfState {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 62, right: 62 }, bufferPages: true })
  const state = { doc, edition: { locale: 'en', dir: 'ltr' } as Edition, insetStart: 0, missing: [] } as unknown as PdfState
  const advance = lineAdvance(state, BODY)
  // Leave room for `linesLeft` lines (and a little less than one more) above the bottom margin.
  doc.y = doc.page.height - doc.page.margins.bottom - advance * linesLeft - advance * 0.5
  return state
}

function pagesAndLinesAfter(state: PdfState): { pages: number; linesOnLastPage: number } {
  const advance = lineAdvance(state, BODY)
  const { doc } = state
  return { pages: doc.bufferedPageRange().count, linesOnLastPage: Math.round((doc.y - BODY.gapAfter - doc.page.margins.top) / advance) }
}

describe('paragraphs across a page break', () => {
  const lines = () => layoutRuns({ locale: 'en', dir: 'ltr' } as Edition, runs, BODY, 595.28 - 124).lines.length

  it('never leave the last line alone at the top of a page', () => {
    const total = lines()
    expect(total).toBeGreaterThanOrEqual(5)
    // Room for all lines but one: the second-to-last goes over with the last.
    const state = stateAt(total - 1)
    setParagraph(state, runs, BODY)
    expect(pagesAndLinesAfter(state)).toEqual({ pages: 2, linesOnLastPage: 2 })
  })

  it('break normally when two or more lines go over', () => {
    const total = lines()
    const state = stateAt(total - 3)
    setParagraph(state, runs, BODY)
    expect(pagesAndLinesAfter(state)).toEqual({ pages: 2, linesOnLastPage: 3 })
  })
})

describe('Latin letters and digits in Arabic text', () => {
  it('are set at the Latin body size, the Arabic letters around them at the Arabic size', () => {
    const arabic = 'شغل يورغن شتوك (Jürgen Stock) منصب الأمين العام من 2014 إلى 2024، أي 10 سنوات، و3.5 % من الميزانية.'
    const laid = layoutRuns({ locale: 'ar', dir: 'rtl' } as Edition, [{ text: arabic, bold: false, italic: false }], BODY, 385)
    const sizes = new Map<string, number>()
    for (const piece of laid.lines.flatMap((line) => line.pieces)) sizes.set(laid.text.slice(piece.start, piece.end).trim(), piece.span.run.size)
    expect(['Jürgen Stock', '2014', '2024', '10', '3.5', '%'].map((token) => sizes.get(token))).toEqual(Array(6).fill(BODY.size))
    const arabicSizes = [...sizes].filter(([text]) => /\p{Script=Arabic}/u.test(text)).map(([, size]) => Math.round(size * 100) / 100)
    expect(new Set(arabicSizes)).toEqual(new Set([Math.round(BODY.size * 118) / 100]))
  })
})
