/**
 * Total-fit line breaking (Knuth–Plass) over the text engine's break
 * opportunities: even spaces, hyphens only when needed and never three in
 * a row, none on the last full line or where a page turns, emergency
 * stretch only when nothing fits.
 */
import { describe, expect, it } from 'vitest'
import { hyphenatorFor } from '../pipeline/render/pdf/hyphenation.ts'
import { layoutParagraph } from '../pipeline/render/pdf/text/layout.ts'
import { measure } from '../pipeline/render/pdf/text/shape.ts'
import type { Line, ParagraphOptions, TextRun } from '../pipeline/render/pdf/text/types.ts'

const run = (text: string): TextRun => ({ text, role: 'serif', size: 10, color: '#000000' })
const options = (extra: Partial<ParagraphOptions> = {}): ParagraphOptions => ({
  width: 250, align: 'justify', direction: 'ltr', lineGap: 2, metricsFace: 'notoSerif', script: 'latin', ...extra
})
const lineText = (text: string, line: Line) => text.slice(Math.min(...line.pieces.map((p) => p.start)), Math.max(...line.pieces.map((p) => p.end)))
const hyphenated = (line: Line) => line.pieces.some((piece) => piece.start === piece.end)
/** Widest space of a justified line, in ems of the 10 pt text. */
const widestSpace = (line: Line) => Math.max(0, ...line.pieces.flatMap((piece) => piece.glyphs.filter((glyph) => glyph.text === ' ').map((glyph) => glyph.advance / 10)))

const RUSSIAN = 'Пока я занимал этот пост, с 2014 по 2024 год, я был свидетелем того, как активно Казахстан участвовал во всех ключевых направлениях деятельности Интерпола — от оперативной работы и наращивания потенциала до обучения и стратегического прогнозирования. Казахстан неизменно проявлял инициативу, стремясь предвидеть будущие тенденции в преступной среде, обмениваясь оперативной информацией и координируя действия правоохранительных органов как на региональном, так и на международном уровне.'

/**
 * The Russian paragraph justified at a width (and a page end), laid out once:
 * several tests sweep the same widths, and the layout is a pure function.
 */
const laidOut = new Map<string, ReturnType<typeof layoutParagraph>>()
const russianAt = (width: number, pageEndLine?: number) => {
  const key = `${width}:${pageEndLine}`
  return laidOut.get(key) ?? laidOut.set(key, layoutParagraph([run(RUSSIAN)], options({ width, hyphenate: hyphenatorFor('ru'), pageEndLine }))).get(key)!
}

describe('total fit', () => {
  it('sets a paragraph at a book measure with even spaces', () => {
    let lines = 0
    let loose = 0
    for (let width = 340; width <= 420; width += 10) {
      const laid = russianAt(width)
      // A space of Noto Serif is 0.26 em; TeX's stretch lets it reach 0.39 em, the tolerance 0.44 em.
      for (const line of laid.lines.slice(0, -1)) {
        expect(widestSpace(line)).toBeLessThanOrEqual(0.6)
        lines++
        if (widestSpace(line) > 0.45) loose++
      }
    }
    expect(loose / lines).toBeLessThan(0.15)
  })

  it('never hyphenates three lines in a row, and seldom the last full line', () => {
    let widths = 0
    let lastFull = 0
    for (let width = 150; width <= 480; width += 3) {
      const laid = russianAt(width)
      let inARow = 0
      for (const line of laid.lines) {
        inARow = hyphenated(line) ? inARow + 1 : 0
        expect(inARow).toBeLessThanOrEqual(2)
      }
      widths++
      if (hyphenated(laid.lines.at(-2)!)) lastFull++
    }
    // Without its demerits, about half the widths end the last full line with a hyphen.
    expect(lastFull / widths).toBeLessThan(0.4)
  })

  it('hyphenates only when the paragraph cannot be set well without', () => {
    const english = 'We must understand that the threat of cybercrime is only increasing. The numbers are exploding worldwide, and the only way to effectively address this type of borderless crime is through strong partnerships.'
    let hyphens = 0
    let lines = 0
    for (let width = 340; width <= 420; width += 10) {
      const laid = layoutParagraph([run(english)], options({ width, hyphenate: hyphenatorFor('en') }))
      hyphens += laid.lines.filter(hyphenated).length
      lines += laid.lines.length
    }
    // The English target: at most 15 % of lines hyphenated (first fit hyphenated 27 %).
    expect(hyphens / lines).toBeLessThanOrEqual(0.15)
  })

  it('moves a hyphen off the line a page ends after, whenever the paragraph can be set so', () => {
    let moved = 0
    let kept = 0
    for (let width = 330; width <= 480; width += 6) {
      const free = russianAt(width)
      const pageEnd = free.lines.findIndex(hyphenated)
      if (pageEnd < 0 || pageEnd === free.lines.length - 1) continue
      const turned = russianAt(width, pageEnd)
      if (hyphenated(turned.lines[pageEnd]!)) kept++
      else moved++
    }
    // A penalty, not a ban: where keeping the hyphen costs less than a line stretched 2.5 times, it stays.
    expect(moved).toBeGreaterThan(6)
    expect(kept).toBeLessThan(2 * moved)
  })

  it('stretches beyond the tolerance only when nothing fits, and cuts a word wider than the line', () => {
    const text = 'Пневмоноультрамикроскопическийсиликовулканокониоз и слово'
    const laid = layoutParagraph([run(text)], options({ width: 80, hyphenate: hyphenatorFor('ru') }))
    expect(laid.lines.map((line) => lineText(text, line)).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''))
    for (const line of laid.lines) expect(Math.max(...line.pieces.map((piece) => piece.x + piece.width))).toBeLessThanOrEqual(80.5)
  })

  it('never sets a line beyond the measure, the last line of a paragraph included', () => {
    for (let width = 150; width <= 480; width += 3) {
      for (const pageEndLine of [undefined, 1, 2, 3]) {
        const laid = russianAt(width, pageEndLine)
        for (const line of laid.lines) expect(Math.max(...line.pieces.map((piece) => piece.x + piece.width))).toBeLessThanOrEqual(width + 0.01)
      }
    }
  })

  it('keeps ragged text ragged: natural spaces, no hyphens', () => {
    const laid = layoutParagraph([run(RUSSIAN)], options({ width: 220, align: 'start', hyphenate: undefined }))
    const space = measure('notoSerif', ' ', 10) / 10
    for (const line of laid.lines) {
      expect(hyphenated(line)).toBe(false)
      for (const piece of line.pieces) for (const glyph of piece.glyphs.filter((each) => each.text === ' ')) expect(glyph.advance / 10).toBeCloseTo(space, 5)
    }
  })
})

describe('Chinese line starts (kinsoku)', () => {
  it('never start a line with a middle dot or closing punctuation, at any width', () => {
    const chinese = '国际刑警组织前秘书长于尔根·斯托克在接受哈通社采访时，谈及网络犯罪和新兴技术滥用给全球带来的日益严峻的威胁。他指出卡西姆若马尔特·托卡耶夫总统决定设立人工智能部、体现了前瞻性思路！'
    const zh = (text: string): TextRun => ({ text, role: 'serif', size: 10, color: '#000000' })
    const starts = new Set<string>()
    for (let width = 60; width <= 300; width += 2) {
      const laid = layoutParagraph([zh(chinese)], options({ width, script: 'cjk', metricsFace: 'serifSC' }))
      for (const line of laid.lines) starts.add(lineText(chinese, line).charAt(0))
    }
    expect([...starts].filter((char) => /[·、。，！？）」』》]/u.test(char))).toEqual([])
  })
})
