/**
 * Values are checked before they are used: SOURCE_DATE_EPOCH must be whole
 * seconds a zip file can date (1980–2107), --locale and --format lists have
 * no empty items and count a repeated item once, and images are checked by
 * their content (data vs name, decodable, size) before any writer, with the
 * line of the Markdown that names them.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { runCli } from './helpers/cli.ts'
import { makePng } from './helpers/png.ts'
import { makeProject } from './helpers/project.ts'
import { readEpub } from './helpers/read-back.ts'

const DOC = '---\ntitle: Values\n---\n\nText.\n'

describe('SOURCE_DATE_EPOCH', () => {
  it('refuses anything but whole seconds from 1980 to 2107 with one line and exit 2', () => {
    const root = makeProject({ 'content/doc.md': DOC })
    for (const value of ['abc', '-1', '1.5', '99999999999999', '0', '315532799', ' 1700000000']) {
      const { code, stderr, stdout } = runCli(root, ['--format', 'html'], { SOURCE_DATE_EPOCH: value })
      expect(code, value).toBe(2)
      expect(stderr.trim().split('\n'), value).toHaveLength(1)
      expect(stderr).toContain('error: Unexpected SOURCE_DATE_EPOCH=')
      expect(stderr).toContain('expected whole seconds since 1970 between 315532800 (1980-01-01) and 4354819198 (2107-12-31)')
      expect(stdout).toBe('')
    }
    expect(runCli(root, ['--format', 'html'], { SOURCE_DATE_EPOCH: '315532800' }).code).toBe(0)
  })
})

describe('--locale and --format lists', () => {
  it('refuses an empty item, and builds a repeated one once with a note', () => {
    const root = makeProject({ 'content/doc.md': DOC })
    for (const args of [['--locale', ','], ['--locale', 'en,,en'], ['--format', ''], ['--format', 'html,']]) {
      const { code, stderr } = runCli(root, args)
      expect(code, args.join(' ')).toBe(2)
      expect(stderr).toMatch(/^error: Unexpected empty item in --(locale|format) ".*", expected names separated by single commas/)
    }
    const { code, stderr, stdout } = runCli(root, ['--locale', 'en,en', '--locale', 'en', '--format', 'html,html'])
    expect(code).toBe(0)
    expect(stderr).toContain('note: --locale names en more than once; each is built once')
    expect(stderr).toContain('note: --format names html more than once; each is built once')
    expect(stdout).toMatch(/^1 edition written/m)
    expect(stdout.match(/wrote en\/doc\.html/g)).toHaveLength(1)
  })
})

describe('images by their content', () => {
  it('a PNG named .jpg, a damaged or cut PNG, JPEG data named .png and a giant are refused at their line; every format still builds', async () => {
    const good = makePng(4, 4, [10, 120, 200])
    const damaged = Buffer.from(good)
    damaged.fill(0x5a, 45, 52) // inside the IDAT chunk's compressed pixels
    const root = makeProject({
      'content/doc.md': `${DOC}\n![misnamed](images/photo.jpg)\n\n![damaged](images/damaged.png)\n\n![cut](images/cut.png)\n\n![jpeg](images/jpeg.png)\n\n![giant](images/giant.png)\n\n![fine](images/fine.png)\n`,
      'content/images/photo.jpg': good,
      'content/images/damaged.png': damaged,
      'content/images/cut.png': good.subarray(0, good.length - 20),
      'content/images/jpeg.png': Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
      'content/images/giant.png': makePng(12_001, 1, [0, 0, 0]),
      'content/images/fine.png': good
    })
    const result = await build({ root })
    expect(result.failures).toEqual([])
    const messages = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'image-path')
    expect([...new Set(messages.map((message) => `${path.relative(root, message.file ?? '')}:${message.line}: ${message.reason}`))]).toEqual([
      'content/doc.md:7: Unexpected PNG data in image `images/photo.jpg`, expected JPEG as its name says: rename it to .png',
      expect.stringMatching(/^content\/doc\.md:9: Cannot decode image `images\/damaged\.png` \(.+\): the file is damaged, export it again$/),
      expect.stringMatching(/^content\/doc\.md:11: Cannot decode image `images\/cut\.png` \(.+\): the file is damaged, export it again$/),
      'content/doc.md:13: Unexpected JPEG data in image `images/jpeg.png`, expected PNG as its name says: rename it to .jpg',
      'content/doc.md:15: Unexpected size 12001×1 of image `images/giant.png`, expected 1 to 12000 pixels a side'
    ])
    const { zip } = await readEpub(readFileSync(path.join(root, 'output/en/doc.epub')))
    expect(Object.keys(zip.files).filter((name) => /^OEBPS\/images\/.+/.test(name))).toHaveLength(1)
    expect(readFileSync(path.join(root, 'output/en/doc.html'), 'utf8').match(/<img /g)).toHaveLength(1)
  })
})
