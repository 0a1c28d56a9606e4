/**
 * The e-book as a reading system lays it out: MuPDF (the engine of
 * SumatraPDF and many Android readers) renders each EPUB, and its text must
 * give the article's words in the same order as the HTML page. MuPDF knows
 * no HTML5 sectioning elements by default: without the EPUB stylesheet's
 * blocks, the figures' captions ran together at the top of the page.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { createProject, listLocales } from '../pipeline/project.ts'
import { findAll, htmlTree } from './helpers/read-back.ts'
import { REPO, tempDir } from './helpers/project.ts'
import { toText } from 'hast-util-to-text'

let out: string
let locales: string[]

beforeAll(async () => {
  out = tempDir('press-epub-rs-')
  locales = await listLocales(createProject(REPO))
  const result = await build({ root: REPO, out, formats: ['html', 'epub'] })
  expect(result.failures).toEqual([])
})

/**
 * Words (runs of letters and digits), one space apart: line breaks, hyphens a
 * reading system adds and spacing differ by layout, words do not. Chinese
 * has no spaces between words, so a line break beside an ideograph is none.
 */
function letters(text: string): string {
  return (text.normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).join(' ').replace(/(?<=\p{Script=Han}) | (?=\p{Script=Han})/gu, '')
}

/** The article of the HTML page, as text (the page's header and footer are not part of the book). */
function htmlArticle(locale: string): string {
  const tree = htmlTree(readFileSync(path.join(out, locale, 'interview.html'), 'utf8'))
  const [article] = findAll(tree, (node) => node.tagName === 'article')
  // What no reader sees (a placeholder marked aria-hidden and hidden by both stylesheets) is not compared.
  for (const hidden of findAll(article!, (node) => node.properties.ariaHidden === 'true')) hidden.children = []
  return toText(article!)
}

function mupdfText(locale: string): string {
  const epub = path.join(out, locale, 'interview.epub')
  return execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-W', '390', '-H', '844', epub], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
}

describe('EPUB in MuPDF', () => {
  it('gives the article’s words in the HTML page’s order, in every language', () => {
    expect(locales.length).toBeGreaterThanOrEqual(5)
    for (const locale of locales) {
      const expected = letters(htmlArticle(locale))
      const seen = letters(mupdfText(locale))
      expect(expected.length).toBeGreaterThan(1000)
      if (!seen.includes(expected)) {
        writeFileSync(path.join(out, `${locale}-mupdf.txt`), `${seen}\n\n${expected}\n`)
        // The first word where the two part ways, for the failure message.
        const words = expected.split(' ')
        let at = 0
        while (at < words.length && seen.includes(words.slice(0, at + 1).join(' '))) at++
        expect.fail(`${locale}: MuPDF's text departs from the HTML at word ${at} (“${words.slice(Math.max(0, at - 5), at + 3).join(' ')}”)`)
      }
    }
  })
})
