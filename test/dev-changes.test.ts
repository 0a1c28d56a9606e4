/** Which editions a save affects, and which paths the preview server will serve. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { planRebuild, viewedFirst, type FileEvent } from '../pipeline/dev/changes.ts'
import { fileInside } from '../pipeline/dev/server.ts'
import { keyAt } from '../pipeline/dev/key-at.ts'
import { isEditorLitter } from '../pipeline/dev/watcher.ts'
import { createProject } from '../pipeline/project.ts'
import { tempDir } from './helpers/project.ts'

const project = createProject('/p')
const templates = '/code/pipeline/templates'
const known = { docs: ['interview', 'profile'], locales: ['en', 'kk', 'ru'], sourceLocale: 'en' }
const plan = (...events: Array<[FileEvent['event'], string]>) =>
  planRebuild(events.map(([event, file]) => ({ event, file: file.startsWith('/code') ? file : path.join('/p', file) })), project, templates, known)
const names = (ids: Array<{ doc: string; locale: string }>) => ids.map((id) => `${id.locale}/${id.doc}`)

describe('planRebuild', () => {
  it('a translated catalog affects that language and document only', () => {
    const result = plan(['change', 'locales/kk/interview.json'])
    expect(result.catalogs).toEqual([{ locale: 'kk', ns: 'interview' }])
    expect(names(result.editions)).toEqual(['kk/interview'])
    expect(result.reload).toBe(false)
  })

  it('the source catalog is every language\'s register; a ui.json names its language everywhere', () => {
    expect(names(plan(['change', 'locales/en/interview.json']).editions)).toEqual(['en/interview', 'kk/interview', 'ru/interview'])
    const ui = plan(['change', 'locales/ru/ui.json'])
    expect(ui.catalogs).toEqual([{ locale: 'ru', ns: 'ui' }])
    expect(names(ui.editions).slice(0, 2)).toEqual(['ru/interview', 'ru/profile'])
    expect(ui.editions).toHaveLength(6)
  })

  it('a document is parsed again and rebuilt in every language', () => {
    const result = plan(['change', 'content/profile.md'])
    expect([...result.documents]).toEqual(['profile'])
    expect(names(result.editions)).toEqual(['en/profile', 'kk/profile', 'ru/profile'])
  })

  it('a new or removed document or locale reloads everything; a template or image rebuilds everything', () => {
    expect(plan(['add', 'content/new.md']).reload).toBe(true)
    expect(plan(['unlink', 'content/interview.md']).reload).toBe(true)
    expect(plan(['add', 'locales/de/ui.json']).reload).toBe(true)
    const css = plan(['change', '/code/pipeline/templates/edition.css'])
    expect(css.templates).toBe(true)
    expect(css.editions).toHaveLength(6)
    const image = plan(['change', 'content/images/portrait.png'])
    expect(image.assets).toBe(true)
    expect(image.documents.size).toBe(0)
    // Temporary files of tools such as `sed -i` are neither documents nor images.
    expect(plan(['add', 'content/sedX4fa0Q']).editions).toEqual([])
  })

  it('other files beside a locale\'s catalogs (records of outdated translations) re-render that locale', () => {
    expect(names(plan(['change', 'locales/kk/interview.sources.json']).editions)).toEqual(['kk/interview', 'kk/profile'])
    expect(plan(['change', 'README.md']).editions).toEqual([])
  })

  it('puts editions someone is looking at first', () => {
    const ids = plan(['change', 'content/interview.md']).editions
    expect(names(viewedFirst(ids, new Set(['/ru/interview.html'])))).toEqual(['ru/interview', 'en/interview', 'kk/interview'])
  })
})

describe('the preview server\'s files', () => {
  it('serves files inside its folder and nothing outside it, however the path is spelled', async () => {
    const base = tempDir('press-serve-')
    const root = path.join(base, 'preview')
    mkdirSync(path.join(root, 'kk'), { recursive: true })
    writeFileSync(path.join(root, 'index.html'), 'index')
    writeFileSync(path.join(root, 'kk/interview.html'), 'kk')
    writeFileSync(path.join(base, 'secret.txt'), 'secret')
    symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'kk/link.html'))
    expect(await fileInside(root, '/')).toBe(path.join(root, 'index.html'))
    expect(await fileInside(root, '/kk/interview.html')).toBe(path.join(root, 'kk/interview.html'))
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/kk/..%2f..%2fsecret.txt', '/kk/..\\..\\secret.txt', '/kk/link.html', '/kk', '/.%00/x', '/%E0%A4%A']) {
      expect({ attempt, file: await fileInside(root, attempt) }).toEqual({ attempt, file: undefined })
    }
  })

  it('ignores the swap and backup files editors leave beside the real one', () => {
    for (const name of ['.interview.json.swp', 'interview.json~', '4913', 'x.tmp']) expect(isEditorLitter(`/p/locales/kk/${name}`)).toBe(true)
    expect(isEditorLitter('/p/locales/kk/interview.json')).toBe(false)
  })
})

describe('keyAt', () => {
  it('names the key being edited where a syntax error is', () => {
    const text = '{\n  "p": {\n    "we-must": "Киберқылмыс,\n    "next": "x"\n  }\n}\n'
    expect(keyAt(text, 3, 16)).toBe('p.we-must')
    expect(keyAt(text, 1, 1)).toBeUndefined()
    expect(keyAt(text, 99, 1)).toBeUndefined()
  })
})
