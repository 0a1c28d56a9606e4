/**
 * Content and translations are untrusted text. Raw HTML, event handlers,
 * `javascript:`/`data:`/`vbscript:` links and attribute-breaking quotes, in
 * the Markdown, its front matter, a document catalog or ui.json, never reach
 * an edition as markup or script: they are dropped or shown as text, and a
 * warning names the key (and the catalog line) or the document line.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { toHtml } from 'hast-util-to-html'
import { toText } from 'hast-util-to-text'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../pipeline/build.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { jsonLdScript } from '../pipeline/render/hast/json-ld.ts'
import { placeOfCause, projectPath } from '../pipeline/report.ts'
import { makePng } from './helpers/png.ts'
import { makeProject, REPO } from './helpers/project.ts'
import { findAll, htmlText, pdfText, readEpub } from './helpers/read-back.ts'
import { epubProblems, htmlProblems, pdfProblems } from './helpers/validate.ts'

const TITLE = 'Title "><script>alert(1)</script> ]]> <![CDATA[ & \'quoted\''
const PUBLISHER = 'Pub" onload="alert(2)'

const MARKDOWN = `---
title: ${JSON.stringify(TITLE)}
interviewee: "Name' onmouseover='alert(3)"
interviewer: "<img src=x onerror=alert(4)>"
publisher: ${JSON.stringify(PUBLISHER)}
lang: en
credits:
  - "Credit <iframe src=javascript:alert(5)></iframe>"
---

Opening words with <script>alert(6)</script> inline and a [bad link](javascript:alert(7)), a [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==), a [vb link](vbscript:msgbox(9)) and a [good link](https://example.org/ok).

<iframe src="https://evil.example/"></iframe>

<style>body { display: none }</style>

:::figure{credit="Photo &quot; onerror=&quot;alert(10)"}
![Alt " onerror="alert(11)](images/card.png)

Caption words.
:::

Plain words to translate.

A picture: <img src="x.png" alt="Lead &quot;&gt;&lt;script&gt;alert(20)&lt;/script&gt;"> ends.

The city <ruby>Алматы<rt>Almaty</rt></ruby> is read so.
`
/** A translator's ruby, with a handler of its own: its words read as the source's, its tags go. */
const KK_RUBY = 'Қала <ruby>Алматы<rt>Almaty</rt></ruby> деп, <ruby onclick="alert(23)">Астана<rp>[</rp><rt>Astana</rt><rp>]</rp></ruby> деп оқылады.'
const KK_RUBY_SHOWN = 'Қала Алматы(Almaty) деп, Астана[Astana] деп оқылады.'
const LINK = 'https://example.org/ok'

let root: string
let result: BuildResult
const read = (relative: string) => readFileSync(path.join(root, 'output', relative))
/** Messages as the command line shows them: once each, though every edition of the document repeats them. */
const messages = () => [...new Map(result.files.flatMap((file) => file.messages.map((message) => {
  const shown = { file: projectPath(file.path, root), line: message.line, rule: message.ruleId, reason: message.reason, catalog: placeOfCause(message, root) }
  return [JSON.stringify(shown), shown] as const
}))).values()]

