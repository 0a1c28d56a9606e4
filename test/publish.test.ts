/**
 * The build's publisher: a file whose bytes did not change is not written
 * again (README, "What npm run build:all writes"); files are flushed while
 * the build goes on, but renamed into place in the order published, a page
 * only after the files it links, and not at all if one of them failed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { NotPublished, openOutput } from '../pipeline/output/publish.ts'

const folder = () => path.join(mkdtempSync(path.join(tmpdir(), 'press-publish-')), 'out')
const listed = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> }).files

describe('openOutput().publish', () => {
  it('leaves a file with the same bytes as it is (its date too), and writes one whose bytes changed', async () => {
    const dir = folder()
    {
      await using output = await openOutput(dir)
      await output.publish('en/a.html', 'same', 'a', 'en', 'html')
      await output.publish('en/b.html', 'old', 'b', 'en', 'html')
    }
    const past = new Date(Date.UTC(2001, 0, 1))
    for (const name of ['en/a.html', 'en/b.html']) utimesSync(path.join(dir, name), past, past)
    {
      await using output = await openOutput(dir)
      await output.publish('en/a.html', 'same', 'a', 'en', 'html')
      await output.publish('en/b.html', 'new', 'b', 'en', 'html')
      expect(output.written.map((entry) => entry.path)).toEqual(['en/a.html', 'en/b.html'])
    }
    expect(statSync(path.join(dir, 'en/a.html')).mtime).toEqual(past)
    expect(statSync(path.join(dir, 'en/b.html')).mtime).not.toEqual(past)
  })

  it('renames files into place in the order published, however long each takes to flush, the manifest listing each as it lands', async () => {
    const dir = folder()
    await using output = await openOutput(dir)
    // The book takes far longer to write and flush than the page published after it.
    const book = randomBytes(24 * 1024 * 1024)
    const seen: string[][] = []
    const look = (name: string) => () => {
      seen.push([name, ...['en/a.pdf', 'en/a.html'].filter((file) => existsSync(path.join(dir, file)))])
      expect(listed(dir).map((entry) => entry.path)).toContain(name)
    }
    const pdf = output.publish('en/a.pdf', book, 'a', 'en', 'pdf').then(look('en/a.pdf'))
    const page = output.publish('en/a.html', '<a href="a.pdf">', 'a', 'en', 'html').then(look('en/a.html'))
    await Promise.all([pdf, page])
    expect(seen).toEqual([['en/a.pdf', 'en/a.pdf'], ['en/a.html', 'en/a.pdf', 'en/a.html']])
    expect(output.written.map((entry) => entry.path)).toEqual(['en/a.pdf', 'en/a.html'])
  })

  it('does not publish a page when a file it links could not be published: the previous page stays, listed', async () => {
    const dir = folder()
    {
      await using output = await openOutput(dir)
      await output.publish('en/a.html', 'old page', 'a', 'en', 'html')
    }
    // Nothing can be renamed onto a folder: the PDF's publishing fails once its bytes are flushed.
    mkdirSync(path.join(dir, 'en/a.pdf/inside'), { recursive: true })
    writeFileSync(path.join(dir, 'en/a.pdf/inside/file'), 'x')
    await using output = await openOutput(dir)
    const pdf = output.publish('en/a.pdf', 'book', 'a', 'en', 'pdf')
    const page = output.publish('en/a.html', 'new page linking a.pdf', 'a', 'en', 'html', [pdf])
    await expect(pdf).rejects.toThrow(/Cannot write .*a\.pdf/)
    const refused = await page.catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(NotPublished)
    expect((refused as NotPublished).cause).toBe(await pdf.catch((error: unknown) => error))
    expect(readFileSync(path.join(dir, 'en/a.html'), 'utf8')).toBe('old page')
    expect(listed(dir).map((entry) => entry.path)).toEqual(['en/a.html'])
    expect(output.written).toEqual([])
    // Published again once its links are made again: the publisher has not kept the refusal.
    await output.publish('en/a.html', 'new page', 'a', 'en', 'html')
    expect(readFileSync(path.join(dir, 'en/a.html'), 'utf8')).toBe('new page')
  })

  it('throws once the output is closed, and writes nothing', async () => {
    const dir = folder()
    const output = await openOutput(dir)
    await output.publish('en/a.html', 'before', 'a', 'en', 'html')
    await output.close()
    const manifest = readFileSync(path.join(dir, 'manifest.json'), 'utf8')
    expect(() => output.publish('en/b.html', 'after', 'b', 'en', 'html')).toThrow(/en\/b\.html after the output folder .* was closed/)
    expect(() => output.retract('en/a.html')).toThrow(/en\/a\.html after the output folder .* was closed/)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(existsSync(path.join(dir, 'en/b.html'))).toBe(false)
    expect(existsSync(path.join(dir, 'en/a.html'))).toBe(true)
    expect(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toBe(manifest)
  })
})
