/**
 * A title not yet translated stands in the source's language and direction,
 * as an untranslated paragraph does: in the Arabic edition an English title
 * with emphasis ("A field guide to the *Caspian* shore") reads left to right
 * in its own order. Before, its Latin runs were isolated one by one inside
 * the right-to-left heading, and a browser showed "shore Caspian A field
 * guide to the".
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { copyUiTerms, makeProject } from './helpers/project.ts'
import { findAll, htmlTree } from './helpers/read-back.ts'

const MARKDOWN = `---
title: "A field guide to the *Caspian* shore"
lang: en
---

The shore in spring.
`

let root: string

beforeAll(async () => {
  root = makeProject({ 'content/guide.md': MARKDOWN, 'locales/ar/guide.json': JSON.stringify({ p: { 'the-shore-in-spring': 'الشاطئ في الربيع.' } }) })
  copyUiTerms(root, ['ar'])
  const result = await build({ root, locales: ['ar'], formats: ['html', 'epub'] })
  expect(result.failures).toEqual([])
}, 120_000)

describe('an untranslated title in the Arabic edition', () => {
  it('is an English, left-to-right heading with no Latin run isolated inside it', () => {
    const tree = htmlTree(readFileSync(path.join(root, 'output/ar/guide.html'), 'utf8'))
    const [title] = findAll(tree, (node) => node.tagName === 'h1')
    expect(title!.properties).toMatchObject({ lang: 'en', dir: 'ltr' })
    expect(findAll(title!, (node) => node.properties.dir !== undefined && node !== title)).toEqual([])
  })

  it('leaves a translated paragraph in Arabic', () => {
    const html = readFileSync(path.join(root, 'output/ar/guide.html'), 'utf8')
    expect(html).toContain('<p>الشاطئ في الربيع.</p>')
  })
})