beforeAll(async () => {
  root = makeProject({ 'content/doc.md': MARKDOWN, 'content/images/card.png': makePng(8, 8, [200, 30, 30]), 'locales/kk/ui.json': '{}' })
  await extract(root)
  const source = JSON.parse(readFileSync(path.join(root, 'locales/en/doc.json'), 'utf8')) as { p: Record<string, string> }
  const plainKey = Object.keys(source.p).find((key) => key.startsWith('plain'))!
  const pictureKey = Object.keys(source.p).find((key) => key.startsWith('a-picture'))!
  const rubyKey = Object.keys(source.p).find((key) => key.startsWith('the-city'))!
  writeFileSync(path.join(root, 'locales/kk/doc.json'), JSON.stringify({
    meta: { title: 'Тақырып "><script>alert(12)</script>' },
    p: {
      [plainKey]: 'Аударма <img src=x onerror=alert(13)> [сілтеме](javascript:alert(14)) <b onclick="alert(15)">қалың</b> сөз.',
      // The picture's alt text is text in the catalog: a translation that writes a tag of its own gets no markup.
      [pictureKey]: 'Сурет: <img src=x onerror=alert(21) alt="Бас"> <script>alert(22)</script> бітті.',
      [rubyKey]: KK_RUBY
    }
  }, null, 2) + '\n')
  const ui = JSON.parse(readFileSync(path.join(REPO, 'locales/kk/ui.json'), 'utf8')) as Record<string, unknown>
  writeFileSync(path.join(root, 'locales/kk/ui.json'), JSON.stringify({
    ...ui,
    languageName: 'Қазақша"><script>alert(16)</script>',
    skipToContent: '<script>alert(17)</script>',
    interviewer: 'Сұхбат: {{name}} <img src=x onerror=alert(18)>',
    contents: 'Мазмұны ]]> <!-- "',
    page: '{{page}} / {{pages}} </script><script>alert(19)</script>'
  }, null, 2) + '\n')
  result = await build({ root })
})

