/**
 * A build with no cut fonts asks for every page's WOFF2 subsets (the five
 * pages and the status page) before it writes its first PDF, so a Chinese
 * page's are compressed off the main thread while the PDFs are set; and it asks for none it
 * does not publish: the pages it cut ahead are the pages it wrote.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { woff2Jobs } from '../pipeline/render/fonts/woff2.ts'
import { smallProject, tempDir } from './helpers/project.ts'

it('asks for the pages’ fonts before the first PDF, and only those it publishes', async () => {
  const root = smallProject()
  const out = tempDir('press-ahead-')
  const before = woff2Jobs().asked
  let askedAtFirstPdf: number | undefined
  const result = await build({
    root, out, formats: ['html', 'pdf'],
    log: (line) => {
      if (askedAtFirstPdf === undefined && line.includes('.pdf')) askedAtFirstPdf = woff2Jobs().asked - before
    }
  })
  expect(result.failures).toEqual([])
  const linked = (page: string) => [...readFileSync(path.join(out, page), 'utf8').matchAll(/url\("(?:\.\.\/)?fonts\/([^"]+\.woff2)"\)/g)].map((match) => match[1]!)
  const pages = [...['ar', 'en', 'kk', 'ru', 'zh'].map((locale) => `${locale}/interview.html`), 'status.html']
  const pageFonts = new Set(pages.flatMap(linked))
  expect(pageFonts.size).toBeGreaterThan(10)
  expect(askedAtFirstPdf).toBeGreaterThanOrEqual(pageFonts.size)
  const published = readdirSync(path.join(out, 'fonts')).filter((name) => name.endsWith('.woff2'))
  const cut = readdirSync(path.join(root, '.cache', 'fonts')).filter((name) => name.endsWith('.woff2'))
  expect(woff2Jobs().asked - before).toBe(published.length)
  expect(cut).toHaveLength(published.length)
})
