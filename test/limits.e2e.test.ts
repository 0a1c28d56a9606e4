/**
 * Inputs at the edges: a 1 MB paragraph, 5,000 segments, an empty document,
 * one with nothing to translate, and characters outside every font or not
 * allowed in XML. Each builds (with messages naming the key where something
 * had to change) or fails with a clear message; none hangs or crashes.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it, onTestFinished } from 'vitest'
import { build } from '../pipeline/build.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { placeOfCause, projectPath } from '../pipeline/report.ts'
import { makeProject, REPO } from './helpers/project.ts'
import { normalize, pdfText } from './helpers/read-back.ts'
import { epubProblems, outputProblems } from './helpers/validate.ts'

const KK_UI = readFileSync(path.join(REPO, 'locales/kk/ui.json'), 'utf8')
const WORDS = 'the quick brown fox jumps over a lazy dog while reporters file copy'.split(' ')

function words(count: number, seed = 0): string {
  return Array.from({ length: count }, (_, index) => WORDS[(index * 7 + seed) % WORDS.length]).join(' ')
}

/** The text of the last page (reading all of a 300-page PDF back would dominate the test's time). */
async function lastPageText(data: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise
  expect(pdf.numPages).toBeGreaterThan(50)
  const content = await (await pdf.getPage(pdf.numPages)).getTextContent()
  await pdf.destroy()
  return content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join('')
}

describe('limits', () => {
  it('a 1 MB paragraph builds in every format', async () => {
    let paragraph = ''
    for (let sentence = 0; paragraph.length < 1_000_000; sentence++) paragraph += `${words(16, sentence)} number ${sentence}. `
    paragraph = paragraph.trim()
    const root = makeProject({ 'content/long.md': `---\ntitle: One long paragraph\n---\n\n${paragraph}\n` })
    onTestFinished(() => rmSync(root, { recursive: true, force: true }))
    const result = await build({ root })
    expect(result.failures).toEqual([])
    const read = (file: string) => readFileSync(path.join(root, 'output/en', file))
    expect(read('long.html').toString()).toContain(`<p>${paragraph}</p>`)
    expect(await epubProblems(read('long.epub'), 'long.epub')).toEqual([])
    expect(normalize(await lastPageText(read('long.pdf')))).toContain(paragraph.slice(-60))
  })

  it('5,000 segments, half of them translated, build in every format', async () => {
    const paragraphs = Array.from({ length: 5000 }, (_, index) => `Paragraph ${index}: ${words(8, index)}.`)
    const root = makeProject({ 'content/many.md': `---\ntitle: Many paragraphs\n---\n\n${paragraphs.join('\n\n')}\n`, 'locales/kk/ui.json': KK_UI })
    onTestFinished(() => rmSync(root, { recursive: true, force: true }))
    await extract(root)
    const source = JSON.parse(readFileSync(path.join(root, 'locales/en/many.json'), 'utf8')) as { p: Record<string, string> }
    const keys = Object.keys(source.p)
    expect(keys).toHaveLength(5000)
    const kk = Object.fromEntries(keys.filter((_, index) => index % 2 === 0).map((key) => [key, `Абзац ${key}`]))
    writeFileSync(path.join(root, 'locales/kk/many.json'), JSON.stringify({ meta: { title: 'Көп абзац' }, p: kk }))
    const result = await build({ root, locales: ['kk'] })
    expect(result.failures).toEqual([])
    expect(result.missing).toBe(2500)
    const html = readFileSync(path.join(root, 'output/kk/many.html'), 'utf8')
    // The key's Latin words stand in a Kazakh text, so they carry their language (latin-runs).
    expect(html.replace(/<span lang="en">([^<]*)<\/span>/g, '$1')).toContain(`<p>Абзац ${keys[4998]}</p>`)
    expect(html).toContain('<p>Абзац <span lang="en">paragraph</span>-')
    // An untranslated paragraph carries its language (lang="en" dir="ltr").
    expect(html).toContain(`<p lang="en" dir="ltr">${paragraphs[4999]}</p>`)
    expect(await epubProblems(readFileSync(path.join(root, 'output/kk/many.epub')), 'many.epub')).toEqual([])
    expect(normalize(await lastPageText(readFileSync(path.join(root, 'output/kk/many.pdf'))))).toContain(paragraphs[4999])
  })
})

