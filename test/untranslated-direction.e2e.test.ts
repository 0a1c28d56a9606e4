/**
 * A title or a list not yet translated stands in the source's language and
 * direction, as an untranslated paragraph does: in the Arabic edition an
 * English title with emphasis ("A field guide to the *Caspian* shore") reads
 * left to right in its own order (before, its Latin runs were isolated one
 * by one inside the right-to-left heading, and a browser showed "shore
 * Caspian A field guide to the"), and an English list has its markers at
 * the left, beside its text (before, at the far right, in HTML and PDF).
 */
import { execFileSync } from 'node:child_process'
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

1. Pack the charts
2. Check the radio
`

/** An item whose first paragraph is not yet translated, but whose second paragraph and nested list are. */
const PARTLY = `---
title: "Guide"
lang: en
---

1. Pack the charts

   Check the weather before leaving.

   - Take the radio
   - Take the water

2. Check the radio
`
const PARTLY_AR = { meta: { title: 'دليل' }, item: { 'check-the-weather-before-leaving': 'تحقق من الطقس قبل المغادرة.', 'take-the-radio': 'خذ الراديو', 'take-the-water': 'خذ الماء' } }

let root: string

beforeAll(async () => {
  root = makeProject({
    'content/guide.md': MARKDOWN, 'locales/ar/guide.json': JSON.stringify({ p: { 'the-shore-in-spring': 'الشاطئ في الربيع.' } }),
    'content/partly.md': PARTLY, 'locales/ar/partly.json': JSON.stringify(PARTLY_AR)
  })
  copyUiTerms(root, ['ar'])
  const result = await build({ root, locales: ['ar'], formats: ['html', 'epub', 'pdf'] })
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

  it('sets an untranslated list left to right: the list and its items in English, in HTML', () => {
    const tree = htmlTree(readFileSync(path.join(root, 'output/ar/guide.html'), 'utf8'))
    const [list] = findAll(tree, (node) => node.tagName === 'ol')
    expect(list!.properties).toMatchObject({ lang: 'en', dir: 'ltr' })
    expect(findAll(list!, (node) => node.tagName === 'li').map((item) => item.properties.dir)).toEqual(['ltr', 'ltr'])
  })

  it('puts an untranslated list’s numbers at the left of its items in the PDF, reading “1. Pack”', () => {
    const file = path.join(root, 'output/ar/guide.pdf')
    // poppler's word boxes: the marker's digit (its full stop may come from another face: a word of its own).
    const boxes = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' })
    const left = (text: string) => Number(new RegExp(`xMin="([\\d.]+)"[^>]*>${text}<`).exec(boxes)?.[1])
    expect(left('1')).toBeLessThan(left('Pack'))
    expect(left('2')).toBeLessThan(left('Check'))
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('1. Pack the charts\n2. Check the radio')
  })
})

describe('a list item only partly translated in the Arabic edition', () => {
  it('keeps the edition\'s language and direction, so its translated blocks stay Arabic; an item wholly in English takes English', () => {
    const tree = htmlTree(readFileSync(path.join(root, 'output/ar/partly.html'), 'utf8'))
    const [list] = findAll(tree, (node) => node.tagName === 'ol')
    expect(list!.properties.dir).toBeUndefined()
    const items = findAll(list!, (node) => node.tagName === 'li')
    const [first, , , last] = items
    expect(first!.properties).not.toHaveProperty('lang')
    expect(first!.properties).not.toHaveProperty('dir')
    expect(last!.properties).toMatchObject({ lang: 'en', dir: 'ltr' })
    const paragraphs = findAll(first!, (node) => node.tagName === 'p')
    expect(paragraphs.map((paragraph) => paragraph.properties.dir)).toEqual(['ltr', undefined])
    const [nested] = findAll(first!, (node) => node.tagName === 'ul')
    expect(nested!.properties.dir).toBeUndefined()
    expect(findAll(nested!, (node) => node.tagName === 'li').map((item) => item.properties.dir)).toEqual([undefined, undefined])
  })

  it('sets the translated nested list right to left in the PDF: its bullets at the right of its words', () => {
    // poppler's word boxes (an Arabic letter is a word of its own to it): each bullet's line, right of the bullet.
    const boxes = execFileSync('pdftotext', ['-bbox', path.join(root, 'output/ar/partly.pdf'), '-'], { encoding: 'utf8' })
    const words = [...boxes.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</g)].map((match) => ({ x: Number(match[1]), y: match[2], text: match[3]! }))
    const bullets = words.filter((word) => word.text === '•')
    expect(bullets).toHaveLength(2)
    for (const bullet of bullets) {
      const line = words.filter((word) => word.y === bullet.y && word !== bullet)
      expect(line.map((word) => word.text).join('')).toMatch(/[\u0600-\u06FF]{4}/)
      for (const word of line) expect(word.x, word.text).toBeLessThan(bullet.x)
    }
    // The item wholly in English has its number at its left, as the web page sets it (its li is dir=ltr).
    const check = words.find((word) => word.text === 'Check')!
    const two = words.find((word) => word.text === '2')!
    expect(two.x).toBeLessThan(check.x)
  })
})
