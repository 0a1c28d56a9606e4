/**
 * Every construct reaches the PDF: nested lists of any kind with quotes and
 * code inside items, quotes in quotes, hard breaks, block images, links as
 * annotations, code in the monospace face, GFM tables (tagged, header row
 * repeated on each page), footnotes as tagged notes, task boxes with their
 * state, strikethrough; and spaces at the edges of a link are kept.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../pipeline/build.ts'
import { makePng } from './helpers/png.ts'
import { makeProject } from './helpers/project.ts'
import { normalize, pdfText } from './helpers/read-back.ts'

const LONG_TABLE = `| Row | Value | Note |\n| --- | ---: | --- |\n${Array.from({ length: 70 }, (_, i) => `| row${i + 1} | ${(i + 1) * 7} | note${i + 1} |`).join('\n')}\n`

const MARKDOWN = `---
title: Harbour notes
---

The harbour opened in spring[^open] and grew ~~slowly~~ fast; see[ the yearbook ](https://example.org/book)now or www.harbour.example today.

| Port | Tonnes |
| :--- | -----: |
| Aktau | 1200[^tonnes] |
| Kuryk | 980 |

- [x] Loaded cargo
- [ ] Signed manifest

- Parent plain
  - Child one
    1. Grandchild first
- Item with a quote

  > Quoted inside the item

  \`\`\`
  const harbour = 'open'
  \`\`\`

> Outer quote
>
> > Inner quote words

Line one\\
line two with \`inline code\`

![A red square alone](images/red.png)

${LONG_TABLE}
[^open]: Officially on the first of April.
[^tonnes]: In thousands of tonnes.
`

let root: string
let result: BuildResult
let pdf: Buffer
let poppler: string

interface StructNode { role?: string; alt?: string; children?: StructNode[] }

async function structure(): Promise<StructNode[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
  const nodes: StructNode[] = []
  const walk = (node: StructNode) => {
    nodes.push(node)
    for (const child of node.children ?? []) walk(child)
  }
  for (let page = 1; page <= document.numPages; page++) walk((await (await document.getPage(page)).getStructTree()) as StructNode)
  await document.destroy()
  return nodes
}

beforeAll(async () => {
  root = makeProject({ 'content/harbour.md': MARKDOWN, 'content/images/red.png': makePng(60, 40, [200, 30, 30]) })
  result = await build({ root, locales: ['en'], formats: ['pdf'] })
  pdf = readFileSync(path.join(root, 'output/en/harbour.pdf'))
  poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString()
})

describe('every construct in the PDF', () => {
  it('builds without a failure or a warning about the PDF', () => {
    expect(result.failures).toEqual([])
    expect(result.files.flatMap((file) => file.messages).filter((message) => message.source === 'render-pdf')).toEqual([])
  })

  it('keeps the words of nested lists, quotes and code inside list items, quotes in quotes and hard breaks', async () => {
    const text = (await pdfText(pdf)).text
    for (const words of ['Parent plain', 'Child one', 'Grandchild first', 'Quoted inside the item', "const harbour = 'open'", 'Outer quote', 'Inner quote words', 'Line one', 'line two with inline code']) {
      expect(text).toContain(words)
      expect(normalize(poppler)).toContain(words)
    }
  })

  it('keeps the spaces at the edges of a link as word breaks', () => {
    expect(normalize(poppler)).toContain('see the yearbook now')
  })

  it('sets code in the monospace face', () => {
    expect(execFileSync('pdffonts', [path.join(root, 'output/en/harbour.pdf')]).toString()).toMatch(/NotoSansMono/)
  })

  it('tags tables, notes, list labels and code, and says each task box state in words', async () => {
    const nodes = await structure()
    const roles = new Set(nodes.map((node) => node.role))
    for (const role of ['Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'Note', 'Lbl', 'L', 'LI', 'LBody', 'BlockQuote', 'Code', 'Figure']) expect(roles).toContain(role)
    expect(nodes.filter((node) => node.role === 'Lbl' && node.alt).map((node) => node.alt)).toEqual(['done', 'not done'])
    expect(nodes.find((node) => node.role === 'Figure')?.alt).toBe('A red square alone')
  })

  it('draws the block image and makes links annotations', async () => {
    const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
    const page = await document.getPage(1)
    const urls = (await page.getAnnotations()).map((annotation: { url?: string; dest?: unknown }) => annotation.url ?? annotation.dest)
    expect(urls).toEqual(expect.arrayContaining(['https://example.org/book', 'http://www.harbour.example/']))
    const ops = await page.getOperatorList()
    const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs')
    expect(ops.fnArray.filter((op: number) => op === OPS.paintImageXObject).length).toBeGreaterThanOrEqual(1)
    await document.destroy()
  })

  it('repeats a long table’s header row at the top of the next page', () => {
    const pages = poppler.split('\f').filter((page) => page.includes('row70') || page.includes('row1\n'))
    const continued = poppler.split('\f').find((page) => page.includes('row70'))!
    expect(pages.length).toBeGreaterThan(0)
    expect(continued.indexOf('Row')).toBeGreaterThan(-1)
    expect(continued.indexOf('Row')).toBeLessThan(continued.indexOf('row70'))
  })

  it('sets the footnotes at the foot of the page that calls them (from a paragraph and a table cell), after that page’s text, with no notes section', async () => {
    const { pageTexts } = await pdfText(pdf)
    const first = normalize(pageTexts[0]!)
    expect(first).toMatch(/spring1 and grew/)
    // The second note is called from a table cell.
    expect(first).toMatch(/1 Officially on the first of April\. 2 In thousands of tonnes\.$/)
    expect((await pdfText(pdf)).text).not.toMatch(/Notes/)
  })
})