describe('no injection', () => {
  it('builds every edition', () => {
    expect(result.failures).toEqual([])
  })

  it('HTML: no script, handler, frame, foreign style or unsafe link; the text is shown as text', () => {
    for (const locale of ['en', 'kk']) {
      const html = read(`${locale}/doc.html`).toString()
      expect(htmlProblems(html, `${locale}/doc.html`)).toEqual([])
      // Outside quoted attribute values and JSON-LD data (where `<` and `javascript:` are inert text), no markup from the input survives.
      const markup = html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '').replace(/="[^"]*"/g, '=""')
      expect(markup).not.toMatch(/<script(?! type="")|<iframe|<style>body|javascript:|vbscript:|data:text/i)
      expect(html).not.toMatch(/="\s*(javascript|vbscript|data):/i)
    }
    const en = fromHtml(read('en/doc.html').toString())
    expect(findAll(en, (node) => node.tagName === 'title').map((node) => toText(node))).toEqual([TITLE])
    expect(findAll(en, (node) => node.tagName === 'meta' && node.properties.name === 'author')[0]!.properties.content).toBe(PUBLISHER)
    expect(findAll(en, (node) => node.tagName === 'img')[0]!.properties.alt).toBe('Alt " onerror="alert(11)')
    expect(findAll(en, (node) => node.tagName === 'a' && String(node.properties.href).includes('example.org')).map((node) => node.properties.href)).toEqual(['https://example.org/ok'])
    const links = findAll(en, (node) => node.tagName === 'a' && node.properties.href !== undefined).map((node) => toText(node))
    expect(links).not.toContain('bad link') // the text stays, outside any link
    expect(htmlText(read('en/doc.html').toString())).toContain('a bad link, a data link, a vb link and a good link')
    const kk = htmlText(read('kk/doc.html').toString())
    const html = read('en/doc.html').toString()
    expect(kk).toContain('Тақырып "><script>alert(12)</script>')
    expect(kk).toContain('Аударма сілтеме қалың сөз.')
    expect(kk).toContain('Қазақша"><script>alert(16)</script>')
    // An image's alt text is words where it stood, markup shown as text; a script's text is in no edition.
    expect(htmlText(read('en/doc.html').toString())).toContain('Opening words with inline and a bad link')
    expect(htmlText(read('en/doc.html').toString())).toContain('A picture: Lead "><script>alert(20)</script> ends.')
    expect(kk).toContain('Сурет: бітті.')
    // A ruby reads base(reading) in the source and in a translator's words alike; no tag of either is published.
    expect(htmlText(html)).toContain('The city Алматы(Almaty) is read so.')
    expect(kk).toContain(KK_RUBY_SHOWN)
    expect(read('kk/doc.html').toString()).not.toMatch(/<ruby|<rt|<rp|alert\(23\)/)
    expect(readFileSync(path.join(root, 'locales/en/doc.json'), 'utf8')).not.toContain('alert(6)')
    expect(html).not.toContain('alert(6)')
  })

  it('EPUB: package document, navigation and chapter are well-formed XML without script, the title kept as text', async () => {
    for (const locale of ['en', 'kk']) expect(await epubProblems(read(`${locale}/doc.epub`), `${locale}/doc.epub`)).toEqual([])
    const { opf, zip } = await readEpub(read('en/doc.epub'))
    const title = /<dc:title id="title">([^<]*)<\/dc:title>/.exec(opf)![1]!
    expect(htmlText(`<p>${title}</p>`)).toBe(TITLE)
    const nav = await zip.file('OEBPS/toc.xhtml')!.async('string')
    expect(nav).toContain('Title &#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &lt;![CDATA[ &amp; &#39;quoted&#39;')
    const kkNav = await (await readEpub(read('kk/doc.epub'))).zip.file('OEBPS/toc.xhtml')!.async('string')
    expect(kkNav).toContain('Мазмұны ]]&gt; &lt;!-- &#34;')
    const kkBook = await readEpub(read('kk/doc.epub'))
    expect(kkBook.text).toContain(KK_RUBY_SHOWN)
  })

  it('PDF: metadata holds the title exactly, no script or launch action, links only to the web', async () => {
    for (const locale of ['en', 'kk']) expect(await pdfProblems(read(`${locale}/doc.pdf`), `${locale}/doc.pdf`)).toEqual([])
    const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', path.join(root, 'output/en/doc.pdf')]).toString()
    expect(/^Title: +(.*)$/m.exec(info)?.[1]).toBe(TITLE)
    const raw = read('en/doc.pdf').toString('latin1')
    // One link: a box for each line its words are set on, each box over them, and no other address.
    const uris = [...raw.matchAll(/\/URI \(([^)]*)\)/g)].map((match) => match[1])
    const boxes = await linkBoxes(read('en/doc.pdf'), LINK)
    const words = linkWords(path.join(root, 'output/en/doc.pdf'), ['good', 'link'])
    expect(uris).toEqual(boxes.map(() => LINK))
    expect(boxes).toHaveLength(new Set(words.map((word) => word.line)).size)
    expect(words.map((word) => boxes.filter((box) => inside(word, box)).length)).toEqual([1, 1])
    expect(boxes.map((box) => words.some((word) => inside(word, box)))).toEqual(boxes.map(() => true))
    const kkPdf = (await pdfText(read('kk/doc.pdf'))).text
    expect(kkPdf).toContain('Аударма сілтеме қалың сөз.')
    expect(kkPdf).toContain(KK_RUBY_SHOWN)
    const en = (await pdfText(read('en/doc.pdf'))).text
    expect(en).toContain('A picture: Lead "><script>alert(20)</script> ends.')
    expect(en).not.toContain('alert(6)')
  })

  it('warns for each, naming the key, the catalog line or the document line', () => {
    const found = messages().filter((message) => ['raw-html', 'unsafe-url', 'catalog-html'].includes(message.rule!))
    const said = (pattern: RegExp) => found.filter((message) => pattern.test(message.reason))
    // The script inside the paragraph: one warning at its place, for its tags and its text.
    expect(said(/^Unexpected raw HTML `<(script|\/script|img)/).filter((m) => m.file === 'content/doc.md').map((m) => `${m.line} ${m.reason}`)).toEqual([
      '11 Unexpected raw HTML `<script>alert(6)</script>`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it',
      '25 Unexpected raw HTML `<img src="x.png" alt="Lead &quot;&gt;&lt…`, expected Markdown: the image is left out of every edition, the words a browser shows for it kept where it stood'
    ])
    expect(said(/^Unexpected raw HTML `<iframe src="https:\/\/evil\.example\/"><\/if…`, expected Markdown/).map((m) => m.line)).toEqual([13])
    expect(said(/^Unexpected raw HTML `<style>body \{ display: none \}<\/style>`/).map((m) => m.line)).toEqual([15])
    for (const scheme of ['javascript', 'data', 'vbscript']) {
      expect(said(new RegExp(`^Unexpected \`${scheme}:\` link in \`p\\.opening-words-with-inline-and\`, expected http, https, mailto or a relative link: the text stays, the link is removed$`))).toHaveLength(1)
    }
    // The translation's catalog line is the message's cause, not part of its text.
    const fromCatalog = said(/^Unexpected `javascript:` link in the translation of `p\.plain-words-to-translate`, expected/)
    expect(fromCatalog.map((m) => m.file)).toEqual(['content/doc.md'])
    expect(fromCatalog.map((m) => m.catalog)).toEqual([expect.stringMatching(/^locales\/kk\/doc\.json:6:\d+$/)])
    const catalog = found.filter((message) => message.rule === 'catalog-html').map((message) => `${message.file} ${message.reason.split(', expected')[0]}`)
    expect(catalog.sort()).toEqual([
      'locales/kk/doc.json Unexpected HTML `<img src=x onerror=alert(13)>` in `p.plain-words-to-translate`',
      'locales/kk/doc.json Unexpected HTML `<img src=x onerror=alert(21) alt="Бас">` in `p.a-picture-lead-script-alert`',
      'locales/kk/doc.json Unexpected HTML `<ruby>` in `p.the-city-almaty-is-read`',
      'locales/kk/doc.json Unexpected HTML `<script>` in `meta.title`',
      'locales/kk/ui.json Unexpected HTML `<!--` in `contents`',
      'locales/kk/ui.json Unexpected HTML `</script>` in `page`',
      'locales/kk/ui.json Unexpected HTML `<img src=x onerror=alert(18)>` in `interviewer`',
      'locales/kk/ui.json Unexpected HTML `<script>` in `languageName`',
      'locales/kk/ui.json Unexpected HTML `<script>` in `skipToContent`'
    ])
    expect(found.find((message) => message.reason.includes('`meta.title`'))?.line).toBe(3)
  })
})

