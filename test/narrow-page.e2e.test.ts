/**
 * A document that is not the interview, read in a browser on a phone
 * (390 px) as a reader would: nothing runs past the text's edge (a long
 * word, a long URL, a code line: the page would scroll sideways and cut
 * them), and no heading is set smaller than the text under it (a browser's
 * own h5 and h6 are 0.83 and 0.67 em), and a table's short words stay
 * whole beside a long cell. The web page and the e-book's
 * content document (its own stylesheet, as a reading system opens it) alike.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { closeBrowser, launch } from './conformance/browser.ts'
import { readEpub } from './helpers/read-back.ts'
import { makeProject, tempDir } from './helpers/project.ts'

const MARKDOWN = `---
title: Shore notes
lang: en
---

## Words

A long word: Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsangestellter, and a long URL https://example.org/a/very/long/path/that/goes/on/and/on/without/any/spaces/at/all/until/it/ends/here.html in a sentence.

\`\`\`js
// a fenced code block with a very long line that must wrap at the text's edge rather than run off the page
const tide = 1
\`\`\`

| Harbour | Rise | Note |
| :------ | ---: | ---- |
| Aktau | 0.25 | a plain text cell that is rather long and wraps inside its column |

##### A fifth-level heading

Its paragraph.

###### A sixth-level heading

Its paragraph.
`

/** A table wider than a phone's column, whatever its cells do: a long address and several columns. */
const WIDE = `---
title: Tides
lang: en
---

| Harbour | Rise | Fall | Source |
| :------ | ---: | ---: | ------ |
| Aktau | 0.25 | 0.20 | https://example.org/almanac/caspian/aktau/tides |

| a | b | c | d | e | f | g | h | i | j | k | l |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| Aktau | Baku | Türkmenbaşy | Astrakhan | Makhachkala | Anzali | Nowshahr | Amirabad | Kuryk | Bautino | Olya | Lagan |
`

const PHONE = { width: 390, height: 844 }
let root: string
const files: Record<string, string> = {}

beforeAll(async () => {
  root = makeProject({ 'content/shore.md': MARKDOWN, 'content/tides.md': WIDE })
  const result = await build({ root })
  expect(result.failures).toEqual([])
  files.html = path.join(root, 'output/en/shore.html')
  files.wide = path.join(root, 'output/en/tides.html')
  files.epub = await unpacked('shore')
  files.wideEpub = await unpacked('tides')
}, 120_000)

/** The e-book's content document with its stylesheet beside it, as the reading system has them. */
async function unpacked(doc: string): Promise<string> {
  const { zip } = await readEpub(readFileSync(path.join(root, `output/en/${doc}.epub`)))
  const book = tempDir('press-epub-')
  for (const name of Object.keys(zip.files)) {
    const entry = zip.file(name)
    if (!entry) continue
    mkdirSync(path.dirname(path.join(book, name)), { recursive: true })
    writeFileSync(path.join(book, name), await entry.async('nodebuffer'))
  }
  return path.join(book, `OEBPS/${doc}.xhtml`)
}

afterAll(closeBrowser)

/*
 * What runs in the page, as source text (the project's TypeScript has no DOM types): the words (runs of
 * visible characters) past the right edge of the text column, and whether the page scrolls sideways.
 */
const OVERFLOWING = `(() => {
  const column = document.querySelector('main') ?? document.body
  const edge = column.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(column).paddingRight)
  const found = []
  const walker = document.createTreeWalker(column, NodeFilter.SHOW_TEXT)
  const range = document.createRange()
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of node.textContent.matchAll(/\\S+/g)) {
      range.setStart(node, word.index)
      range.setEnd(node, word.index + word[0].length)
      if ([...range.getClientRects()].some((rect) => rect.right > edge + 1)) found.push(word[0].slice(0, 30))
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth) found.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' px')
  return found
})()`

/** The words (in links too) of the cells `selector` finds, set on more than one line. */
const brokenInCells = (selector: string) => `(() => {
  const range = document.createRange()
  const found = []
  for (const cell of document.querySelectorAll('${selector}')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/\\S+/g)) {
        range.setStart(node, word.index)
        range.setEnd(node, word.index + word[0].length)
        if (range.getClientRects().length > 1) found.push(word[0])
      }
    }
  }
  return found
})()`

/** The font size of a fifth- and a sixth-level heading and of the paragraph after the first. */
const SIZES = `(() => {
  const size = (selector) => Number.parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)
  return { p: size('h5 + p'), h5: size('h5'), h6: size('h6') }
})()`

describe.each(['html', 'epub'])('the %s edition on a 390 px phone', (format) => {
  let page: Page

  beforeAll(async () => {
    page = await (await launch()).newPage({ viewport: PHONE })
    await page.goto(pathToFileURL(files[format]!).href, { waitUntil: 'load' })
  })

  afterAll(() => page.close())

  it('keeps every word, URL and code line inside the text column', async () => {
    expect(await page.evaluate(OVERFLOWING)).toEqual([])
  })

  it('breaks no word of a table cell when the cell can take it whole', async () => {
    expect(await page.evaluate(brokenInCells('th, td'))).toEqual([])
  })

  it('sets no heading smaller than the text', async () => {
    const sizes = (await page.evaluate(SIZES)) as { p: number; h5: number; h6: number }
    expect(sizes.h5).toBeGreaterThanOrEqual(sizes.p)
    expect(sizes.h6).toBeGreaterThanOrEqual(sizes.p)
  })
})

describe('a table wider than a phone, on the web page', () => {
  it('scrolls in a box of its own, which a keyboard can focus; the page does not scroll sideways', async () => {
    const page = await (await launch()).newPage({ viewport: PHONE })
    await page.goto(pathToFileURL(files.wide!).href, { waitUntil: 'load' })
    const seen = (await page.evaluate(`(() => {
      const box = document.querySelector('table').parentElement
      return { page: document.documentElement.scrollWidth, box: box.scrollWidth > box.clientWidth, focusable: box.tabIndex === 0 }
    })()`)) as { page: number; box: boolean; focusable: boolean }
    const names = await page.getByRole('region').evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-labelledby')))
    const regions = [await page.getByRole('region', { name: 'Harbour Rise Fall Source', exact: true }).count(), await page.getByRole('region', { name: 'a b c d', exact: true }).count()]
    await page.close()
    expect(seen).toEqual({ page: PHONE.width, box: true, focusable: true })
    // A tab stop says what it holds: a region named by the table's headings (its caption when it has one), four at most.
    expect(names).toHaveLength(2)
    expect(regions).toEqual([1, 1])
  })
})

describe('tables wider than a phone, in the e-book', () => {
  it('fit the page (a paginated reading system cannot scroll them), short columns keeping their words whole', async () => {
    const page = await (await launch()).newPage({ viewport: PHONE })
    await page.goto(pathToFileURL(files.wideEpub!).href, { waitUntil: 'load' })
    const overflowing = await page.evaluate(OVERFLOWING)
    const widths = (await page.evaluate(`[...document.querySelectorAll('table')].map((table) => table.getBoundingClientRect().right <= document.documentElement.clientWidth)`)) as boolean[]
    const firstTable = (await page.evaluate(brokenInCells('table:first-of-type th, table:first-of-type td'))) as string[]
    await page.close()
    expect(overflowing).toEqual([])
    expect(widths).toEqual([true, true])
    // The address breaks to fit; the words of the columns beside it stay whole.
    expect(firstTable.filter((word) => !word.startsWith('https:'))).toEqual([])
  })
})
