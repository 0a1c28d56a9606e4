/**
 * Code in a justified paragraph of the PDF is set as typed: its monospaced
 * letters and spaces never stretch (justify.ts), and no hyphen is ever added
 * inside it (an identifier with a hyphen is another identifier), however
 * the hyphenator would break its letters. The words around it stretch and
 * hyphenate as before.
 */
import { describe, expect, it } from 'vitest'
import { layoutParagraph } from '../pipeline/render/pdf/text/layout.ts'
import type { Hyphenator, TextRun } from '../pipeline/render/pdf/text/types.ts'

const run = (text: string, extra: Partial<TextRun> = {}): TextRun => ({ text, role: 'serif', size: 10, color: '#000000', ...extra })
/** A hyphenator that would break every word after each of its letters but the first two and last three. */
const everywhere: Hyphenator = (text, start, end) => {
  const points: number[] = []
  for (const word of text.slice(start, end).matchAll(/\p{L}+/gu)) {
    for (let at = 2; at <= word[0].length - 3; at++) points.push(start + word.index + at)
  }
  return points
}

describe('code in a justified paragraph', () => {
  const runs = [
    run('Call the '),
    run('configureHarbourMasterNotifications', { role: 'mono' }),
    run(' routine before the morning tide, and then '),
    run('startTheEngine now', { role: 'mono' }),
    run(' when the harbour master says so, never sooner than that.')
  ]
  const text = runs.map((each) => each.text).join('')
  const codeRanges = [[9, 9 + 35], [text.indexOf('startTheEngine'), text.indexOf('startTheEngine') + 18]] as const
  const inCode = (at: number) => codeRanges.some(([start, end]) => at > start && at < end)

  it('adds no hyphen inside code at any measure, while the words around it hyphenate', () => {
    const hyphenatedAt = [100, 120, 150, 180, 210, 240].flatMap((width) => {
      const laid = layoutParagraph(runs, { width, align: 'justify', direction: 'ltr', lineGap: 2, metricsFace: 'notoSerif', script: 'latin', hyphenate: everywhere })
      // A line ended at a hyphenation point ends in a piece of its own, empty in the text: the added hyphen (a soft hyphen to text extraction).
      return laid.lines.flatMap((line) => line.pieces.filter((piece) => piece.start === piece.end && piece.glyphs.some((glyph) => glyph.text === '\u00ad')).map((piece) => piece.start))
    })
    expect(hyphenatedAt.length).toBeGreaterThan(0)
    expect(hyphenatedAt.filter(inCode)).toEqual([])
  })

  it('sets code’s glyphs at their own advances on a justified line', () => {
    const laid = layoutParagraph(runs, { width: 240, align: 'justify', direction: 'ltr', lineGap: 2, metricsFace: 'notoSerif', script: 'latin' })
    const natural = layoutParagraph([run('configureHarbourMasterNotifications', { role: 'mono' })], { width: 1e6, align: 'start', direction: 'ltr', lineGap: 2, metricsFace: 'notoSerif', script: 'latin' })
    const advances = (pieces: typeof natural.lines[number]['pieces']) => pieces.filter((piece) => piece.span.run.role === 'mono').flatMap((piece) => piece.glyphs.map((glyph) => glyph.advance))
    const set = laid.lines.slice(0, -1).find((line) => line.pieces.some((piece) => piece.span.run.role === 'mono'))!
    expect(advances(set.pieces).slice(0, 5)).toEqual(advances(natural.lines[0]!.pieces).slice(0, 5))
  })
})
