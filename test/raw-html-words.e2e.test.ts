/**
 * A block of raw HTML in a document loses no word: the sanitizer publishes no raw HTML, and it used to
 * drop the whole block, words and all (a `<div class="note">` sentence was in no edition). Its words
 * are paragraphs of text now, keyed and translated as any paragraph; a comment or a script has none;
 * no tag reaches an edition.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { findAll, htmlText, htmlTree, normalize, pdfText, readEpub } from './helpers/read-back.ts'
import { toText } from 'hast-util-to-text'
import { copyUiTerms, makeProject } from './helpers/project.ts'

const MARKDOWN = `---
title: Harbour notes
lang: en
---

Before the note.

<div class="note">
Sailors must not lose this sentence.
<p>Nor the <b>buoy</b> &amp; its light.</p>
<!-- An editor's remark, for no reader. -->
<script>var hidden = 'no reader sees this'</script>
</div>

- An item.

  <details><summary>Tide table</summary>Low water at noon.</details>

<div><select size="2"><option>First choice</option><option>Second choice</option></select></div>

<figure><img alt="Map of the Caspian shore"><figcaption>The shore in 1890.</figcaption></figure>

<div><svg viewBox="0 0 10 10"><title>Chart of depths</title><circle r="4"/></svg></div>

<dl><dt>Ebb</dt><dd>The falling tide.</dd></dl>

<table><caption>Depths</caption><tr><th>Pier</th><td>4 m</td></tr></table>

<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字<rt>ji</rt></ruby> means Chinese characters.</p>

Inside a paragraph: <select><option>Ebb</option><option>Flood</option></select>, <img alt="a buoy">, <ruby>潮<rt>ちょう</rt></ruby>.

After the note.
`

const AR = { p: { 'sailors-must-not-lose-this': 'على البحارة ألا يفقدوا هذه الجملة.' } }
let root: string
let warnings: string[]

beforeAll(async () => {
  root = makeProject({ 'content/notes.md': MARKDOWN, 'locales/ar/notes.json': JSON.stringify(AR) })
  copyUiTerms(root, ['ar'])
  const result = await build({ root, locales: ['en', 'ar'] })
  expect(result.failures).toEqual([])
  warnings = result.files.flatMap((file) => file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`))
}, 120_000)

/** Each line a browser shows on its own is a paragraph of its own, whole: no word glued to the next or lost. */
const PARAGRAPHS = [
  'Before the note.',
  'Sailors must not lose this sentence.',
  'Nor the buoy & its light.',
  'An item.',
  'Tide table',
  'Low water at noon.',
  'First choice',
  'Second choice',
  'Map of the Caspian shore',
  'The shore in 1890.',
  'Chart of depths',
  'Ebb',
  'The falling tide.',
  'Depths',
  'Pier',
  '4 m',
  '漢(kan)字(ji) means Chinese characters.',
  'Inside a paragraph: Ebb, a buoy,潮（ちょう）.', // a drop-down list shows its first option; normalize() drops the space beside a CJK character
  'After the note.'
]

describe('a block of raw HTML', () => {
  it('becomes whole paragraphs, one for each line a browser shows', () => {
    const html = readFileSync(path.join(root, 'output/en/notes.html'), 'utf8')
    const main = htmlTree(html.slice(html.indexOf('<main'), html.indexOf('</main>') + 7))
    const paragraphs = findAll(main, (node) => node.tagName === 'p').map((p) => normalize(toText(p)))
    expect(paragraphs.slice(paragraphs.indexOf('Before the note.'))).toEqual(PARAGRAPHS)
  })

  it('keeps its words in the web page, the e-book and the PDF, without its tags, comments or scripts', async () => {
    const html = readFileSync(path.join(root, 'output/en/notes.html'), 'utf8')
    const article = htmlText(html.slice(html.indexOf('<main'), html.indexOf('</main>')))
    const epub = (await readEpub(readFileSync(path.join(root, 'output/en/notes.epub')))).text
    const pdf = (await pdfText(readFileSync(path.join(root, 'output/en/notes.pdf')))).text
    for (const text of [article, epub, pdf]) {
      for (const words of PARAGRAPHS) expect(text).toContain(words)
      expect(text).not.toMatch(/editor's remark|no reader sees|<div|<b>/)
    }
    expect(html).not.toMatch(/<div class="note"|<details|<script>var/)
  })

  it('is translated as paragraphs are: the Arabic edition has the translation, not the English', () => {
    const html = readFileSync(path.join(root, 'output/ar/notes.html'), 'utf8')
    expect(html).toContain('على البحارة ألا يفقدوا هذه الجملة.')
    expect(html).not.toContain('Sailors must not lose')
  })

  it('is reported at its place, once per block', () => {
    const blocks = warnings.filter((warning) => warning.includes('raw HTML') && !warning.endsWith('it is left out of every edition'))
    expect(blocks).toEqual([
      expect.stringMatching(/^8:1 Unexpected raw HTML `<div class="note"> Sailors must not lose…`, expected Markdown: its tags are left out of every edition and its words kept as text/),
      expect.stringMatching(/^17:3 Unexpected raw HTML `<details><summary>Tide table/),
      expect.stringMatching(/^19:1 Unexpected raw HTML `<div><select size="2">/),
      expect.stringMatching(/^21:1 Unexpected raw HTML `<figure>/),
      expect.stringMatching(/^23:1 Unexpected raw HTML `<div><svg/),
      expect.stringMatching(/^25:1 Unexpected raw HTML `<dl>/),
      expect.stringMatching(/^27:1 Unexpected raw HTML `<table>/),
      expect.stringMatching(/^29:1 Unexpected raw HTML `<p><ruby>/),
      // Inside a paragraph, the list's, the image's and the ruby's tags go and their words stay, reported when the document is read.
      expect.stringMatching(/^31:21 Unexpected raw HTML `<select><option>Ebb<\/option><option>Floo…`, expected Markdown: its tags are left out of every edition and catalog, the options a browser shows kept as text$/),
      expect.stringMatching(/^31:\d+ Unexpected raw HTML `<img alt="a buoy">`, expected Markdown: the image is left out of every edition, the words a browser shows for it kept where it stood$/),
      expect.stringMatching(/^31:\d+ Unexpected raw HTML `<ruby>潮<rt>ちょう<\/rt><\/ruby>`, expected Markdown: its tags are left out of every edition and catalog, its base kept as text with the reading in parentheses after it$/)
    ])
  })
})
