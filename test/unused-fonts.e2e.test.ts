/**
 * Pages' font subsets are named by content, so a text change publishes new
 * ones: the build then removes the fonts no page in the folder links any
 * more, and only those. A page another shard or a failed language left in
 * place keeps its fonts; every font a page links is always there, and the
 * manifest lists exactly what is on disk.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { smallProject } from './helpers/project.ts'

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex')

/** Every file of the folder (not the lock, marker or temporary folder) → sha256. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
  return new Map(files.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).filter((file) => !file.startsWith('.')).map((file) => [file, sha(readFileSync(path.join(dir, file)))]))
}

/** The fonts/ files a page links. */
function fontsOf(dir: string, page: string): string[] {
  return [...readFileSync(path.join(dir, page), 'utf8').matchAll(/url\("(?:\.\.\/)?(fonts\/[^"]+)"\)/g)].map((match) => match[1]!)
}

const pagesOf = (dir: string) => [...snapshot(dir).keys()].filter((file) => file.endsWith('.html'))

/** Every font a page links is on disk and listed; every font file on disk is linked (or the licence of a linked family); the manifest is true. */
function fontsAreExactlyTheLinked(dir: string): void {
  const linked = new Set(pagesOf(dir).flatMap((page) => fontsOf(dir, page)))
  expect(linked.size).toBeGreaterThan(0)
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> }
  const listed = new Set(manifest.files.map((entry) => entry.path))
  for (const font of linked) {
    expect(existsSync(path.join(dir, font)), font).toBe(true)
    expect(listed.has(font), font).toBe(true)
  }
  const families = new Set([...linked].map((font) => /^fonts\/([A-Za-z0-9]+)-/.exec(font)![1]))
  for (const name of readdirSync(path.join(dir, 'fonts'))) {
    const licence = /^OFL-(\w+)\.txt$/.exec(name)
    if (licence) expect(families.has(licence[1]!), name).toBe(true)
    else expect(linked.has(`fonts/${name}`), `fonts/${name} is linked by no page`).toBe(true)
  }
  for (const entry of manifest.files) expect(sha(readFileSync(path.join(dir, entry.path))), entry.path).toBe(entry.sha256)
}

/** The Kazakh interviewee's name with a character none of the small interview's pages has: the page's subset changes. */
function changeKazakhText(root: string): void {
  const file = path.join(root, 'locales/kk/interview.json')
  const text = readFileSync(file, 'utf8')
  expect(text).not.toContain('§')
  writeFileSync(file, text.replace('"Юрген Шток"', '"Юрген Шток §"'))
}

describe('fonts no page uses any more', () => {
  it('are removed after a text change, and nothing else is', async () => {
    const root = smallProject()
    const out = path.join(root, 'output')
    expect((await build({ root, formats: ['html'] })).failures).toEqual([])
    fontsAreExactlyTheLinked(out)
    const before = snapshot(out)
    const kkBefore = fontsOf(out, 'kk/interview.html')

    // A subset a killed build renamed into place but never listed, and a file that is not a font subset.
    writeFileSync(path.join(out, 'fonts/NotoSerif-400-000000000000.woff2'), 'unlisted')
    writeFileSync(path.join(out, 'fonts/README.txt'), 'not ours')
    changeKazakhText(root)
    const lines: string[] = []
    expect((await build({ root, formats: ['html'], log: (line) => lines.push(line) })).failures).toEqual([])
    const after = snapshot(out)
    const stale = kkBefore.filter((font) => !fontsOf(out, 'kk/interview.html').includes(font))
    expect(stale.length).toBeGreaterThan(0)
    const removed = [...before.keys(), 'fonts/NotoSerif-400-000000000000.woff2'].filter((file) => !after.has(file))
    // The old subsets and nothing else: every other page, font and licence is there with the same bytes.
    expect(removed.sort()).toEqual([...stale, 'fonts/NotoSerif-400-000000000000.woff2'].sort())
    expect(readFileSync(path.join(out, 'fonts/README.txt'), 'utf8')).toBe('not ours')
    rmSync(path.join(out, 'fonts/README.txt'))
    for (const [file, digest] of before) if (after.has(file) && !/\.html$|manifest\.json$/.test(file)) expect(after.get(file), file).toBe(digest)
    for (const font of stale) expect(lines).toContain(`  removed ${font} (no page uses it)`)
    fontsAreExactlyTheLinked(out)
  })

  it('are kept while a page of another shard into the same folder links them', async () => {
    const root = smallProject()
    const out = path.join(root, 'output')
    const shard = (index: number) => build({ root, formats: ['html'], shard: { index, count: 2 } })
    // html jobs in order ar, en, kk, ru, zh: the first shard makes ar, kk and zh, the second en and ru.
    expect((await shard(1)).failures).toEqual([])
    expect((await shard(2)).failures).toEqual([])
    fontsAreExactlyTheLinked(out)
    const kkBefore = snapshot(out).get('kk/interview.html')

    changeKazakhText(root)
    // The second shard does not make kk: the page it leaves in place keeps its fonts.
    expect((await shard(2)).failures).toEqual([])
    expect(snapshot(out).get('kk/interview.html')).toBe(kkBefore)
    fontsAreExactlyTheLinked(out)

    const enFonts = fontsOf(out, 'en/interview.html')
    expect((await shard(1)).failures).toEqual([])
    expect(snapshot(out).get('kk/interview.html')).not.toBe(kkBefore)
    for (const font of enFonts) expect(existsSync(path.join(out, font)), font).toBe(true)
    fontsAreExactlyTheLinked(out)
  })

  it('are kept while a page in a language folder that is a link to elsewhere links them', async () => {
    const root = smallProject()
    const out = path.join(root, 'output')
    expect((await build({ root, formats: ['html'] })).failures).toEqual([])
    const ruFonts = fontsOf(out, 'ru/interview.html')
    // The user keeps the Russian pages elsewhere and links them into the folder.
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'press-ru-'))
    renameSync(path.join(out, 'ru'), path.join(elsewhere, 'ru'))
    symlinkSync(path.join(elsewhere, 'ru'), path.join(out, 'ru'))
    changeKazakhText(root)
    expect((await build({ root, formats: ['html'], locales: ['kk'] })).failures).toEqual([])
    for (const font of ruFonts) expect(existsSync(path.join(out, font)), font).toBe(true)
  })

  it('are kept while a failed language\'s previous page links them', async () => {
    const root = smallProject()
    const out = path.join(root, 'output')
    expect((await build({ root, formats: ['html'] })).failures).toEqual([])
    const kkPage = snapshot(out).get('kk/interview.html')
    const kkFonts = fontsOf(out, 'kk/interview.html')

    const file = path.join(root, 'locales/kk/interview.json')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n}\s*$/, ',\n}\n'))
    const result = await build({ root, formats: ['html'] })
    expect(result.failures.map((failure) => failure.locale)).toEqual(['kk'])
    expect(snapshot(out).get('kk/interview.html')).toBe(kkPage)
    for (const font of kkFonts) expect(existsSync(path.join(out, font)), font).toBe(true)
    fontsAreExactlyTheLinked(out)
  })
})
