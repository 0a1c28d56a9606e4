/**
 * A parsed document read back from .cache/documents/ must be the parse of
 * the same text: the same tree and front matter as parsing it, a new parse
 * for a changed text or a damaged entry, and nothing kept for a document
 * whose parse gave a warning (it must be printed from the parse every time).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadDocument } from '../pipeline/content/load-document.ts'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function project(markdown: string): { doc: string; cacheDir: string; entries: () => string[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'press-docs-'))
  folders.push(root)
  mkdirSync(path.join(root, 'content'))
  const doc = path.join(root, 'content', 'doc.md')
  writeFileSync(doc, markdown)
  const cacheDir = path.join(root, '.cache')
  const entries = () => {
    try {
      return readdirSync(path.join(cacheDir, 'documents')).map((name) => path.join(cacheDir, 'documents', name))
    } catch {
      return []
    }
  }
  return { doc, cacheDir, entries }
}

const MARKDOWN = '---\ntitle: The *title*\ncredits:\n  - "photo: X"\n---\n\n:::question\nWhy?\n:::\n\nBecause [that](https://example.org)[^1].\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[^1]: A note.\n'

describe('parsed documents kept in .cache/', () => {
  it('reads back the same tree and front matter as a parse of the same text', async () => {
    const { doc, cacheDir, entries } = project(MARKDOWN)
    const parsed = await loadDocument(doc, 'en')
    const first = await loadDocument(doc, 'en', cacheDir)
    expect(entries()).toHaveLength(1)
    const second = await loadDocument(doc, 'en', cacheDir)
    for (const loaded of [first, second]) {
      expect(loaded.tree).toStrictEqual(parsed.tree)
      expect(loaded.meta).toStrictEqual(parsed.meta)
      expect(loaded.file.messages).toEqual([])
    }
    // Read back, not parsed again: what the entry holds is what the load gives.
    const [entry] = entries()
    const { key } = JSON.parse(readFileSync(entry!, 'utf8')) as { key: string }
    writeFileSync(entry!, JSON.stringify({ key, tree: { type: 'root', children: [] }, meta: { ...parsed.meta, title: 'Kept' } }))
    expect((await loadDocument(doc, 'en', cacheDir)).meta.title).toBe('Kept')
  })

  it('parses again for another text, language, or a damaged entry', async () => {
    const { doc, cacheDir, entries } = project(MARKDOWN)
    await loadDocument(doc, 'en', cacheDir)
    writeFileSync(doc, MARKDOWN.replace('Why?', 'Why not?'))
    expect(JSON.stringify((await loadDocument(doc, 'en', cacheDir)).tree)).toContain('Why not?')
    expect((await loadDocument(doc, 'kk', cacheDir)).meta.lang).toBe('kk')
    const parsed = await loadDocument(doc, 'en')
    for (const entry of entries()) writeFileSync(entry, '{"tree": {"type": "root"')
    expect((await loadDocument(doc, 'en', cacheDir)).tree).toStrictEqual(parsed.tree)
    for (const entry of entries()) writeFileSync(entry, JSON.stringify({ tree: { type: 'paragraph' }, meta: parsed.meta }))
    expect((await loadDocument(doc, 'en', cacheDir)).tree).toStrictEqual(parsed.tree)
  })

  it('keeps one entry per document, its latest parse: edits replace it', async () => {
    const { doc, cacheDir, entries } = project(MARKDOWN)
    for (const answer of ['Why?', 'Why not?', 'Because.', 'Why?']) {
      writeFileSync(doc, MARKDOWN.replace('Why?', answer))
      expect(JSON.stringify((await loadDocument(doc, 'en', cacheDir)).tree)).toContain(answer)
      expect(entries()).toHaveLength(1)
    }
    // The entry of another text is not this one's, even for the same document.
    writeFileSync(doc, MARKDOWN.replace('Why?', 'Later.'))
    expect(JSON.stringify((await loadDocument(doc, 'en', cacheDir)).tree)).toContain('Later.')
  })

  it('keeps nothing for a document whose parse warns, and warns on every load', async () => {
    const { doc, cacheDir, entries } = project('# Title\n\n:::unknown\nText.\n:::\n')
    for (let load = 0; load < 2; load++) {
      const loaded = await loadDocument(doc, 'en', cacheDir)
      expect(loaded.file.messages.map((message) => message.ruleId)).toEqual(['unknown-directive'])
    }
    expect(entries()).toEqual([])
  })
})