describe('empty and unusual documents', () => {
  const chars = {
    emoji: 'Сәлем 😀 әлем',
    privateUse: 'Белгі \ue000 мұнда',
    loneSurrogate: 'Жарты \ud800 таңба',
    control: 'Қоңырау\u0007 және\u001b escape',
    bidi: 'Бағыт \u202eкері\u202c және \u2067שלום\u2069 \u200f',
    combining: 'Қазақ e\u0301 а\u0306',
    otherScripts: 'Араб مرحبا және 中文'
  }

  it('build with warnings naming the key, and every file is valid', async () => {
    const root = makeProject({
      'content/empty.md': '',
      'content/blank.md': '---\nlang: en\n---\n\n---\n\n```\ncode only\n```\n',
      'content/chars.md': [
        '---', 'title: "Bell\\x07 title"', '---', '',
        ...Object.keys(chars).map((name) => `Paragraph ${name}.\n`),
        'Raw control \u0001 character and a form feed &#12; reference.', '',
        // Noto Serif Italic has NULL mark anchors here (fontkit 2.0.4 could not lay them out), and HarfBuzz composes each pair into one glyph.
        'Greek in italics: *Α\u0301 Ε\u0313 ι\u0308*.', ''
      ].join('\n'),
      // A term the PDF writer sets itself (the folio): its message names the term's key and place, which come with the term.
      // Georgian: a script no PDF face has (an emoji has Noto Emoji now).
      'locales/kk/ui.json': KK_UI.replace('"page": "', '"page": "ა ')
    })
    await extract(root)
    const source = JSON.parse(readFileSync(path.join(root, 'locales/en/chars.json'), 'utf8')) as { p: Record<string, string> }
    const keyOf = (name: string) => Object.keys(source.p).find((key) => source.p[key] === `Paragraph ${name}.`)!
    writeFileSync(path.join(root, 'locales/kk/chars.json'), JSON.stringify({
      meta: { title: 'Таңбалар ა' },
      p: Object.fromEntries(Object.entries(chars).map(([name, value]) => [keyOf(name), value]))
    }, null, 2))

    const result = await build({ root })
    expect(result.failures).toEqual([])
    const report = await outputProblems(path.join(root, 'output'))
    expect(report.problems).toEqual([])
    expect(report.files).toEqual(expect.arrayContaining(['en/empty.epub', 'kk/empty.pdf', 'en/blank.html', 'kk/blank.epub', 'kk/chars.pdf']))

    const said = [...new Set(result.files.flatMap((file) => file.messages.map((message) => `${projectPath(file.path, root)}:${message.line ?? ''} ${message.ruleId} ${message.reason.split(', expected')[0]}${message.cause ? ` (${placeOfCause(message)})` : ''}`)))]
    expect(said).toEqual(expect.arrayContaining([
      'content/chars.md:2 invalid-character Unexpected control character U+0007 in front matter `title`',
      'content/chars.md:19 invalid-character Unexpected control character U+0001',
      'content/chars.md:19 invalid-character Unexpected control character U+000C',
      'locales/kk/chars.json:8 invalid-character Unexpected lone surrogate U+D800 in `p.paragraph-lonesurrogate`',
      'locales/kk/chars.json:9 invalid-character Unexpected control character U+0007, control character U+001B in `p.paragraph-control`',
      'content/chars.md: missing-glyph Unexpected character “ა” (U+10D0) in `meta.title` for locale kk: no PDF font has a glyph for it (locales/kk/chars.json:3:14)',
      'content/chars.md: missing-glyph Unexpected character “ა” (U+10D0) in `ui:page` for locale kk: no PDF font has a glyph for it (locales/kk/ui.json:5:11)',
      'content/chars.md:7 missing-glyph Unexpected character “\ue000” (U+E000) in `p.paragraph-privateuse` for locale kk: no PDF font has a glyph for it (locales/kk/chars.json:7:29)'
    ]))
    // The emoji and the Hebrew are drawn by the fallback faces (Noto Emoji, Noto Sans Hebrew): not missing.
    expect(said.filter((line) => /missing-glyph.*(paragraph-emoji|paragraph-bidi)/.test(line))).toEqual([])
    // Arabic and Chinese inside a Kazakh edition are set in their own fonts (fallback), so they are not missing.
    expect(said.filter((line) => line.includes('paragraph-otherscripts'))).toEqual([])

    // HTML and EPUB keep every character a reader's system can show, including direction controls.
    const kkHtml = readFileSync(path.join(root, 'output/kk/chars.html'), 'utf8')
    for (const kept of ['Сәлем 😀 әлем', '\u202eкері\u202c', 'שלום', 'Жарты \ufffd таңба', 'Қоңырау және <span lang="en">escape</span>', 'Араб مرحبا және 中文']) expect(kkHtml).toContain(kept)
    const pdf = (await pdfText(readFileSync(path.join(root, 'output/kk/chars.pdf')))).text
    expect(pdf).not.toContain('\u0000')
    for (const kept of ['Сәлем 😀 әлем', 'שלום', 'Белгі \ufffd мұнда', 'Қоңырау және escape', 'Таңбалар', 'مرحبا', '中文']) expect(pdf).toContain(kept)
    expect((await pdfText(readFileSync(path.join(root, 'output/en/chars.pdf')))).text.normalize('NFC')).toContain('Greek in italics: Ά Ἐ ϊ.')
  })
})
