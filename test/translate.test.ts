import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseLoaded } from '../pipeline/content/load-document.ts'
import { phrasingToMarkdown } from '../pipeline/content/markdown.ts'
import { parseCatalog } from '../pipeline/i18n/catalog.ts'
import { createI18n } from '../pipeline/i18n/create-i18n.ts'
import { sourceEntries } from '../pipeline/segments/keyed-units.ts'
import { translateTree } from '../pipeline/plugins/remark-translate.ts'
import { nest } from '../pipeline/i18n/catalog.ts'
import type { Paragraph } from 'mdast'

const SOURCE = '---\ntitle: Hello\n---\n\nWe *must* read [this](https://example.org/a).\n\nSecond paragraph.\n'

async function translate(kk: Record<string, unknown>) {
  const document = parseLoaded('doc', new VFile({ path: 'content/doc.md', value: SOURCE }), 'en')
  const register = sourceEntries(document.tree, document.meta, new Map())
  const kkText = JSON.stringify(kk, null, 2)
  const catalog = parseCatalog(new TextEncoder().encode(kkText), 'locales/kk/doc.json')
  const i18n = await createI18n({ en: { ui: {}, doc: nest(register) }, kk: { ui: {}, doc: catalog.resources } }, 'en')
  const tree = structuredClone(document.tree)
  const meta = structuredClone(document.meta)
  const file = new VFile({ path: 'content/doc.md' })
  const report = translateTree(tree, meta, file, { i18n, doc: 'doc', locale: 'kk', sourceLocale: 'en', register, catalog })
  return { tree, meta, file, report, register }
}

describe('translateTree', () => {
  it('replaces every unit with its translation, keeping inline markup', async () => {
    const { tree, meta, file } = await translate({
      meta: { title: 'Сәлем' },
      p: { 'we-must-read-this': 'Біз [мұны](https://example.org/a) *міндетті* түрде оқимыз.', 'second-paragraph': 'Екінші абзац.' }
    })
    expect(meta.title).toBe('Сәлем')
    const paragraphs = tree.children.filter((node): node is Paragraph => node.type === 'paragraph')
    expect(paragraphs.map((node) => phrasingToMarkdown(node.children))).toEqual([
      'Біз [мұны](https://example.org/a) *міндетті* түрде оқимыз.',
      'Екінші абзац.'
    ])
    expect(paragraphs[0]!.children.map((node) => node.type)).toEqual(['text', 'link', 'text', 'emphasis', 'text'])
    expect(file.messages).toEqual([])
  })

  it('falls back to the source for a missing key and says which key and file', async () => {
    const { tree, file, report } = await translate({ meta: { title: 'Сәлем' }, p: { 'we-must-read-this': 'Біз оқимыз.' } })
    expect(report.missing).toEqual(['p.second-paragraph'])
    expect(tree.children).toHaveLength(2)
    const message = file.messages[0]!
    expect(message.reason).toBe('Missing translation for `p.second-paragraph` in locales/kk/doc.json, using the source text')
    expect(message.ruleId).toBe('missing-translation')
    expect(message.line).toBe(7)
    expect(phrasingToMarkdown((tree.children[1] as Paragraph).children)).toBe('Second paragraph.')
  })

  it('treats an empty value as missing', async () => {
    const { report } = await translate({ meta: { title: '' }, p: { 'we-must-read-this': 'Біз оқимыз.', 'second-paragraph': 'Екінші.' } })
    expect(report.missing).toEqual(['meta.title'])
  })

  it('does not interpolate content: braces in a translation are text', async () => {
    const { tree } = await translate({ meta: { title: 'X' }, p: { 'we-must-read-this': 'Мән {{count}} $t(meta.title)', 'second-paragraph': 'Е.' } })
    expect(phrasingToMarkdown((tree.children[0] as Paragraph).children)).toBe('Мән {{count}} $t(meta.title)')
  })
})
