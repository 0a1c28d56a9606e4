/**
 * The build writes each file while it makes the next, and still publishes a
 * page only after the e-book and PDF it links. When one of them cannot be
 * put in place (here a folder stands where the PDF goes), the page is made
 * again without that link and published, the index does not list the PDF,
 * and the failure is the PDF's alone. The same when the cache cannot keep
 * an edition's copy: the e-book and PDF are written while the cache is, and
 * published only if it could.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { StoppedBuild } from '../pipeline/report.ts'
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

describe('a build stopped by an error while a page is made again', () => {
  it('writes nothing once the lock is gone, and reports both errors', async () => {
    const root = smallProject()
    const out = path.join(root, 'output')
    // Only PDFs: the web fonts cut are the status page's and the index's (no page has any yet).
    expect((await build({ root, locales: ['en', 'zh'], formats: ['pdf'] })).failures).toEqual([])
    const fonts = path.join(root, '.cache/fonts')
    const pageFonts = readdirSync(fonts).filter((name) => name.endsWith('.woff2'))
    expect(pageFonts.length).toBeGreaterThan(0)
    // Folders where those fonts are kept (the status page cannot be dressed) and where the zh PDF goes
    // (its page is made again without the link, after the PDF's rename failed).
    for (const name of pageFonts) {
      rmSync(path.join(fonts, name))
      mkdirSync(path.join(fonts, name, 'inside'), { recursive: true })
    }
    rmSync(path.join(out, 'zh/interview.pdf'))
    mkdirSync(path.join(out, 'zh/interview.pdf/inside'), { recursive: true })
    writeFileSync(path.join(out, 'zh/interview.pdf/inside/file'), 'in the way')

    const stopped = await build({ root, locales: ['en', 'zh'] }).then(() => undefined, (error: unknown) => error)
    // What the folder is as the build ends: the lock released, and nothing written after it.
    const snapshot = () => readdirSync(out, { recursive: true, encoding: 'utf8' }).sort().map((name) => {
      const stats = statSync(path.join(out, name))
      return `${name} ${stats.isFile() ? `${stats.size} ${stats.mtimeMs}` : 'folder'}`
    })
    const ended = snapshot()
    expect(existsSync(path.join(out, '.lock'))).toBe(false)
    // The zh page, made again without the PDF's link, was in place before the lock went.
    expect(readFileSync(path.join(out, 'zh/interview.html'), 'utf8')).not.toContain('interview.pdf')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(snapshot()).toEqual(ended)
    // Both errors: the one that stopped the build (the font cache's) and the zh PDF's.
    expect(stopped).toBeInstanceOf(StoppedBuild)
    const error = stopped as StoppedBuild
    expect(error.message).toMatch(/\.cache\/fonts\/\w+\.woff2/)
    expect(error.failures.map((failure) => `${failure.locale}/${failure.format}`)).toEqual(['zh/pdf'])
    expect(error.failures[0]!.reason).toMatch(/Cannot write .*zh\/interview\.pdf/)
  })
})
