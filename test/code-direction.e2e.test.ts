/**
 * A code block runs left to right in every edition: in the Arabic web page, e-book and PDF it was set
 * right to left like the text around it, flush right (and in the PDF its lines' order of words would
 * follow UAX #9 for a right-to-left paragraph). Now the block is `dir="ltr"`, at the left.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { readEpub } from './helpers/read-back.ts'
import { copyUiTerms, makeProject } from './helpers/project.ts'

const MARKDOWN = `---
title: Tides
lang: en
---

The tide tables are printed by a script.

\`\`\`
tides --port Aktau
\`\`\`
`

let root: string

beforeAll(async () => {
  root = makeProject({ 'content/tides.md': MARKDOWN, 'locales/ar/tides.json': JSON.stringify({ p: { 'the-tide-tables-are-printed': 'تُطبع جداول المد والجزر ببرنامج نصي.' } }) })
  copyUiTerms(root, ['ar'])
  const result = await build({ root, locales: ['ar'] })
  expect(result.failures).toEqual([])
}, 120_000)

describe('a code block in the Arabic edition', () => {
  it('is a left-to-right block in the web page and the e-book', async () => {
    expect(readFileSync(path.join(root, 'output/ar/tides.html'), 'utf8')).toContain('<pre dir="ltr"><code>tides --port Aktau')
    const { zip } = await readEpub(readFileSync(path.join(root, 'output/ar/tides.epub')))
    expect(await zip.file('OEBPS/tides.xhtml')!.async('string')).toContain('<pre dir="ltr"><code>tides --port Aktau')
  })

  it('starts at the left margin in the PDF, its words in their order, while the Arabic text ends at the right', () => {
    const boxes = execFileSync('pdftotext', ['-bbox', path.join(root, 'output/ar/tides.pdf'), '-']).toString()
    const words = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((match) => ({ left: Number(match[1]), right: Number(match[2]), text: match[3]! }))
    const code = words.filter((word) => ['tides', '--port', 'Aktau'].includes(word.text))
    const arabic = Math.max(...words.filter((word) => /\p{Script=Arabic}/u.test(word.text) && word.text !== '‏').map((word) => word.right))
    expect(code.map((word) => word.text)).toEqual(['tides', '--port', 'Aktau'])
    // The text column runs from 105 to 490 pt; flush right, the 18 characters of code began past 370.
    expect(code[0]!.left).toBeLessThan(110)
    expect(arabic).toBeGreaterThan(450)
  })
})
