/**
 * The index reads the folder: each file's size from the manifest and a PDF's
 * page count from the file itself. So it is made only once every edition is
 * in place. Here the PDF is slow to write (its temporary file takes half a
 * second to open, as on a busy disk): the index still lists it, with the size
 * and page count of the file in the folder, on a first build and after a
 * change that adds pages.
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it, vi } from 'vitest'
import { build } from '../pipeline/build.ts'
import { isTemporary } from '../pipeline/output/write-atomic.ts'
import { smallProject } from './helpers/project.ts'

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...fs,
    open: async (file: string, ...rest: Parameters<typeof fs.open> extends [unknown, ...infer R] ? R : never) => {
      // The PDF on its way into the output folder, not the cache's copy.
      if (isTemporary(String(file)) && path.basename(String(file)).startsWith('.interview.pdf.')) await sleep(500)
      return fs.open(file, ...rest)
    }
  }
})

/** What the index says of a file: `(48 kB, 3 pages)`. */
function details(index: string, file: string): string | undefined {
  return new RegExp(`<a href="${file.replace('.', '\\.')}"[^>]*>[^<]*</a> <span class="details">\\(([^)]*)\\)`).exec(index)?.[1]
}

function expected(out: string, file: string): string {
  const kilobytes = Math.max(1, Math.round(statSync(path.join(out, file)).size / 1024))
  if (!file.endsWith('.pdf')) return `${kilobytes} kB`
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path.join(out, file)], { encoding: 'utf8' }))![1])
  return `${kilobytes} kB, ${pages} pages`
}

describe('the index', () => {
  it('is made after the last edition is in place: it lists a slow PDF with the size and pages of the file in the folder', async () => {
    const root = smallProject()
    const out = path.join(root, 'output')
    expect((await build({ root, locales: ['en'] })).failures).toEqual([])
    let index = readFileSync(path.join(out, 'index.html'), 'utf8')
    for (const file of ['en/interview.epub', 'en/interview.pdf']) expect(details(index, file), file).toBe(expected(out, file))
    const pages = expected(out, 'en/interview.pdf')

    // More text, more pages: the index must not describe the PDF the folder held before.
    appendFileSync(path.join(root, 'content/interview.md'), `\n${Array.from({ length: 12 }, (_, n) => `A further paragraph, number ${n + 1}, long enough to fill a few lines of the printed page with words that carry no meaning beyond their length and their count.`).join('\n\n')}\n`)
    expect((await build({ root, locales: ['en'] })).failures).toEqual([])
    index = readFileSync(path.join(out, 'index.html'), 'utf8')
    expect(expected(out, 'en/interview.pdf')).not.toBe(pages)
    for (const file of ['en/interview.epub', 'en/interview.pdf']) expect(details(index, file), file).toBe(expected(out, file))
  })
})
