/**
 * A change of language is marked (WCAG 3.1.2): a missing translation shows
 * the source text, which says it is English in every format, with its own
 * direction, so screen readers switch voice and an English full stop sits at
 * the end of its sentence (the right) even in an Arabic edition.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Element } from 'hast'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { smallProject, tempDir } from './helpers/project.ts'
import { findAll, htmlTree, readEpub } from './helpers/read-back.ts'

const KEY = 'my-pleasure-thank-you-for'
const ENGLISH = 'My pleasure. Thank you for having me.'
let out: string
const read = (relative: string) => readFileSync(path.join(out, relative))

beforeAll(async () => {
  const root = smallProject()
  const file = path.join(root, 'locales/ar/interview.json')
  const catalog = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>
  catalog.p![KEY] = ''
  writeFileSync(file, JSON.stringify(catalog, null, 2))
  // A new language, nothing translated yet: all of it is English.
  mkdirSync(path.join(root, 'locales/de'))
  writeFileSync(path.join(root, 'locales/de/interview.json'), '{}')
  writeFileSync(path.join(root, 'locales/de/ui.json'), '{}')
  out = tempDir('press-lang-')
  const result = await build({ root, out, locales: ['ar', 'de'] })
  expect(result.failures).toEqual([])
}, 120_000)

const paragraphWith = (html: string, text: string): Element =>
  findAll(htmlTree(html), (node) => node.tagName === 'p' && node.children.some((child) => child.type === 'text' && child.value.includes(text)))[0]!

/** Structure elements with a /Lang, with the text of their marked content, as pdf.js reads them. */
async function pdfLanguages(data: Uint8Array): Promise<Array<{ role: string; lang: string; text: string; left: number; right: number; period: number; column: [number, number] }>> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise
  const found: Array<{ role: string; lang: string; text: string; left: number; right: number; period: number; column: [number, number] }> = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    const content = await page.getTextContent({ includeMarkedContent: true })
    const items = new Map<string, Array<{ str: string; x: number; right: number }>>()
    let current: string | undefined
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps') current = (item as { id?: string }).id ?? undefined
        else if (item.type === 'endMarkedContent') current = undefined
        continue
      }
      if (current) items.set(current, [...(items.get(current) ?? []), { str: item.str, x: item.transform[4] as number, right: (item.transform[4] as number) + item.width }])
    }
    // The text column: where the page's tagged text starts and ends.
    const all = [...items.values()].flat()
    const column: [number, number] = [Math.min(...all.map((part) => part.x)), Math.max(...all.map((part) => part.right))]
    type Node = { role?: string; lang?: string; id?: string; type?: string; children?: Node[] }
    const walk = (node: Node) => {
      if (node.role && node.lang) {
        const parts = (node.children ?? []).flatMap((child) => (child.type === 'content' && child.id ? items.get(child.id) ?? [] : []))
        const period = parts.filter((part) => part.str.trim().endsWith('.'))
        found.push({
          role: node.role, lang: node.lang, text: parts.map((part) => part.str).join(''),
          left: Math.min(...parts.map((part) => part.x)), right: Math.max(...parts.map((part) => part.right)),
          period: Math.max(...period.map((part) => part.right)),
          column
        })
      }
      for (const child of node.children ?? []) walk(child)
    }
    walk((await page.getStructTree()) as Node)
  }
  await pdf.destroy()
  return found
}

describe('text in another language than the edition’s', () => {
  it('HTML: the English fallback paragraph says lang="en" dir="ltr"; translated ones inherit the page’s', () => {
    for (const locale of ['ar', 'de']) {
      const html = read(`${locale}/interview.html`).toString()
      expect(paragraphWith(html, ENGLISH).properties).toMatchObject({ lang: 'en', dir: 'ltr' })
    }
    const translated = findAll(htmlTree(read('ar/interview.html').toString()), (node) => node.tagName === 'p')
      .filter((node) => node.children.some((child) => child.type === 'text' && /\p{Script=Arabic}/u.test(child.value)))
    expect(translated.length).toBeGreaterThan(10)
    for (const node of translated) expect(node.properties.lang).toBeUndefined()
  })

  it('EPUB: the same paragraph carries lang="en" dir="ltr" in the chapter', async () => {
    const { zip } = await readEpub(read('ar/interview.epub'))
    const chapter = await zip.file('OEBPS/interview.xhtml')!.async('string')
    expect(chapter).toContain(`<p lang="en" dir="ltr">${ENGLISH}</p>`)
  })

  it('PDF: its structure element has /Lang (en), and it is set left to right: the full stop at its right end', async () => {
    const ar = await pdfLanguages(read('ar/interview.pdf'))
    const english = ar.find((element) => element.text.includes('My pleasure'))
    expect(english).toMatchObject({ role: 'P', lang: 'en', text: ENGLISH })
    // A one-line paragraph set from the left, the period last on its right (set right to left, it was flush right with the period at its left).
    expect(english!.left).toBeCloseTo(english!.column[0], 0)
    expect(english!.right).toBeLessThan(english!.column[1] - 50)
    expect(english!.period).toBe(english!.right)
    // Only the fallback is marked: the Arabic paragraphs take the document's /Lang (ar).
    expect(ar.filter((element) => element.lang !== 'ar').map((element) => element.text)).toEqual([ENGLISH])
    const de = await pdfLanguages(read('de/interview.pdf'))
    expect(de.some((element) => element.lang === 'en' && element.text === ENGLISH)).toBe(true)
  })
})
