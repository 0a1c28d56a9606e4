/**
 * The same inputs give the same bytes: two builds in two folders, at
 * different times and in different time zones, publish identical files;
 * images included, whose names come from their bytes, not their folder.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { runCli } from './helpers/cli.ts'
import { makePng } from './helpers/png.ts'
import { gfmProject, makeProject, smallProject, tempDir } from './helpers/project.ts'
import { readEpub } from './helpers/read-back.ts'

function buildIn(root: string, env: Record<string, string>): Map<string, string> {
  const child = runCli(root, ['--quiet'], env)
  expect(child.code, child.stderr).toBe(0)
  const manifest = JSON.parse(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> }
  return new Map(manifest.files.map((entry) => [entry.path, entry.sha256]))
}

describe('reproducible builds', () => {
  it('publishes byte-identical HTML, EPUB and PDF from the same inputs', () => {
    const first = buildIn(smallProject(), { SOURCE_DATE_EPOCH: '1700000000', TZ: 'UTC' })
    const second = buildIn(smallProject(), { SOURCE_DATE_EPOCH: '1700000000', TZ: 'Asia/Almaty' })
    expect([...first.keys()].filter((file) => /\.(html|epub|pdf)$/.test(file)).length).toBeGreaterThanOrEqual(9)
    expect(second).toEqual(first)
  })

  it('changes the bytes when the date changes, so the date really is in them', () => {
    const first = buildIn(smallProject(), { SOURCE_DATE_EPOCH: '1700000000' })
    const later = buildIn(smallProject(), { SOURCE_DATE_EPOCH: '1800000000' })
    expect(later.get('en/interview.epub')).not.toBe(first.get('en/interview.epub'))
    expect(later.get('en/interview.pdf')).not.toBe(first.get('en/interview.pdf'))
  })
})

/** Every published file of the English editions (path → bytes), built in-process. */
async function englishIn(root: string): Promise<Map<string, Buffer>> {
  const result = await build({ root, locales: ['en'] })
  expect(result.failures).toEqual([])
  return new Map(result.written.map((entry) => [entry.path, readFileSync(path.join(root, 'output', entry.path))]))
}

describe('reproducible builds of a document with images', () => {
  it('publishes the same bytes from two folders: HTML, its media, EPUB and PDF', async () => {
    const near = gfmProject(tempDir())
    const far = path.join(tempDir(), 'a folder', 'further down')
    mkdirSync(far, { recursive: true })
    const first = await englishIn(near)
    const second = await englishIn(gfmProject(far))
    expect([...first.keys()].filter((file) => /\.(html|epub|pdf|png|jpg)$/.test(file)).length).toBeGreaterThanOrEqual(5)
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort())
    for (const [file, bytes] of first) expect(second.get(file)?.equals(bytes), file).toBe(true)
  })

  it('packs two image files with the same bytes into the EPUB once, and each image its own file', async () => {
    const root = makeProject({
      'content/harbour.md': '# Harbour\n\nA flag ![Blue flag](images/flag.png), the same flag ![Blue flag again](images/copy.png) and a red one ![Red flag](images/red.png).\n',
      'content/images/flag.png': makePng(8, 6, [20, 60, 200]),
      'content/images/copy.png': makePng(8, 6, [20, 60, 200]),
      'content/images/red.png': makePng(8, 6, [200, 20, 20])
    })
    const result = await build({ root, formats: ['epub'] })
    expect(result.failures).toEqual([])
    const { zip, opf } = await readEpub(readFileSync(path.join(root, 'output/en/harbour.epub')))
    const files = Object.keys(zip.files).filter((name) => name.startsWith('OEBPS/images/') && !name.endsWith('/'))
    expect(files).toHaveLength(2)
    const listed = [...opf.matchAll(/href="(images\/[^"]+)"/g)].map((match) => `OEBPS/${match[1]}`)
    expect(listed.sort()).toEqual(files.sort())
    const xhtml = await zip.file('OEBPS/harbour.xhtml')!.async('string')
    const sources = [...xhtml.matchAll(/<img [^>]*src="([^"]+)"/g)].map((match) => `OEBPS/${match[1]}`)
    expect(sources).toHaveLength(3)
    expect(sources[0]).toBe(sources[1])
    expect(sources[2]).not.toBe(sources[0])
    for (const source of sources) expect(files).toContain(source)
  })
})
