/**
 * Another edition's script quoted in a page: Chinese and Arabic in an
 * English document, Arabic and Kazakh Cyrillic (Қ, which the Chinese face lacks) in its Chinese edition, Chinese in
 * its Arabic one. The PDF draws them in its fallback list's faces (the
 * Chinese face for 漢字 in English); the web page and the e-book carry the
 * same faces, cut to those characters: Chromium draws every paragraph in the
 * page's own faces and none of the system's (the test's fontconfig adds the
 * npm Noto faces to the system's, so a page that does not carry them is
 * drawn in them as system fonts: browser.ts), the e-book's family lists name
 * the faces in the PDF's order, and EPUBCheck accepts it. A page with no
 * such character carries none of them.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { closeBrowser } from './conformance/browser.ts'
import { epubcheck } from './conformance/validators/epubcheck.ts'
import { platformFonts } from './helpers/platform-fonts.ts'
import { copyUiTerms, makeProject } from './helpers/project.ts'

const MARKDOWN = `---
title: "Quoted"
lang: en
---

Quoted in the first paragraph: the characters 漢字, the name 王小明, and Arabic مرحبا بالعالم.

**Quoted in bold text too: 漢字 and مرحبا.**

*Quoted in italic text too: 漢字 and مرحبا.*
`

const ZH = { p: { 'quoted-in-the-first-paragraph': '第一段引用阿拉伯语 مرحبا بالعالم 和哈萨克语 Қазақстан。' } }
const AR = { p: { 'quoted-in-the-first-paragraph': 'في الفقرة الأولى: الحرفان 漢字 والاسم 王小明.' } }

/** Each page's quoting paragraphs, by their first characters, and the faces Chromium must draw them in (PostScript names). */
const PAGES: Record<string, { paragraphs: string[]; faces: string[] }> = {
  en: { paragraphs: ['Quoted in th', 'Quoted in bo', 'Quoted in it'], faces: ['NotoSerifSC-Regular', 'NotoSerifSC-Bold', 'NotoNaskhArabic-Regular', 'NotoNaskhArabic-Bold'] },
  zh: { paragraphs: ['第一段引用阿拉伯语'], faces: ['NotoSerifSC-Regular', 'NotoNaskhArabic-Regular', 'NotoSerif-Regular'] },
  ar: { paragraphs: ['في الفقرة الأ'], faces: ['NotoNaskhArabic-Regular', 'NotoSerifSC-Regular'] }
}

let root: string

beforeAll(async () => {
  root = makeProject({
    'content/quote.md': MARKDOWN,
    'content/plain.md': '---\ntitle: "Plain"\nlang: en\n---\n\nOnly English here.\n',
    'locales/zh/quote.json': JSON.stringify(ZH),
    'locales/ar/quote.json': JSON.stringify(AR)
  })
  copyUiTerms(root, ['zh', 'ar'])
  const result = await build({ root, locales: ['en', 'zh', 'ar'], formats: ['html', 'epub'] })
  expect(result.failures).toEqual([])
}, 120_000)

afterAll(closeBrowser)


const html = (file: string) => readFileSync(path.join(root, 'output', file), 'utf8')

describe('another script quoted on the web page', () => {
  for (const [locale, { paragraphs, faces }] of Object.entries(PAGES)) {
    it(`${locale}: every quoting paragraph is drawn in the page's own faces, none of the system's`, async () => {
      const drawn = await platformFonts(path.join(root, 'output', locale, 'quote.html'), 'p')
      const quoted = paragraphs.map((start) => drawn.find(({ text }) => text.startsWith(start)))
      expect(quoted.every((paragraph) => paragraph !== undefined)).toBe(true)
      for (const paragraph of quoted) expect({ paragraph: paragraph!.text, system: paragraph!.fonts.filter((font) => !font.isCustomFont).map((font) => font.postScriptName) }).toEqual({ paragraph: paragraph!.text, system: [] })
      const names = new Set(quoted.flatMap((paragraph) => paragraph!.fonts.map((font) => font.postScriptName)))
      for (const face of faces) expect(names).toContain(face)
    })
  }

  it('a page with no such character carries none of the other scripts\' faces', () => {
    expect(html('en/quote.html')).toMatch(/font-family: "Noto Serif";\n[^}]*src: url\("\.\.\/fonts\/NotoSerifSC-400-[0-9a-f]{12}\.woff2"\)/)
    // Its languages list names 中文 and العربية in their own faces, under their own families.
    expect(html('en/plain.html')).not.toMatch(/font-family: "Noto Serif";\n[^}]*(NotoSerifSC|NotoNaskhArabic)/)
  })
})

describe('another script quoted in the e-book', () => {
  /** The font files and the stylesheet of a book. */
  async function book(file: string): Promise<{ fonts: string[]; css: string }> {
    const zip = await JSZip.loadAsync(readFileSync(path.join(root, 'output', file)))
    const names = Object.keys(zip.files)
    return { fonts: names.filter((name) => name.includes('/fonts/')), css: await zip.file(names.find((name) => name.endsWith('.css'))!)!.async('string') }
  }

  it('carries the faces, named in every family list in the PDF\'s order, and EPUBCheck reports nothing', async () => {
    const en = await book('en/quote.epub')
    for (const family of ['NotoSerifSC-400', 'NotoSerifSC-700', 'NotoNaskhArabic-400', 'NotoNaskhArabic-700']) expect(en.fonts.some((name) => name.includes(`fonts/${family}-`))).toBe(true)
    expect(en.css).toContain('font-family: "Noto Serif", "Noto Naskh Arabic", "Noto Serif SC", serif;')
    expect(en.css).toContain(':lang(ar) { font-family: "Noto Naskh Arabic", "Noto Serif", "Noto Serif SC", serif; }')
    expect(en.css).toContain(':lang(zh) { font-family: "Noto Serif SC", "Noto Serif", "Noto Naskh Arabic", serif; }')
    const zh = await book('zh/quote.epub')
    expect(zh.fonts.some((name) => name.includes('fonts/NotoNaskhArabic-400-'))).toBe(true)
    expect(zh.css).toContain(':lang(zh) { font-family: "Noto Serif SC", "Noto Serif", "Noto Naskh Arabic", serif; }')
    const ar = await book('ar/quote.epub')
    expect(ar.fonts.some((name) => name.includes('fonts/NotoSerifSC-400-'))).toBe(true)
    expect(ar.css).toContain(':lang(ar) { font-family: "Noto Naskh Arabic", "Noto Serif", "Noto Serif SC", serif; }')
    const plain = await book('en/plain.epub')
    expect(plain.fonts.filter((name) => /SerifSC|Naskh/.test(name))).toEqual([])
    expect(plain.css).toContain('font-family: "Noto Serif", serif;')
    epubcheck.check()
    for (const file of ['en/quote.epub', 'zh/quote.epub', 'ar/quote.epub']) expect({ file, problems: await epubcheck.validate(path.join(root, 'output', file)) }).toEqual({ file, problems: [] })
  }, 120_000)
})
