/**
 * What is published equals what the sources hold: a document deleted from
 * content/, a language moved out of locales/, and pseudo-locale editions are
 * removed from the output folder, its manifest and its index by the next
 * build of every language, which says so. Extract reports catalogs of
 * deleted documents.
 */
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { makeProject, REPO } from './helpers/project.ts'

const doc = (title: string) => `---\ntitle: ${title}\n---\n\nSome text of ${title}.\n`
const manifestPaths = (root: string) => (JSON.parse(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')) as { files: Array<{ path: string }> }).files.map((entry) => entry.path)

describe('publishing state', () => {
  it('removes editions of deleted documents, removed languages and the pseudo-locale, with their manifest entries and links', async () => {
    const root = makeProject({ 'content/keep.md': doc('Keep'), 'content/temp.md': doc('Temp') })
    cpSync(path.join(REPO, 'locales/kk/ui.json'), path.join(root, 'locales/kk/ui.json'))
    await extract(root)
    expect((await build({ root, formats: ['html'] })).failures).toEqual([])
    expect((await build({ root, formats: ['html'], locales: ['en-XA'] })).failures).toEqual([])
    for (const file of ['en/temp.html', 'kk/keep.html', 'en-XA/keep.html']) expect(manifestPaths(root)).toContain(file)
    // A build of one language keeps the pseudo-locale it was not asked about.
    expect((await build({ root, formats: ['html'], locales: ['en'] })).removed).toEqual([])

    rmSync(path.join(root, 'content/temp.md'))
    rmSync(path.join(root, 'locales/kk'), { recursive: true })
    const lines: string[] = []
    const result = await build({ root, formats: ['html'], log: (line) => lines.push(line) })
    expect(result.failures).toEqual([])
    expect(result.removed.sort()).toEqual(['en-XA/keep.html', 'en-XA/temp.html', 'en/temp.html', 'kk/keep.html', 'kk/temp.html'])
    expect(lines).toContain('  removed en/temp.html (content/temp.md is gone)')
    expect(lines).toContain('  removed kk/keep.html (locales/kk/ui.json is gone)')
    expect(lines).toContain('  removed en-XA/keep.html (the pseudo-locale en-XA is built only when asked for)')
    for (const file of result.removed) expect(existsSync(path.join(root, 'output', file)), file).toBe(false)
    expect(manifestPaths(root).filter((file) => file.endsWith('.html') && file.includes('/'))).toEqual(['en/keep.html'])
    const index = readFileSync(path.join(root, 'output/index.html'), 'utf8')
    expect(index).toContain('en/keep.html')
    expect(index).not.toMatch(/temp\.html|kk\/|en-XA/)

    const { orphans } = await extract(root)
    expect(orphans).toEqual(['locales/en/temp.json'])
  })
})
