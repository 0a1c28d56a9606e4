/**
 * Fonts travel with the editions: each EPUB carries the faces it uses, cut
 * to its characters and declared in its manifest, with CSS family names that
 * match the faces; each HTML page links WOFF2 subsets under fonts/ with their
 * OFL licences, within the README's size budget.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import * as fontkit from 'fontkit'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { createProject, listLocales } from '../pipeline/project.ts'
import { smallProject, tempDir } from './helpers/project.ts'

/** The small interview (test/fixtures/small-interview), built by every test here. */
const PROJECT = smallProject()

let out: string
let locales: string[]

beforeAll(async () => {
  out = tempDir('press-fonts-')
  locales = await listLocales(createProject(PROJECT))
  const result = await build({ root: PROJECT, out, formats: ['html', 'epub'] })
  expect(result.failures).toEqual([])
})

/** Characters a reader sees in an XHTML or HTML document: its text, tags and the head left out. */
function shownCharacters(markup: string): Set<string> {
  const body = markup.slice(markup.indexOf('<body'))
  const text = body.replace(/<[^>]*>/g, ' ').replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
  return new Set([...text].filter((char) => !/\s/u.test(char)))
}

/** A unicode-range value (`U+20, U+41-5A`) as a test of a code point. */
function inRange(range: string): (code: number) => boolean {
  const spans = range.split(',').map((part) => part.trim().slice(2).split('-').map((hex) => parseInt(hex, 16)))
  return (code) => spans.some(([from, to = from]) => code >= from! && code <= to!)
}

function fontFaces(css: string): Array<{ family: string; weight: string; style: string; url: string; range: string }> {
  return [...css.matchAll(/@font-face \{([^}]*)\}/g)].map(([, body]) => ({
    family: /font-family: "([^"]+)"/.exec(body!)![1]!,
    weight: /font-weight: (\d+)/.exec(body!)![1]!,
    style: /font-style: (\w+)/.exec(body!)![1]!,
    url: /url\("([^"]+)"\)/.exec(body!)![1]!,
    range: /unicode-range: ([^;]+);/.exec(body!)?.[1] ?? ''
  }))
}

describe('EPUB fonts', () => {
  it('are declared in the manifest, named as in the CSS, and cut to the characters the book shows', async () => {
    const table: string[] = []
    for (const locale of locales) {
      const zip = await JSZip.loadAsync(readFileSync(path.join(out, locale, 'interview.epub')))
      const opf = await zip.file('OEBPS/content.opf')!.async('string')
      const declared = [...opf.matchAll(/href="(fonts\/[^"]+)" media-type="font\/ttf"/g)].map((match) => match[1]!)
      const css = await zip.file('OEBPS/style.css')!.async('string')
      const faces = fontFaces(css)
      expect(declared.length, locale).toBeGreaterThan(0)
      expect(faces.map((face) => face.url).sort(), locale).toEqual([...declared].sort())
      const shown = new Set<string>()
      for (const name of ['interview.xhtml', 'toc.xhtml']) for (const char of shownCharacters(await zip.file(`OEBPS/${name}`)!.async('string'))) shown.add(char)
      const embedded: fontkit.Font[] = []
      for (const face of faces) {
        const data = await zip.file(`OEBPS/${face.url}`)!.async('nodebuffer')
        const font = fontkit.create(data) as fontkit.Font
        embedded.push(font)
        expect(font.familyName, face.url).toBe(face.family)
        expect(font.numGlyphs, face.url).toBeLessThan(1000)
        table.push(`${locale}  ${face.family} ${face.weight} ${face.style}: ${font.numGlyphs} glyphs, ${font.characterSet.length} characters; the book shows ${shown.size}`)
      }
      expect(Object.keys(zip.files).filter((name) => /^META-INF\/OFL-.*\.txt$/.test(name)).length, locale).toBeGreaterThan(0)
      // Every character the book shows is in one of its faces (the Arabic and Chinese ones, and Noto Serif for Latin).
      const lacking = [...shown].filter((char) => !embedded.some((font) => font.hasGlyphForCodePoint(char.codePointAt(0)!)))
      expect(lacking, locale).toEqual([])
    }
    console.log(table.join('\n'))
  })
})

describe('HTML fonts', () => {
  it('are WOFF2 files under fonts/ with their licences, within the size budget', () => {
    for (const locale of locales) {
      const html = readFileSync(path.join(out, locale, 'interview.html'), 'utf8')
      const faces = fontFaces(html)
      expect(faces.length, locale).toBeGreaterThan(0)
      let bytes = 0
      for (const face of faces) {
        expect(face.url, locale).toMatch(/^\.\.\/fonts\/[\w-]+\.woff2$/)
        const data = readFileSync(path.join(out, locale, face.url))
        expect(data.subarray(0, 4).toString('latin1')).toBe('wOF2')
        expect(face.range).toMatch(/^U\+[0-9A-F]+/)
        bytes += data.byteLength
      }
      // A browser sets each character, the space between words too, in the first face whose range holds it: none may fall to a system font.
      const ranges = faces.map((face) => inRange(face.range))
      const spaced = /\S \S/.test(html.slice(html.indexOf('<body')).replace(/<[^>]*>/g, '\n'))
      const shown = new Set([...shownCharacters(html), ...(spaced ? [' '] : [])])
      expect(spaced || locale.startsWith('zh'), locale).toBe(true)
      expect([...shown].filter((char) => !ranges.some((holds) => holds(char.codePointAt(0)!))), locale).toEqual([])
      // The README's budget: every page's fonts under 300 KB (Chinese, the largest, about 150 KB).
      expect(bytes, locale).toBeLessThan(300 * 1024)
      if (!locale.startsWith('zh')) expect(bytes, locale).toBeLessThan(120 * 1024)
    }
    for (const family of ['NotoSerif', 'NotoNaskhArabic', 'NotoSerifSC']) {
      expect(readFileSync(path.join(out, 'fonts', `OFL-${family}.txt`), 'utf8')).toMatch(/SIL Open Font License/)
    }
  })
})
