/**
 * A figure with a local image embeds the image in all three formats; a
 * figure without one shows its caption and credit; an image URL or a path
 * outside content/ is refused with a message and never read.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { build, type BuildResult } from '../pipeline/build.ts'
import { findAll, htmlText, htmlTree, pdfText, readEpub } from './helpers/read-back.ts'
import { makePng } from './helpers/png.ts'
import { makeProject } from './helpers/project.ts'

const MARKDOWN = `---
title: Harbour report
lang: en
---

:::figure{credit="Photo: Test Desk"}
![A blue test card](images/card.png)

The harbour at dawn.
:::

:::figure{credit="Photo: Archive"}
A figure with no image.
:::

Remote images are refused: ![remote](https://example.org/x.png) and so is ![escape](../secret.png).
`

let root: string
let result: BuildResult
const read = (relative: string) => readFileSync(path.join(root, 'output', relative))

beforeAll(async () => {
  root = makeProject({
    'content/harbour.md': MARKDOWN,
    'content/images/card.png': makePng(40, 24, [20, 60, 200]),
    'secret.png': makePng(2, 2, [0, 0, 0])
  })
  result = await build({ root })
})

describe('figures', () => {
  it('builds all three formats of a document that is not the interview', () => {
    expect(result.failures).toEqual([])
    expect(result.written.map((entry) => entry.path)).toEqual(expect.arrayContaining(['en/harbour.html', 'en/harbour.epub', 'en/harbour.pdf']))
  })

  it('HTML embeds the image beside the page, with its alt text', () => {
    const tree = htmlTree(read('en/harbour.html').toString())
    const images = findAll(tree, (node) => node.tagName === 'img')
    expect(images).toHaveLength(1)
    expect(images[0]!.properties.alt).toBe('A blue test card')
    const src = String(images[0]!.properties.src)
    expect(src).toMatch(/^\.\.\/media\/[0-9a-f]{16}\.png$/)
    expect(read(path.join('en', src))).toEqual(readFileSync(path.join(root, 'content/images/card.png')))
    const text = htmlText(read('en/harbour.html').toString())
    expect(text).toContain('The harbour at dawn. Photo: Test Desk')
    // A figure without an image is left out, caption and credit too: no placeholder box.
    expect(text).not.toContain('A figure with no image')
    expect(text).not.toContain('Photo: Archive')
  })

  it('EPUB carries the image in its package', async () => {
    const { zip, opf, text } = await readEpub(read('en/harbour.epub'))
    const images = Object.keys(zip.files).filter((name) => name.startsWith('OEBPS/images/') && !name.endsWith('/'))
    expect(images).toHaveLength(1)
    expect(opf).toMatch(/media-type="image\/png"/)
    expect(Buffer.from(await zip.file(images[0]!)!.async('uint8array'))).toEqual(readFileSync(path.join(root, 'content/images/card.png')))
    expect(text).toContain('The harbour at dawn.')
  })

  it('PDF tags the image as a Figure with its alt text, beside its Caption', async () => {
    const pdf = await getDocument({ data: new Uint8Array(read('en/harbour.pdf')), isEvalSupported: false }).promise
    const tree = await (await pdf.getPage(1)).getStructTree()
    const nodes: Array<{ role?: string; alt?: string }> = []
    const walk = (node: { role?: string; alt?: string; children?: unknown[] }) => {
      nodes.push(node)
      for (const child of node.children ?? []) walk(child as typeof node)
    }
    walk(tree as never)
    expect(nodes.filter((node) => node.role === 'Figure')).toEqual([expect.objectContaining({ alt: 'A blue test card' })])
    expect(nodes.filter((node) => node.role === 'Caption')).toHaveLength(1)
    await pdf.destroy()
  })

  it('PDF draws the image and its caption, and leaves out the figure without an image', async () => {
    const data = read('en/harbour.pdf')
    expect(data.toString('latin1')).toMatch(/\/Subtype \/Image/)
    const { text } = await pdfText(data)
    expect(text).toContain('The harbour at dawn. Photo: Test Desk')
    expect(text).not.toContain('A figure with no image')
  })

  it('warns where a figure has no image, and --strict refuses the edition', async () => {
    const messages = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'figure-without-image')
    expect(messages.map((message) => message.line)).toEqual([12])
    const strict = await build({ root, out: 'strict-out', strict: true, formats: ['html'] })
    expect(strict.failures.map((failure) => failure.reason)).toEqual([expect.stringMatching(/--strict: not written.*1 other problem/)])
  })

  it('refuses a remote image and one outside content/, naming file and line', () => {
    const messages = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'image-path')
    expect(messages.map((message) => [message.line, message.reason.split(',')[0]])).toEqual([
      [16, 'Unexpected image URL `https://example.org/x.png`'],
      [16, 'Unexpected image path `../secret.png` outside content/']
    ])
    const html = read('en/harbour.html').toString()
    expect(html).not.toContain('example.org')
    expect(html).not.toContain('secret')
  })
})
