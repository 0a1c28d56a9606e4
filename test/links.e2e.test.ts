/**
 * Every edition links only what the output folder holds after the build:
 * a build of some languages links no language it did not make, a build of
 * one format keeps the links to the other formats already there, and no
 * page references a file (page, book, image, font) the folder lacks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { findAll, htmlTree } from './helpers/read-back.ts'
import { smallProject, tempDir } from './helpers/project.ts'

/** The small interview (test/fixtures/small-interview), built by every test here. */
const PROJECT = smallProject()

/** Every local reference of a page: href and src attributes and url() in its CSS, without fragment. */
function references(html: string): string[] {
  const tree = htmlTree(html)
  const found: string[] = []
  for (const node of findAll(tree, () => true)) {
    for (const name of ['href', 'src']) {
      const value = node.properties[name]
      if (typeof value === 'string') found.push(value)
    }
  }
  for (const match of html.matchAll(/url\("?([^")]+)"?\)/g)) found.push(match[1]!)
  return found.filter((reference) => !/^[a-z]+:/i.test(reference) && !reference.startsWith('#')).map((reference) => reference.replace(/#.*$/, ''))
}

function pagesOf(out: string): string[] {
  const pages: string[] = []
  for (const entry of readdirSync(out, { recursive: true, encoding: 'utf8' })) if (entry.endsWith('.html')) pages.push(entry)
  return pages
}

function dangling(out: string): string[] {
  const missing: string[] = []
  for (const page of pagesOf(out)) {
    for (const reference of references(readFileSync(path.join(out, page), 'utf8'))) {
      const target = path.resolve(path.dirname(path.join(out, page)), reference)
      if (!target.startsWith(out) || !existsSync(target)) missing.push(`${page} → ${reference}`)
    }
  }
  return missing
}

const linkedLanguages = (html: string) => findAll(htmlTree(html), (node) => node.tagName === 'a' && typeof node.properties.hrefLang === 'string' && String(node.properties.href).endsWith('.html')).map((node) => String(node.properties.hrefLang))
const linkedFormats = (html: string) => findAll(htmlTree(html), (node) => node.tagName === 'a' && /\.(epub|pdf)$/.test(String(node.properties.href))).map((node) => String(node.properties.href))

describe('links after a partial build', () => {
  it('--locale kk,ru into a new folder links only kk and ru, and nothing the folder lacks', async () => {
    const out = tempDir('press-links-')
    const result = await build({ root: PROJECT, out, locales: ['kk', 'ru'], formats: ['html', 'epub'] })
    expect(result.failures).toEqual([])
    const kk = readFileSync(path.join(out, 'kk/interview.html'), 'utf8')
    expect(new Set(linkedLanguages(kk))).toEqual(new Set(['kk', 'ru']))
    expect(linkedFormats(kk)).toEqual(['interview.epub'])
    expect(kk).not.toMatch(/hreflang="(en|ar|zh|x-default)"/)
    expect(pagesOf(out).sort()).toEqual(['index.html', 'kk/interview.html', 'ru/interview.html', 'status.html'])
    expect(dangling(out)).toEqual([])
  })

  it('--format html keeps the links to the e-book and PDF already in the folder', async () => {
    const out = tempDir('press-links-')
    await build({ root: PROJECT, out, locales: ['en', 'kk'], formats: ['epub', 'pdf'] })
    const result = await build({ root: PROJECT, out, locales: ['en', 'kk'], formats: ['html'] })
    expect(result.failures).toEqual([])
    const en = readFileSync(path.join(out, 'en/interview.html'), 'utf8')
    expect(linkedFormats(en)).toEqual(['interview.epub', 'interview.pdf'])
    expect(dangling(out)).toEqual([])
  })
})
