/**
 * Tables, footnotes and task items translated: the Kazakh and Arabic editions
 * of a document with all three show the translations (every header and body
 * cell, in HTML, EPUB and the text of the PDF by pdf.js, poppler and MuPDF),
 * the Arabic table runs right to left in HTML and EPUB (dir) and in the PDF
 * (its first column at the right, the table at the right margin, a task's
 * ☑ or ☐ of the text layer at the item's right), and the PDF tags them. (EPUBCheck accepted both e-books, 0 messages, run
 * by hand; left out here: two Java runs take a minute or more on this machine.)
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Element, Root } from 'hast'
import { toText } from 'hast-util-to-text'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../pipeline/build.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { copyUiTerms, makeProject } from './helpers/project.ts'
import { findAll, htmlTree, normalize, pdfText, readEpub } from './helpers/read-back.ts'

const MARKDOWN = `---
title: Caspian ports
---

Cargo grew in every port[^tonnes].

| Port | Cargo | Change |
| :--- | ----: | :----: |
| Aktau | 1200 | up |
| Kuryk | 980 | down |

- [x] Manifest signed
- [ ] Seals checked

[^tonnes]: Figures in thousands of tonnes.
`

const CATALOGS = {
  kk: {
    meta: { title: 'Каспий порттары' },
    p: { 'cargo-grew-in-every-port': 'Жүк әр портта өсті[^tonnes].' },
    cell: { 980: '980', 1200: '1200', port: 'Порт', cargo: 'Жүк', change: 'Өзгеріс', aktau: 'Ақтау', up: 'өсті', kuryk: 'Құрық', down: 'кеміді' },
    task: { 'manifest-signed': 'Манифестке қол қойылды', 'seals-checked': 'Пломбалар тексерілді' },
    note: { 'figures-in-thousands-of-tonnes': 'Сандар мың тоннамен берілген.' }
  },
  ar: {
    meta: { title: 'موانئ بحر قزوين' },
    p: { 'cargo-grew-in-every-port': 'نمت البضائع في كل ميناء[^tonnes].' },
    cell: { 980: '٩٨٠', 1200: '١٢٠٠', port: 'الميناء', cargo: 'البضائع', change: 'التغير', aktau: 'أكتاو', up: 'ارتفاع', kuryk: 'كوريك', down: 'انخفاض' },
    task: { 'manifest-signed': 'تم توقيع البيان', 'seals-checked': 'تم فحص الأختام' },
    note: { 'figures-in-thousands-of-tonnes': 'الأرقام بآلاف الأطنان.' }
  }
}

/** Each locale's body cells, row by row, and the direction its tables run in. */
const BODY_CELLS = {
  kk: { cells: ['Ақтау', '1200', 'өсті', 'Құрық', '980', 'кеміді'], dir: 'ltr' },
  ar: { cells: ['أكتاو', '١٢٠٠', 'ارتفاع', 'كوريك', '٩٨٠', 'انخفاض'], dir: 'rtl' }
}

/** The `dir` in force at each table: its own, else its nearest ancestor's. */
function tableDirections(tree: Root): Array<string | undefined> {
  const found: Array<string | undefined> = []
  const walk = (node: Root | Element, inherited: string | undefined) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      const dir = typeof child.properties.dir === 'string' ? child.properties.dir : inherited
      if (child.tagName === 'table') found.push(dir)
      walk(child, dir)
    }
  }
  walk(tree, undefined)
  return found
}

/** Text as poppler and MuPDF give it, without the bidi controls (U+200E/F, U+202A–E) they put around right-to-left runs. */
const withoutBidiControls = (text: string) => normalize(text.replace(/[\u200e\u200f\u202a-\u202e]/g, ''))

let root: string
let result: BuildResult
const out = (relative: string) => path.join(root, 'output', relative)

beforeAll(async () => {
  root = makeProject({
    'content/ports.md': MARKDOWN,
    'locales/kk/ports.json': JSON.stringify(CATALOGS.kk, null, 2),
    'locales/ar/ports.json': JSON.stringify(CATALOGS.ar, null, 2)
  })
  copyUiTerms(root, ['kk', 'ar'])
  await extract(root)
  result = await build({ root, locales: ['kk', 'ar'] })
})

