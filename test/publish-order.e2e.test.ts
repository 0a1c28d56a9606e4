/**
 * The build writes each file while it makes the next, and still publishes a
 * page only after the e-book and PDF it links. When one of them cannot be
 * put in place (here a folder stands where the PDF goes), the page is made
 * again without that link and published, the index does not list the PDF,
 * and the failure is the PDF's alone. The same when the cache cannot keep
 * an edition's copy: the e-book and PDF are written while the cache is, and
 * published only if it could.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { smallProject } from './helpers/project.ts'

describe('a PDF that cannot be published', () => {
  it('leaves its page published without the link, the index without it, and fails alone', async () => {
    const root = smallProject()
    const out = path.join(root, 'output')
    // The folder is the tool's (an earlier build wrote its page), and then something stands where the PDF goes.
    expect((await build({ root, locales: ['en'], formats: ['html'] })).failures).toEqual([])
    expect(readFileSync(path.join(out, 'en/interview.html'), 'utf8')).not.toContain('interview.epub')
    mkdirSync(path.join(out, 'en/interview.pdf/inside'), { recursive: true })
    writeFileSync(path.join(out, 'en/interview.pdf/inside/file'), 'in the way')
    const result = await build({ root, locales: ['en'] })
    expect(result.failures.map((failure) => `${failure.locale}/${failure.format}`)).toEqual(['en/pdf'])
    expect(result.failures[0]!.reason).toMatch(/Cannot write .*en\/interview\.pdf/)
    const page = readFileSync(path.join(out, 'en/interview.html'), 'utf8')
    expect(page).toContain('href="interview.epub"')
    expect(page).not.toContain('interview.pdf')
    expect(result.written.map((entry) => entry.path)).toEqual(expect.arrayContaining(['en/interview.epub', 'en/interview.html', 'index.html']))
    const index = readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(index).toContain('en/interview.epub')
    expect(index).not.toContain('en/interview.pdf')
    const listed = (JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: Array<{ path: string }> }).files.map((entry) => entry.path)
    expect(listed).not.toContain('en/interview.pdf')
  })

  it('is not published either when the cache cannot keep its copy, nor linked', async () => {
    const root = smallProject()
    const out = path.join(root, 'output')
    mkdirSync(path.join(root, '.cache'), { recursive: true })
    writeFileSync(path.join(root, '.cache/editions'), 'a file where the edition cache goes')
    const result = await build({ root, locales: ['en'] })
    expect(result.failures.map((failure) => `${failure.locale}/${failure.format}`).sort()).toEqual(['en/epub', 'en/pdf'])
    // The cache's own error, in its words, for each.
    for (const failure of result.failures) expect(failure.reason).toMatch(/^Cannot create \S+\.cache\/editions: a file is in the way/)
    expect(existsSync(path.join(out, 'en/interview.epub'))).toBe(false)
    expect(existsSync(path.join(out, 'en/interview.pdf'))).toBe(false)
    const page = readFileSync(path.join(out, 'en/interview.html'), 'utf8')
    expect(page).not.toMatch(/interview\.(epub|pdf)/)
  })
})
