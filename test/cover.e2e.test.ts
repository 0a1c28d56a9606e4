/**
 * The e-book's cover: a 1600×2400 PNG rasterised by resvg from the cover's
 * SVG with the edition's fonts (from npm, never the system), lines broken per
 * script, the byline's comma in the language's own punctuation, and the same
 * bytes from two builds.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { wrapBalanced } from '../pipeline/render/cover-lines.ts'
import { REPO, smallProject, tempDir } from './helpers/project.ts'

/** The small interview (test/fixtures/small-interview), built by every test here. */
const PROJECT = smallProject()

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png)
  expect(view.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) }
}

const estimate = (line: string) => [...line].reduce((sum, char) => sum + (/\p{Script=Han}|[\u3000-\u303f\uff00-\uffef]/u.test(char) ? 60 : 33), 0)

describe('cover lines', () => {
  it('keeps every word in order, each line within the width, lines balanced', () => {
    const title = 'AI and cybercrime: Former INTERPOL Secretary General on why Kazakhstan’s leadership matters'
    const lines = wrapBalanced(title, estimate, 900, 'en')
    expect(lines.join(' ')).toBe(title)
    for (const line of lines) expect(estimate(line)).toBeLessThanOrEqual(900)
    const widths = lines.map(estimate)
    expect(Math.min(...widths.slice(0, -1))).toBeGreaterThan(Math.max(...widths) * 0.6)
  })

  it('breaks Chinese only between words: 犯罪 is never split', () => {
    const title = '人工智能与网络犯罪：国际刑警组织前秘书长谈哈萨克斯坦引领作用的重要意义'
    for (const width of [300, 420, 480, 540, 600, 660, 720, 900]) {
      const lines = wrapBalanced(title, estimate, width, 'zh')
      expect(lines.join('')).toBe(title)
      for (const [index, line] of lines.entries()) {
        if (index > 0) expect(lines[index - 1]!.endsWith('犯') && line.startsWith('罪')).toBe(false)
        expect(line.startsWith('：')).toBe(false)
      }
    }
  })
})

describe('the cover in every EPUB', () => {
  let first: string
  let second: string
  beforeAll(async () => {
    first = tempDir('press-cover-a-')
    second = tempDir('press-cover-b-')
    await build({ root: PROJECT, out: first, formats: ['epub'], force: true })
    await build({ root: PROJECT, out: second, formats: ['epub'], force: true })
  })

  const entry = async (out: string, locale: string, name: string) =>
    (await JSZip.loadAsync(readFileSync(path.join(out, locale, 'interview.epub')))).file(`OEBPS/${name}`)?.async('nodebuffer')

  it('is a 1600×2400 PNG, declared as the cover image, with its alt text, byte-identical across two builds', async () => {
    for (const locale of ['en', 'ar', 'kk', 'ru', 'zh']) {
      const png = await entry(first, locale, 'cover.png')
      expect(png, locale).toBeDefined()
      expect(pngSize(png!)).toEqual({ width: 1600, height: 2400 })
      expect(Buffer.compare(png!, (await entry(second, locale, 'cover.png'))!), locale).toBe(0)
      const opf = (await entry(first, locale, 'content.opf'))!.toString()
      expect(opf).toMatch(/href="cover.png" media-type="image\/png" properties="cover-image"/)
      const page = (await entry(first, locale, 'cover.xhtml'))!.toString()
      expect(page).toMatch(/<img src="cover.png" alt="[^"]{20,}"/)
    }
  })
})

describe('resvg', () => {
  it('is loaded to rasterise a cover, and not by a build whose covers are all in the cache', () => {
    const project = smallProject()
    const hook = path.join(tempDir('press-resvg-'), 'hook.cjs')
    writeFileSync(hook, "process.on('exit', () => process.stderr.write('resvg loaded: ' + Object.keys(require('node:module')._cache).some((file) => file.includes('@resvg')) + '\\n'))\n")
    const loaded = () => {
      const child = spawnSync(process.execPath, ['-r', hook, path.join(REPO, 'bin/press.mjs'), 'build', '--quiet', '--format', 'epub', '--locale', 'en', '--force'], { cwd: project, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
      expect(child.status, child.stderr).toBe(0)
      return /resvg loaded: (true|false)/.exec(child.stderr)?.[1]
    }
    expect(loaded()).toBe('true')
    expect(loaded()).toBe('false')
  })
})
