/**
 * output/index.html is a landing page (each language's row in that language:
 * its title, date, formats with size and the PDF's page count; a link to the
 * status), and output/status.html says what its totals count, when it was
 * taken, and each key's state.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { findAll, htmlTree } from './helpers/read-back.ts'
import { smallProject, tempDir } from './helpers/project.ts'
import { toText } from 'hast-util-to-text'

/** The small interview (test/fixtures/small-interview), built by every test here. */
const PROJECT = smallProject()

let out: string
beforeAll(async () => {
  out = tempDir('press-landing-')
  const result = await build({ root: PROJECT, out, locales: ['en', 'ar', 'zh'], formats: ['html', 'pdf'] })
  expect(result.failures).toEqual([])
})

describe('index.html', () => {
  it('gives each language a row in that language, with its title, date, sizes and page count', () => {
    const tree = htmlTree(readFileSync(path.join(out, 'index.html'), 'utf8'))
    const rows = findAll(tree, (node) => node.tagName === 'li' && typeof node.properties.lang === 'string')
    expect(rows.map((row) => [row.properties.lang, row.properties.dir])).toEqual([['en', 'ltr'], ['ar', 'rtl'], ['zh', 'ltr']])
    const zh = toText(rows[2]!)
    expect(zh).toContain('人工智能与网络犯罪')
    expect(zh).toMatch(/发布于\d{4}年\d{1,2}月\d{1,2}日/)
    expect(zh).toMatch(/印刷版（PDF） \(\d+\s?kB，\d+ 页\)/)
    const ar = toText(rows[1]!)
    expect(ar).toContain('الذكاء الاصطناعي')
    expect(ar).toMatch(/صفحات|صفحة|صفحتان/)
    expect(findAll(rows[0]!, (node) => node.tagName === 'time')).toHaveLength(1)
    expect(findAll(tree, (node) => node.tagName === 'a' && node.properties.href === 'status.html')).toHaveLength(1)
  })
})

describe('status.html', () => {
  it('explains the totals, carries its date and every key’s state, and writes “100 %” one way', () => {
    const html = readFileSync(path.join(out, 'status.html'), 'utf8')
    const text = toText(htmlTree(html))
    expect(text).toMatch(/Total counts .* plural form .*\(ar 6, kk 2, ru 4, zh 1\)/)
    expect(findAll(htmlTree(html), (node) => node.tagName === 'time')).toHaveLength(1)
    expect(text).toMatch(/Every key and its state \(\d+\)/)
    expect(text).toContain('meta.title')
    expect(text).toContain('100\u202f%')
    expect(text).not.toMatch(/\d %/)
  })
})
