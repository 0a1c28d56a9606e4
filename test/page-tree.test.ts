/**
 * The page whose fonts are cut ahead (writers.ts) is only read for its
 * characters: it holds the edition's own article instead of a copy (a
 * book's copy and image mapping cost 0.1 s), leaves that article as it was,
 * and gives each face the same characters as the page the HTML writer makes.
 */
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type { Element } from 'hast'
import { VFile } from 'vfile'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseLoaded } from '../pipeline/content/load-document.ts'
import { parseCatalog } from '../pipeline/i18n/catalog.ts'
import { createI18n } from '../pipeline/i18n/create-i18n.ts'
import { toResources, type Catalogs } from '../pipeline/i18n/load-catalogs.ts'
import { prepareEdition } from '../pipeline/prepare-edition.ts'
import { createProject } from '../pipeline/project.ts'
import { editionOf } from '../pipeline/render/edition.ts'
import { charactersByFace } from '../pipeline/render/fonts/font-usage.ts'
import { pageTree } from '../pipeline/render/html.ts'
import { REPO } from './helpers/project.ts'

const FIXTURE = path.join(REPO, 'test/fixtures/gfm')

async function edition() {
  const file = path.join(FIXTURE, 'content/harbour.md')
  const document = parseLoaded('harbour', new VFile({ path: file, value: readFileSync(file, 'utf8') }), 'en')
  const ui = parseCatalog(readFileSync(path.join(REPO, 'locales/en/ui.json')), 'locales/en/ui.json')
  const catalogs: Catalogs = new Map([['en', new Map([['ui', ui]])]])
  const prepared = await prepareEdition(document, 'en', { project: createProject(FIXTURE), i18n: await createI18n(toResources(catalogs), 'en'), catalogs, locales: ['en'] })
  if (!('hast' in prepared)) throw new Error('not prepared')
  return editionOf(prepared.hast, prepared.file)
}

const articleOf = (page: ReturnType<typeof pageTree>): Element => {
  let found: Element | undefined
  const walk = (node: { children?: unknown[] }) => {
    for (const child of (node.children ?? []) as Element[]) {
      if (child.type === 'element' && child.tagName === 'article') found ??= child
      else if (child.type === 'element') walk(child)
    }
  }
  walk(page)
  return found!
}

const sorted = (found: ReturnType<typeof charactersByFace>) => [...found].map(([face, { use, text }]) => [face, use, [...text].sort()] as const)

describe('the page read for its fonts', () => {
  it('holds the edition\'s article, leaves it unchanged, and has the written page\'s characters per face', async () => {
    const shown = await edition()
    const before = structuredClone(shown.hast)
    const options = { css: '', formats: [], imageHref: (local: string) => `media/${path.basename(local)}` }
    const shared = pageTree(shown, options, { shared: true })
    const body = articleOf(shared).children.slice(1)
    expect(body.length).toBe(shown.hast.children.length)
    body.forEach((node, index) => {
      expect(node).toBe(shown.hast.children[index])
    })
    expect(isDeepStrictEqual(shown.hast, before)).toBe(true)
    const written = pageTree(shown, options)
    expect(articleOf(written).children[1]).not.toBe(shown.hast.children[0])
    expect(JSON.stringify(written)).toContain('media/flag.png')
    expect(sorted(charactersByFace(shared, 'en'))).toEqual(sorted(charactersByFace(written, 'en')))
  })
})