interface Box {
  left: number
  bottom: number
  right: number
  top: number
}

/** The link annotations to `url` on the first page, by pdf.js, in the page's points (y up). */
async function linkBoxes(pdf: Uint8Array, url: string): Promise<Box[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
  const annotations = (await (await document.getPage(1)).getAnnotations()) as Array<{ url?: string; rect: number[] }>
  await document.destroy()
  return annotations.filter((annotation) => annotation.url === url).map(({ rect: [left, bottom, right, top] }) => ({ left: left!, bottom: bottom!, right: right!, top: top! }))
}

/** The first run of these words on the first page, by poppler, each word's middle in points (y up) and its line. */
function linkWords(pdf: string, wanted: string[]): Array<{ x: number; y: number; line: number }> {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-']).toString()
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(xml)![1])
  const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map(([, xMin, yMin, xMax, yMax, word]) => ({ word: word!, x: (Number(xMin) + Number(xMax)) / 2, y: height - (Number(yMin) + Number(yMax)) / 2, line: Math.round(Number(yMax)) }))
  const start = words.findIndex((_, index) => wanted.every((word, offset) => words[index + offset]?.word.replace(/\W+$/, '') === word))
  expect(start).toBeGreaterThan(-1)
  return words.slice(start, start + wanted.length)
}

const inside = (point: { x: number; y: number }, box: Box) => point.x >= box.left && point.x <= box.right && point.y >= box.bottom && point.y <= box.top

describe('JSON-LD', () => {
  it('a value cannot end the script element early', () => {
    const data = { '@type': 'Article', headline: '</script><script>alert(1)</script><!--', author: 'a & b \u2028' }
    const tree = fromHtml(`<!doctype html><html><head>${toHtml(jsonLdScript(data))}</head><body></body></html>`)
    const scripts = findAll(tree, (node) => node.tagName === 'script')
    expect(scripts).toHaveLength(1)
    expect(JSON.parse(htmlText(toHtml(scripts[0]!.children)))).toEqual(data)
  })
})
