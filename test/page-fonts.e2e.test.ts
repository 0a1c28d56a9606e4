/**
 * Every letter a reader sees on the web page is drawn in a face the page
 * carries (its @font-face subsets), never in a font of the reader's system:
 * Chromium's own account of the fonts it drew each element's text with
 * (DevTools' CSS.getPlatformFontsForNode). The case that failed: emphasis in
 * English inside an Arabic page (a missing translation's source text, an
 * untranslated title). The stylesheet set it upright (`:lang(ar) em` matched
 * any em under the Arabic page), the subsets were cut for italic, and the
 * browser drew "Caspian" partly in the system's Liberation Serif. And the
 * editions list (index.html): its bold edition titles were cut into the
 * regular subset, so the Russian and Kazakh titles were drawn wholly in
 * Liberation Serif Bold. A note's way back was GFM's ↩, which none of the
 * faces has. Code is set in the system's monospace by design and is left
 * out.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { closeBrowser, launch } from './conformance/browser.ts'
import { platformFonts } from './helpers/platform-fonts.ts'
import { copyUiTerms, makeProject } from './helpers/project.ts'

const MARKDOWN = `---
title: "A field guide to the *Caspian* shore"
lang: en
---

Intro with *emphasis*, **strong text**, ***both at once*** and a name, *Kazinform*.

## A *named* section

The shore in spring.[^tide]

\`\`\`
tide --now
\`\`\`

\`\`\`
港口 = "阿克套"  # الميناء
\`\`\`

[^tide]: At low tide.
`

const CATALOG = { p: { 'the-shore-in-spring': 'الشاطئ في الربيع.' }, heading: { 'a-named-section': 'قسم *مسمّى*' } }
/** Russian: the title, in letters no other bold text of the editions list has (ж, ю, щ). */
const ZH = { p: { 'the-shore-in-spring': '春天的海岸。' } }
const RU = { meta: { title: 'Жёлтый щит южного берега' }, p: { 'the-shore-in-spring': 'Берег весной.' } }
let root: string

beforeAll(async () => {
  root = makeProject({ 'content/guide.md': MARKDOWN, 'locales/ar/guide.json': JSON.stringify(CATALOG), 'locales/ru/guide.json': JSON.stringify(RU), 'locales/zh/guide.json': JSON.stringify(ZH) })
  copyUiTerms(root, ['ar', 'ru', 'zh'])
  const result = await build({ root, locales: ['en', 'ar', 'ru', 'zh'], formats: ['html'] })
  expect(result.failures).toEqual([])
}, 120_000)

afterAll(closeBrowser)


/** Each element's text drawn in a font that is not the page's own: the element's first words and the font. */
async function systemFonts(file: string): Promise<string[]> {
  const found = await platformFonts(file, 'body *:not(code):not(pre):not(script):not(style)')
  return found.flatMap(({ html, fonts }) => fonts.filter((font) => !font.isCustomFont).map((font) => `${html.slice(0, 60)}: ${font.postScriptName} (${font.glyphCount} glyphs)`))
}

describe('the web page draws every letter in its own faces', () => {
  it.each(['en/guide.html', 'ar/guide.html', 'ru/guide.html', 'index.html'])('in %s', async (page) => {
    expect(await systemFonts(path.join(root, 'output', page))).toEqual([])
  })
})

describe('code, in every language', () => {
  it.each(['en/guide.html', 'ar/guide.html'])('is set in monospace in %s, not in the script’s face', async (file) => {
    const page = await (await launch()).newPage()
    await page.goto(pathToFileURL(path.join(root, 'output', file)).href, { waitUntil: 'load' })
    const families: string[] = await page.evaluate(`[...document.querySelectorAll('pre, code')].map((node) => getComputedStyle(node).fontFamily)`)
    await page.close()
    expect(families).toHaveLength(4)
    for (const family of families) expect(family).toMatch(/^monospace\b/)
  })

  // A system's monospace has no Chinese or Arabic letters: they were drawn as boxes.
  it.each([['zh/guide.html', 'Noto Serif SC'], ['ar/guide.html', 'Noto Naskh Arabic']])('draws the script’s letters of code in %s in the page’s own %s', async (file, face) => {
    const { fonts } = (await platformFonts(path.join(root, 'output', file), 'pre code')).at(-1)!
    const own = fonts.filter((font) => font.isCustomFont && font.familyName === face)
    expect(own.reduce((glyphs, font) => glyphs + font.glyphCount, 0), JSON.stringify(fonts)).toBeGreaterThanOrEqual(face === 'Noto Serif SC' ? 5 : 7)
  })
})
