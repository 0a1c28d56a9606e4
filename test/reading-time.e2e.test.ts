/** Reading time is the source's, in every language: Kazakh's fewer, longer words once made it say 3 minutes where the others said 4. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { minutesOfText } from '../pipeline/render/reading-time.ts'
import { htmlText } from './helpers/read-back.ts'
import { copyRepoProject } from './helpers/project.ts'

describe('reading time', () => {
  it('is counted on the source text, so every edition says the same number of minutes', async () => {
    const root = copyRepoProject()
    const locales = ['en', 'ar', 'kk', 'ru', 'zh']
    const result = await build({ root, out: 'out', locales, formats: ['html'] })
    expect(result.failures).toEqual([])
    const minutes = locales.map((locale) => {
      const html = readFileSync(path.join(root, 'out', locale, 'interview.html'), 'utf8')
      const line = /<p class="reading-time"[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? ''
      return Number(/\d+/.exec(line)?.[0] ?? /[٠-٩]+/.exec(line)?.[0]?.replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x660)))
    })
    expect(htmlText(readFileSync(path.join(root, 'out/en/interview.html'), 'utf8'))).toContain('4 minutes read')
    expect(minutes).toEqual([4, 4, 4, 4, 4])
  })

  it('counts words, and ideographs as two-thirds of a word', () => {
    expect(minutesOfText('word '.repeat(700))).toBe(4)
    expect(minutesOfText('字'.repeat(1200))).toBe(4)
  })
})
