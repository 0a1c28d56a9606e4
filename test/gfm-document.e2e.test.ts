/**
 * The GFM test document (test/fixtures/gfm, also run through the validators
 * by `npm run test:conformance`) in English, Kazakh and Arabic:
 *   - inline images (PNG and JPEG) drawn in the line at text size, tagged
 *     Figure with /Alt inside their paragraph, their alt text not printed
 *     (as in HTML, where `<img alt>` is no body text);
 *   - a task item's state in the text layer (☑/☐) in pdf.js, poppler and MuPDF;
 *   - header cells with /Scope /Column;
 *   - table captions (Pandoc's `Table:` paragraph) as `<caption>` in HTML and
 *     EPUB and a Caption inside Table in the PDF, translated as a `caption.*` segment.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Element } from 'hast'
import { toText } from 'hast-util-to-text'
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../pipeline/build.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { makePng } from './helpers/png.ts'
import { gfmProject, makeProject, tempDir } from './helpers/project.ts'
import { findAll, htmlTree, normalize, pdfText, readEpub } from './helpers/read-back.ts'


let root: string
let result: BuildResult
const out = (relative: string) => path.join(root, 'output', relative)
const pdfOf = (locale: string) => readFileSync(out(`${locale}/harbour.pdf`))
const poppler = (locale: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', out(`${locale}/harbour.pdf`), '-']).toString()
const mupdf = (locale: string) => execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', out(`${locale}/harbour.pdf`)]).toString()

interface StructNode { role?: string; alt?: string; type?: string; children?: StructNode[] }

async function structTree(data: Buffer): Promise<StructNode> {
  const document = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise
  const tree = (await (await document.getPage(1)).getStructTree()) as StructNode
  await document.destroy()
  return tree
}

function nodes(tree: StructNode, role: string): StructNode[] {
  const found: StructNode[] = []
  const walk = (node: StructNode) => {
    if (node.role === role) found.push(node)
    for (const child of node.children ?? []) walk(child)
  }
  walk(tree)
  return found
}

/** The images pdf.js paints on page 1, each with its height in points. */
async function paintedImages(data: Buffer): Promise<number[]> {
  const document = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise
  const ops = await (await document.getPage(1)).getOperatorList()
  const heights: number[] = []
  let matrix: number[] = [1, 0, 0, 1, 0, 0]
  ops.fnArray.forEach((op: number, index: number) => {
    if (op === OPS.transform) matrix = ops.argsArray[index] as number[]
    if (op === OPS.paintImageXObject) heights.push(Math.abs(matrix[3]!))
  })
  await document.destroy()
  return heights
}

beforeAll(async () => {
  root = gfmProject(tempDir('press-gfm-'))
  await extract(root)
  result = await build({ root, locales: ['en', 'kk', 'ar'] })
}, 120_000)

describe('the GFM test document', () => {
  it('builds every edition with every segment translated and no warning', () => {
    expect(result.failures).toEqual([])
    expect(result.missing).toBe(0)
    expect(result.files.flatMap((file) => file.messages.map((message) => `${message.ruleId}: ${message.reason}`))).toEqual([])
  })
})

describe('inline images in the PDF', () => {
  it.each(['en', 'ar'])('%s: draws both inline images (PNG and JPEG) at text size', async (locale) => {
    const heights = await paintedImages(pdfOf(locale))
    expect(heights).toHaveLength(2)
    // Text size: the body is 11 pt (Arabic 13 pt); an image as tall as a line of text, not scaled to the measure.
    for (const height of heights) {
      expect(height).toBeGreaterThan(8)
      expect(height).toBeLessThan(15)
    }
  })

  it.each([
    ['en', ['Sky-blue flag with a golden sun', 'Anchor badge of the pilots']],
    ['ar', ['علم أزرق سماوي تتوسطه شمس ذهبية', 'شارة المرشدين على هيئة مرساة']]
  ])('%s: tags each as a Figure with its alt text inside the paragraph, and prints no alt text', async (locale, alts) => {
    const tree = await structTree(pdfOf(locale))
    const holder = nodes(tree, 'P').find((p) => nodes(p, 'Figure').length > 0)
    expect(nodes(holder!, 'Figure').map((figure) => figure.alt)).toEqual(alts)
    // The paragraph's text goes on around them: content before, between and after.
    expect(holder!.children!.map((child) => child.role ?? child.type)).toEqual(['content', 'Figure', 'content', 'Figure', 'content'])
    for (const alt of alts) expect(normalize(poppler(locale))).not.toContain(alt)
  })

  it('keeps the words around them in every reader', async () => {
    const words = "The port's flag flies over the quay, beside the pilots' badge ."
    expect(normalize(poppler('en'))).toContain(words)
    expect(normalize((await pdfText(pdfOf('en'))).text).replace(/ +/g, ' ')).toContain(words)
  })
})

