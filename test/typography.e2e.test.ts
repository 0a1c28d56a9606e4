/**
 * The print edition measured as a typographer would, from poppler's word
 * boxes (bench/typography-metrics.ts, the same code as npm run
 * bench:typography): measure, hyphen ladders, hyphenated and loose lines,
 * the widest space, dashes at a line start, one-letter words at a line end;
 * and the page design: balanced headlines, whole words in the running head.
 * These assert the typesetting's output, never a time.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { targetsMet } from '../bench/typography.ts'
import { typographyOf } from '../bench/typography-metrics.ts'
import { build } from '../pipeline/build.ts'
import { REPO, tempDir } from './helpers/project.ts'

const out = tempDir('press-typography-')
const pdf = (locale: string) => path.join(out, locale, 'interview.pdf')
const pageText = (locale: string, page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf(locale), '-']).toString()

beforeAll(async () => {
  const result = await build({ root: REPO, out, locales: ['en', 'kk', 'ru', 'zh'], formats: ['pdf'], force: true })
  expect(result.failures).toEqual([])
}, 120_000)

describe('typography of the PDFs (issue targets)', () => {
  for (const locale of ['en', 'kk', 'ru']) {
    it(`${locale}: measure, ladders, hyphenation, spacing, dashes and one-letter words within the targets`, () => {
      const metrics = typographyOf(pdf(locale))
      expect(metrics.lines).toBeGreaterThan(50)
      expect({ locale, failed: targetsMet(locale, metrics) }).toEqual({ locale, failed: [] })
    })
  }
})

describe('page design', () => {
  it('balances headlines: no word alone on the last line, no Chinese word split', () => {
    for (const locale of ['en', 'kk', 'ru']) {
      const headline = pageText(locale, 1).split('\n').map((line) => line.trim()).filter(Boolean).slice(0, 3)
      for (const line of headline) expect(line.split(/\s+/).length).toBeGreaterThan(1)
    }
    const zh = pageText('zh', 1).replace(/\s+/g, '')
    expect(zh).toContain('哈萨克斯坦')
    const firstLines = pageText('zh', 1).split('\n').map((line) => line.trim()).filter(Boolean).slice(0, 3)
    for (const line of firstLines) expect(line.endsWith('哈萨克') || line.endsWith('哈萨')).toBe(false)
  })

  it('runs a title of whole words at the head of every later page', () => {
    const head = pageText('en', 2).split('\n').map((line) => line.trim()).find(Boolean)!
    expect(head).toBe('AI and cybercrime')
    const ru = pageText('ru', 2).split('\n').map((line) => line.trim()).find(Boolean)!
    expect(ru).toBe('Искусственный интеллект и киберпреступность')
  })
})