describe('tables, footnotes and task items in Kazakh and Arabic', () => {
  it('builds with no fallback to English', () => {
    expect(result.failures).toEqual([])
    expect(result.missing).toBe(0)
  })

  it.each([
    ['kk', ['Порт', 'Жүк', 'Өзгеріс'], 'Сандар мың тоннамен берілген.', ['Манифестке қол қойылды', 'Пломбалар тексерілді']],
    ['ar', ['الميناء', 'البضائع', 'التغير'], 'الأرقام بآلاف الأطنان.', ['تم توقيع البيان', 'تم فحص الأختام']]
  ])('%s: the HTML shows the translated table, note and task items', (locale, headers, note, tasks) => {
    const tree = htmlTree(readFileSync(out(`${locale}/ports.html`), 'utf8'))
    expect(findAll(tree, (node) => node.tagName === 'th').map((th) => toText(th))).toEqual(headers)
    const notes = findAll(tree, (node) => node.tagName === 'section' && node.properties.dataFootnotes !== undefined)
    expect(toText(notes[0]!)).toContain(note)
    expect(findAll(tree, (node) => node.tagName === 'label').map((label) => toText(label).trim())).toEqual(tasks)
  })

  it.each(Object.entries(BODY_CELLS))('%s: HTML and EPUB show every body cell translated, the table in the edition\'s direction', async (locale, { cells, dir }) => {
    const html = htmlTree(readFileSync(out(`${locale}/ports.html`), 'utf8'))
    const { zip } = await readEpub(readFileSync(out(`${locale}/ports.epub`)))
    const xhtml = htmlTree(await zip.file('OEBPS/ports.xhtml')!.async('string'))
    for (const tree of [html, xhtml]) {
      expect(findAll(tree, (node) => node.tagName === 'td').map((td) => toText(td).trim())).toEqual(cells)
      expect(tableDirections(tree)).toEqual([dir])
    }
  })

  it.each(Object.entries(BODY_CELLS))('%s: pdf.js, poppler and MuPDF read every body cell of the PDF', async (locale, { cells }) => {
    const file = out(`${locale}/ports.pdf`)
    const texts = {
      pdfjs: (await pdfText(readFileSync(file))).text,
      poppler: withoutBidiControls(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString()),
      mupdf: withoutBidiControls(execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file]).toString())
    }
    for (const [reader, text] of Object.entries(texts)) {
      for (const cell of cells) expect(text, `${reader}: ${cell}`).toContain(cell)
    }
  })

  it.each([['kk', 'ltr'], ['ar', 'rtl']])('%s: the text layer\'s ☑ and ☐ stand at the item\'s start side, beside its text, where the box is drawn (%s)', async (locale, dir) => {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(out(`${locale}/ports.pdf`))), isEvalSupported: false }).promise
    const items = (await (await pdf.getPage(1)).getTextContent()).items as Array<{ str: string; transform: number[]; width: number }>
    for (const mark of ['☑', '☐']) {
      const box = items.find((item) => item.str === mark)!
      const baseline = box.transform[5]
      const label = items.filter((item) => item.transform[5] === baseline && item !== box && item.str.trim())
      expect(label.length, mark).toBeGreaterThan(0)
      // The box at the item's start side, no more than a gap and a box away from its text.
      const gap = dir === 'rtl'
        ? box.transform[4]! - Math.max(...label.map((item) => item.transform[4]! + item.width))
        : Math.min(...label.map((item) => item.transform[4]!)) - (box.transform[4]! + box.width)
      expect(gap, mark).toBeGreaterThanOrEqual(0)
      expect(gap, mark).toBeLessThan(12)
    }
    await pdf.destroy()
  })

  it('ar: the PDF sets the table right to left (its first column at the right) and tags it', async () => {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(out('ar/ports.pdf'))), isEvalSupported: false }).promise
    const page = await pdf.getPage(1)
    // pdf.js gives Arabic glyph by glyph: letters only one header has (م in الميناء, ض in البضائع, غ in التغير) on the header row.
    const items = (await page.getTextContent()).items as Array<{ str: string; transform: number[] }>
    const row = items.find((item) => item.str === 'غ')!.transform[5]
    const x = (letter: string) => items.find((item) => item.str === letter && item.transform[5] === row)!.transform[4]!
    expect(x('م')).toBeGreaterThan(x('ض'))
    expect(x('ض')).toBeGreaterThan(x('غ'))
    // The body rows too: أكتاو, ١٢٠٠, ارتفاع from right to left (ك, the number and ع are each in one cell of the row).
    const body = items.find((item) => item.str === '١٢٠٠')!.transform[5]
    const inBody = (text: string) => items.find((item) => item.str === text && item.transform[5] === body)!.transform[4]!
    expect(inBody('ك')).toBeGreaterThan(inBody('١٢٠٠'))
    expect(inBody('١٢٠٠')).toBeGreaterThan(inBody('ع'))
    // Columns sized to their content, as in Kazakh, from the start side: the whole table in the right half of the page.
    const { width } = page.getViewport({ scale: 1 })
    const last = items.find((item) => item.str === '٩٨٠')!.transform[5]!
    const table = items.filter((item) => item.transform[5]! <= row! && item.transform[5]! >= last)
    expect(Math.min(...table.map((item) => item.transform[4]!))).toBeGreaterThan(width / 2)
    const roles: string[] = []
    const walk = (node: { role?: string; children?: unknown[] }) => {
      if (node.role) roles.push(node.role)
      for (const child of node.children ?? []) walk(child as typeof node)
    }
    walk((await page.getStructTree()) as never)
    for (const role of ['Table', 'TH', 'TD', 'Note', 'Lbl']) expect(roles).toContain(role)
    await pdf.destroy()
  })
})
