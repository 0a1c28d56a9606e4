/**
 * GitHub-flavoured Markdown in the web page and the e-book: semantic tables,
 * footnotes (the GFM structure in HTML, EPUB 3 notes in the EPUB),
 * strikethrough, task boxes that say their state, autolink literals, and
 * reference links resolved to inline links.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Element } from 'hast'
import { toText } from 'hast-util-to-text'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../pipeline/build.ts'
import { findAll, htmlTree } from './helpers/read-back.ts'
import { makeProject } from './helpers/project.ts'
import JSZip from 'jszip'
import { fromHtml } from 'hast-util-from-html'

const MARKDOWN = `---
title: "Harbour *notes*"
---

# Body heading

The harbour opened in spring[^open] and grew ~~slowly~~ fast. See www.harbour.example and the [yearbook][book].

| Port | Tonnes | Remark |
| :--- | -----: | :----: |
| Aktau | 1200 | *record* |
| Kuryk | 980 | pipe \\| here |

- [x] Loaded cargo
- [ ] Signed manifest

[^open]: Officially on the first of April.

[book]: https://example.org/yearbook
`

let root: string
let result: BuildResult
let page: ReturnType<typeof htmlTree>
let chapter: ReturnType<typeof htmlTree>

beforeAll(async () => {
  root = makeProject({ 'content/harbour.md': MARKDOWN })
  result = await build({ root, locales: ['en'], formats: ['html', 'epub'] })
  page = htmlTree(readFileSync(path.join(root, 'output/en/harbour.html'), 'utf8'))
  const zip = await JSZip.loadAsync(readFileSync(path.join(root, 'output/en/harbour.epub')))
  chapter = fromHtml(await zip.file('OEBPS/harbour.xhtml')!.async('string'))
})

const all = (tree: Parameters<typeof findAll>[0], tag: string) => findAll(tree, (node) => node.tagName === tag)
const classes = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className : [])

describe('GFM in HTML and EPUB', () => {
  it.each([['HTML', () => page], ['EPUB', () => chapter]])('%s: one <h1>, the title, its Markdown rendered; body headings below it', (_, tree) => {
    const h1 = all(tree(), 'h1')
    expect(h1.map((node) => toText(node))).toEqual(['Harbour notes'])
    expect(all(h1[0]!, 'em').map((node) => toText(node))).toEqual(['notes'])
    expect(all(tree(), 'h2').map((node) => toText(node))).toContain('Body heading')
  })

  it('builds without a failure', () => {
    expect(result.failures).toEqual([])
  })

  it.each([['HTML', () => page], ['EPUB', () => chapter]])('%s: a table with column headers and alignment classes', (_, tree) => {
    const headers = all(tree(), 'th')
    expect(headers.map((th) => [toText(th), th.properties.scope, classes(th)])).toEqual([
      ['Port', 'col', ['align-left']], ['Tonnes', 'col', ['align-right']], ['Remark', 'col', ['align-center']]
    ])
    expect(all(tree(), 'td').map((td) => toText(td))).toEqual(['Aktau', '1200', 'record', 'Kuryk', '980', 'pipe | here'])
    expect(all(tree(), 'td').every((td) => td.properties.align === undefined)).toBe(true)
  })

  it.each([['HTML', () => page], ['EPUB', () => chapter]])('%s: strikethrough, autolink literal and a resolved reference link', (_, tree) => {
    expect(all(tree(), 'del').map((node) => toText(node))).toEqual(['slowly'])
    const hrefs = all(tree(), 'a').map((a) => a.properties.href)
    expect(hrefs).toContain('http://www.harbour.example')
    expect(hrefs).toContain('https://example.org/yearbook')
  })

  it.each([['HTML', () => page], ['EPUB', () => chapter]])('%s: task boxes are disabled checkboxes labelled by their item, with their state', (_, tree) => {
    const boxes = all(tree(), 'input')
    expect(boxes.map((box) => [box.properties.type, box.properties.checked === true, box.properties.disabled])).toEqual([
      ['checkbox', true, true], ['checkbox', false, true]
    ])
    expect(all(tree(), 'label').map((label) => toText(label).trim())).toEqual(['Loaded cargo', 'Signed manifest'])
  })

  it('HTML: footnotes in the GFM structure, call and note linked both ways', () => {
    const call = all(page, 'a').find((a) => a.properties.dataFootnoteRef !== undefined)!
    expect(toText(call)).toBe('1')
    const section = all(page, 'section').find((node) => node.properties.dataFootnotes !== undefined)!
    expect(toText(all(section, 'h2')[0]!)).toBe('Notes')
    const note = all(section, 'li')[0]!
    expect(`#${note.properties.id}`).toBe(call.properties.href)
    const back = all(note, 'a')[0]!
    expect(back.properties.href).toBe(`#${call.properties.id}`)
    expect(back.properties.ariaLabel).toBe('Back to reference 1')
    expect(toText(note)).toContain('Officially on the first of April.')
  })

  it('EPUB: footnotes are EPUB 3 notes: a noteref and an aside of type footnote with a back-link', () => {
    const call = all(chapter, 'a').find((a) => a.properties['epub:type'] === 'noteref')!
    expect(call.properties.role).toBe('doc-noteref')
    const aside = all(chapter, 'aside')[0]!
    expect(aside.properties['epub:type']).toBe('footnote')
    expect(aside.properties.role).toBe('doc-footnote')
    expect(`#${aside.properties.id}`).toBe(call.properties.href)
    expect(toText(aside)).toMatch(/^\s*1\. Officially on the first of April\./)
    const back = all(aside, 'a').find((a) => a.properties.role === 'doc-backlink')!
    expect(back.properties.href).toBe(`#${call.properties.id}`)
  })
})