describe('task boxes in the text layer', () => {
  it.each([
    ['en', ['☑ The manifest is signed', '☐ The seals are checked', '☐ The weather report is read']],
    ['kk', ['☑ Манифестке қол қойылды', '☐ Пломбалар тексерілді', '☐ Ауа райы болжамы оқылды']]
  ])('%s: pdf.js, poppler and MuPDF give each box as ☑ or ☐ before its words', async (locale, items) => {
    const readers = { pdfjs: (await pdfText(pdfOf(locale))).text, poppler: poppler(locale), mupdf: mupdf(locale) }
    for (const [reader, text] of Object.entries(readers)) {
      for (const item of items) expect(normalize(text), reader).toContain(item)
    }
  })

  it('ar: pdf.js, poppler and MuPDF find one ☑ and two ☐', async () => {
    for (const text of [(await pdfText(pdfOf('ar'))).text, poppler('ar'), mupdf('ar')]) {
      expect([...text].filter((char) => char === '☑')).toHaveLength(1)
      expect([...text].filter((char) => char === '☐')).toHaveLength(2)
    }
  })
})

describe('table header cells and captions', () => {
  it('gives every TH the attribute /O /Table /Scope /Column', async () => {
    const raw = pdfOf('en').toString('latin1')
    const headers = raw.match(/\/S \/TH\b/g) ?? []
    expect(headers).toHaveLength(3)
    expect(raw.match(/\/O \/Table\s+\/Scope \/Column/g) ?? []).toHaveLength(3)
  })

  it.each([
    ['en', 'Cargo by port in the first half of the year'],
    ['kk', 'Жылдың бірінші жартысындағы жүк, порттар бойынша'],
    ['ar', 'البضائع حسب الميناء في النصف الأول من العام']
  ])('%s: HTML and EPUB give the table its <caption>, translated, without the marker', async (locale, caption) => {
    const tree = htmlTree(readFileSync(out(`${locale}/harbour.html`), 'utf8'))
    const table = findAll(tree, (node) => node.tagName === 'table')[0]!
    const first = table.children.find((child): child is Element => child.type === 'element')!
    expect(first.tagName).toBe('caption')
    expect(toText(first)).toBe(caption)
    expect(toText(tree)).not.toContain('Table:')
    const epub = await readEpub(readFileSync(out(`${locale}/harbour.epub`)))
    const chapters = await Promise.all(Object.keys(epub.zip.files).filter((name) => name.endsWith('.xhtml')).map((name) => epub.zip.file(name)!.async('string')))
    const captions = chapters.flatMap((chapter) => findAll(htmlTree(chapter), (node) => node.tagName === 'caption'))
    expect(captions.map((node) => toText(node))).toEqual([caption])
  })

  it.each(['en', 'ar'])('%s: the PDF sets the caption above the table, tagged Caption first inside Table', async (locale) => {
    const table = nodes(await structTree(pdfOf(locale)), 'Table')[0]!
    expect(table.children!.map((child) => child.role)).toEqual(['Caption', 'THead', 'TBody'])
    const text = normalize(poppler(locale))
    const [caption, row] = locale === 'en' ? ['Cargo by port in the first half of the year', 'Kuryk'] : ['البضائع حسب', 'كوريك']
    expect(text.indexOf(caption)).toBeGreaterThan(-1)
    expect(text.indexOf(caption)).toBeLessThan(text.indexOf(row!))
  })

  it('is a caption segment with a readable key', () => {
    const catalog = JSON.parse(readFileSync(path.join(root, 'locales/en/harbour.json'), 'utf8'))
    expect(catalog.caption).toEqual({ 'cargo-by-port-in-the': 'Cargo by port in the first half of the year' })
    expect(JSON.stringify(catalog.p)).not.toContain('Table:')
  })
})

describe('captions after a table, and a missing inline image', () => {
  let small: string
  let smallResult: BuildResult

  beforeAll(async () => {
    small = makeProject({
      'content/notes.md': `---\ntitle: Notes\n---\n\n| Port | Tonnes |\n| --- | --: |\n| Aktau | 1200 |\n\nTable: *Tonnes* by port\n\nA flag ![red flag](images/red.png) and a lost ![lost badge](images/lost.png) one.\n\n![A red block](images/red.png)\n`,
      'content/images/red.png': makePng(30, 20, [200, 30, 30])
    })
    smallResult = await build({ root: small, locales: ['en'], formats: ['html', 'pdf'] })
  })

  it('reads a `Table:` paragraph right after the table as its caption, with its inline markup', () => {
    const tree = htmlTree(readFileSync(path.join(small, 'output/en/notes.html'), 'utf8'))
    const caption = findAll(tree, (node) => node.tagName === 'caption')[0]!
    expect(toText(caption)).toBe('Tonnes by port')
    expect(findAll(caption, (node) => node.tagName === 'em')).toHaveLength(1)
  })

  it('warns at the missing image’s place and still draws the others', async () => {
    const messages = smallResult.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'image-path')
    expect(messages.map((message) => `${message.line}:${message.column}`)).toEqual(['11:47'])
    // The inline one at text size, the one alone in its paragraph scaled to the measure (its own 20 pt here).
    expect(await paintedImages(readFileSync(path.join(small, 'output/en/notes.pdf')))).toEqual([expect.closeTo(11, 0), 20])
  })

  it('marks the image inside a line of text `inline` in HTML (its stylesheet sets it at text size), not the one alone', () => {
    const tree = htmlTree(readFileSync(path.join(small, 'output/en/notes.html'), 'utf8'))
    const images = findAll(tree, (node) => node.tagName === 'img' && node.properties.alt !== '' && !String(node.properties.src).includes('cover'))
    expect(images.map((img) => [img.properties.alt, img.properties.className ?? []])).toEqual([['red flag', ['inline']], ['A red block', []]])
  })
})
