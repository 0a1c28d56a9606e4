/**
 * Emphasis inside a heading stays emphasis in the PDF, as on the web page:
 * the headline and section headings are set in Noto Sans Bold, and an
 * italic word there (a ship's or a book's name) needs Noto Sans Bold
 * Italic. Before, the PDF had no such face and set the word upright.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { makeProject } from './helpers/project.ts'

const MARKDOWN = `---
title: "A voyage on the *Nautilus*"
lang: en
---

## The *Nautilus* log

Its first page.
`

let fonts: string

beforeAll(async () => {
  const root = makeProject({ 'content/voyage.md': MARKDOWN })
  const result = await build({ root, formats: ['pdf'] })
  expect(result.failures).toEqual([])
  fonts = execFileSync('pdffonts', [path.join(root, 'output/en/voyage.pdf')], { encoding: 'utf8' })
}, 120_000)

describe('emphasis in a PDF heading', () => {
  it('is set in the sans bold italic face', () => {
    expect(fonts).toMatch(/\+NotoSans-BoldItalic /)
  })
})
