/**
 * Arabic is set 18 % larger than Latin text of the same nominal size (Naskh's letters are small on
 * their body), its Latin words and European digits at the Latin size: the PDF's decision
 * (SCRIPT_SIZE, pdf/text/latin-size.ts), which the web page and the e-book follow with the Arabic
 * face's `size-adjust`: on the web page for its Arabic range only, in the e-book (no unicode-range:
 * MuPDF's CSS parser loses the rule after one) with the Latin letters and digits left to the Latin
 * face. Measured in Chromium, against the same page with the size-adjust taken out.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import * as fontkit from 'fontkit'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { SCRIPT_SIZE } from '../pipeline/render/script-of-locale.ts'
import { closeBrowser, launch } from './conformance/browser.ts'
import { copyUiTerms, makeProject } from './helpers/project.ts'

const MARKDOWN = `---
title: Harbour log
lang: en
---

The log was opened in 1963 at Aktau, by the port's Harbour Authority.

It is still kept.
`

const CATALOG = { p: { 'the-log-was-opened-in': 'فُتح السجل عام 1963 في ميناء أكتاو على يد Harbour Authority.' } }
const SCALE = `${Math.round(SCRIPT_SIZE.arabic * 100)}%`
let root: string

beforeAll(async () => {
  root = makeProject({ 'content/log.md': MARKDOWN, 'locales/ar/log.json': JSON.stringify(CATALOG) })
  copyUiTerms(root, ['ar'])
  const result = await build({ root, locales: ['ar'], formats: ['html', 'epub'] })
  expect(result.failures).toEqual([])
}, 120_000)

afterAll(closeBrowser)

/** The widths of an Arabic word and of a year in the Arabic paragraph, as the page is and with every size-adjust taken out of its style. */
const MEASURE = `(async () => {
  const widthOf = (word) => {
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(word)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + word.length)
      return range.getBoundingClientRect().width
    }
    return 0
  }
  const measure = () => ({ arabic: widthOf('السجل'), year: widthOf('1963') })
  const shipped = measure()
  for (const style of document.querySelectorAll('style')) style.textContent = style.textContent.replace(/size-adjust: [^;]*;/g, '')
  await document.fonts.ready
  await new Promise((resolve) => requestAnimationFrame(resolve))
  return { shipped, unscaled: measure() }
})()`

describe('the Arabic web page and e-book set Arabic at the PDF’s size', () => {
  it('draws Arabic letters SCRIPT_SIZE times larger and a year in Arabic text at its Latin size', async () => {
    const page = await (await launch()).newPage()
    await page.goto(pathToFileURL(path.join(root, 'output/ar/log.html')).href, { waitUntil: 'load' })
    await page.evaluate('document.fonts.ready')
    type Widths = { arabic: number; year: number }
    const { shipped, unscaled } = (await page.evaluate(MEASURE)) as { shipped: Widths; unscaled: Widths }
    await page.close()
    expect(unscaled.arabic).toBeGreaterThan(0)
    expect(shipped.arabic / unscaled.arabic).toBeCloseTo(SCRIPT_SIZE.arabic, 2)
    expect(shipped.year / unscaled.year).toBeCloseTo(1, 2)
  })

  it('gives the e-book’s Arabic faces the same size-adjust, and their Latin letters and digits to the Latin face', async () => {
    const zip = await JSZip.loadAsync(readFileSync(path.join(root, 'output/ar/log.epub')))
    const css = await zip.file('OEBPS/style.css')!.async('string')
    const rules = css.match(/@font-face \{[^}]*\}/g) ?? []
    const naskh = rules.filter((rule) => rule.includes('Noto Naskh Arabic'))
    expect(naskh.map((rule) => /size-adjust: ([\d%]+)/.exec(rule)?.[1])).toEqual([SCALE])
    expect(rules.filter((rule) => !rule.includes('Noto Naskh Arabic') && rule.includes('size-adjust'))).toEqual([])
    const file = /url\("([^"]+)"\)/.exec(naskh[0]!)![1]!
    const face = fontkit.create(Buffer.from(await zip.file(`OEBPS/${file}`)!.async('uint8array'))) as fontkit.Font
    expect(['ف', '1', '9', 'A'].map((char) => face.hasGlyphForCodePoint(char.codePointAt(0)!))).toEqual([true, false, false, false])
  })
})
