/**
 * The e-book's contents and the PDF's outline nest as the document's
 * sections do: a reading system lists a section under its chapter
 * (nav.xhtml's nested <ol>, the NCX's nested navPoints in reading order, the
 * PDF's outline items), not every heading of every level in one flat list.
 * The title heads the list and an interview's questions stay one flat list
 * (nav-labels.e2e).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { nestEntries } from '../pipeline/render/nav-entries.ts'
import { makeProject } from './helpers/project.ts'

const MARKDOWN = `---
title: Harbour guide
lang: en
---

## Ports

### Aktau

#### The old quay

### Kuryk

## Ships
`

describe('nestEntries', () => {
  it('puts each entry under the nearest one before it of a higher level; the title takes none', () => {
    const entries = [1, 2, 3, 4, 3, 2, 4, 2].map((depth, index) => ({ depth, index }))
    const shape = (nodes: ReturnType<typeof nestEntries<{ depth: number; index: number }>>): unknown[] =>
      nodes.map((node) => (node.children.length ? [node.index, shape(node.children)] : node.index))
    expect(shape(nestEntries(entries))).toEqual([0, [1, [[2, [3]], 4]], [5, [6]], 7])
  })
})

describe('the e-book and the PDF of a document with sections', () => {
  let nav: string
  let ncx: string
  let outline: unknown[]

  beforeAll(async () => {
    const root = makeProject({ 'content/guide.md': MARKDOWN })
    const result = await build({ root, formats: ['epub', 'pdf'] })
    expect(result.failures).toEqual([])
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(path.join(root, 'output/en/guide.pdf'))) }).promise
    type Item = { title: string; items: Item[] }
    const shape = (items: Item[]): unknown[] => items.map((item) => (item.items.length ? [item.title, shape(item.items)] : item.title))
    outline = shape((await pdf.getOutline()) as Item[])
    const zip = await JSZip.loadAsync(readFileSync(path.join(root, 'output/en/guide.epub')))
    nav = await zip.file('OEBPS/toc.xhtml')!.async('string')
    ncx = await zip.file('OEBPS/toc.ncx')!.async('string')
  }, 120_000)

  it('nests a section’s entry in its chapter’s list item', () => {
    const links = (text: string) => text.replace(/\s+/g, '').replace(/<ahref="[^"]*">([^<]*)<\/a>/g, '$1')
    const toc = links(nav.slice(nav.indexOf('<nav epub:type="toc"'), nav.indexOf('</nav>')))
    expect(toc).toContain('<ol><li>Harbourguide</li><li>Ports<ol><li>Aktau<ol><li>Theoldquay</li></ol></li><li>Kuryk</li></ol></li><li>Ships</li></ol>')
  })

  it('nests the NCX’s navPoints the same way, numbered in reading order', () => {
    const points = [...ncx.matchAll(/<navPoint id="nav-(\d+)" playOrder="(\d+)">|<\/navPoint>/g)].map((match) => match[1] ? `<${match[2]}` : '>').join('')
    expect(points).toBe('<1><2<3<4>><5>><6>')
    expect(ncx).toContain('<meta name="dtb:depth" content="3"/>')
  })

  it('nests the PDF’s outline the same way, under the headline', () => {
    expect(outline).toEqual([['Harbour guide', [['Ports', [['Aktau', ['The old quay']], 'Kuryk']], 'Ships']]])
  })
})

const SIX_LEVELS = `---
title: Harbour rules
lang: en
---

# Rules

## Berths

### Lights

#### Signals

##### Flags

###### Pennants
`

describe('a body with six levels of its own, under the title', () => {
  let html: string
  let nav: string
  let outline: unknown[]
  let roles: string[]
  let pdfText: string

  beforeAll(async () => {
    const root = makeProject({ 'content/rules.md': SIX_LEVELS })
    const result = await build({ root, formats: ['html', 'epub', 'pdf'] })
    expect(result.failures).toEqual([])
    html = readFileSync(path.join(root, 'output/en/rules.html'), 'utf8')
    const zip = await JSZip.loadAsync(readFileSync(path.join(root, 'output/en/rules.epub')))
    nav = await zip.file('OEBPS/toc.xhtml')!.async('string')
    const bytes = readFileSync(path.join(root, 'output/en/rules.pdf'))
    pdfText = bytes.toString('latin1')
    const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise
    type Item = { title: string; items: Item[] }
    const deepest = (items: Item[], depth = 1): unknown[] => items.flatMap((item) => [[depth, item.title], ...deepest(item.items, depth + 1)])
    outline = deepest((await pdf.getOutline()) as Item[])
    type Node = { role?: string; children?: Node[] }
    const walk = (node: Node): string[] => [...(node.role ? [node.role] : []), ...(node.children ?? []).flatMap(walk)]
    roles = walk((await (await pdf.getPage(1)).getStructTree()) as Node)
  }, 120_000)

  it('keeps the sixth level one below the fifth: an h6 with aria-level 7 in the page', () => {
    expect(html).toContain('<h6 id="heading-flags">Flags</h6>')
    expect(html).toContain('<h6 aria-level="7" id="heading-pennants">Pennants</h6>')
  })

  it('nests it under the fifth in the e-book’s contents and the PDF’s outline', () => {
    const links = nav.replace(/\s+/g, '').replace(/<ahref="[^"]*">([^<]*)<\/a>/g, '$1')
    expect(links).toContain('<li>Flags<ol><li>Pennants</li></ol></li>')
    expect(outline.slice(-2)).toEqual([[6, 'Flags'], [7, 'Pennants']])
  })

  it('tags it H7 in the PDF, role-mapped to H6 for readers of PDF 1.7 (pdf.js applies the map)', () => {
    expect(roles.filter((role) => /^H\d$/.test(role))).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H6'])
    expect(pdfText.match(/\/S \/H\d/g)).toEqual(['/S /H1', '/S /H2', '/S /H3', '/S /H4', '/S /H5', '/S /H6', '/S /H7'])
    expect(pdfText).toMatch(/\/RoleMap <<\s*\/H7 \/H6\s*>>/)
  })
})
