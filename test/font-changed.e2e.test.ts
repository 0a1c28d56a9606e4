/**
 * A font file written anew in place while a process holds it open, its
 * outlines read as the PDF needs them (render/pdf/outlines-on-demand.ts):
 * later reads would give the new file's bytes at the old one's offsets, so
 * the edition that reads them fails with the path and the fix, and its last
 * good PDF stays published. The live preview keeps its faces for the process,
 * as two builds in this one do: the failed face is read afresh by the next.
 * A file whose times alone moved (touched, the same bytes written again, a
 * link added or renamed over) is no error.
 */
import { copyFileSync, linkSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { runCli } from './helpers/cli.ts'
import { REPO, smallProject, tempDir } from './helpers/project.ts'

const require = createRequire(path.join(REPO, 'package.json'))
// A face whose outlines are read on demand (over 1 MB of them, and GPOS), with Latin and Russian letters.
const LARGE = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')
const OTHER = require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf')

const saved = process.env.PRESS_FONTS
afterAll(() => {
  if (saved === undefined) delete process.env.PRESS_FONTS
  else process.env.PRESS_FONTS = saved
})

describe('a font file written anew in place during a build', () => {
  it('fails the edition that reads it with one line, the path and the fix; the last good edition stays published', async () => {
    const root = smallProject()
    const face = path.join(tempDir('press-face-'), 'serif.ttf')
    copyFileSync(LARGE, face)
    const env = { PRESS_FONTS: `serif=${face}`, SOURCE_DATE_EPOCH: '1700000000' }
    // The Russian PDF, made by another process: the one to stay published.
    expect(runCli(root, ['--locale', 'ru', '--format', 'pdf'], env).code).toBe(0)
    const russian = readFileSync(path.join(root, 'output/ru/interview.pdf'))

    Object.assign(process.env, env)
    const english = await build({ root, locales: ['en'], formats: ['pdf'] })
    expect(english.failures).toEqual([])
    // The same path, the same file, other bytes: the Russian letters' outlines are not read yet in this process.
    writeFileSync(face, readFileSync(OTHER))
    const both = await build({ root, locales: ['en', 'ru'], formats: ['pdf'], force: true })
    expect(both.failures.map(({ locale, format, reason }) => ({ locale, format, reason }))).toEqual([{
      locale: 'ru', format: 'pdf',
      reason: `The font file ${face} was changed while the build read it: build again once it is written (to update a font while builds run, write the new file beside it and rename it into place)`
    }])
    expect(readFileSync(path.join(root, 'output/ru/interview.pdf')).equals(russian)).toBe(true)
    expect(JSON.parse(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')).files.map((entry: { path: string }) => entry.path)).toContain('ru/interview.pdf')
    // The next build in this process (the preview's next render) reads the face afresh: the new file, whole.
    const again = await build({ root, locales: ['en', 'ru', 'kk'], formats: ['pdf'], force: true })
    expect(again.failures).toEqual([])
    expect(readFileSync(path.join(root, 'output/ru/interview.pdf')).equals(russian)).toBe(false)
  })
})

/** Ways a font file's times change while every byte stays: a touch, the same bytes written again, a link added, a name with another link renamed over. */
const SAME_BYTES: Array<[string, (face: string) => void]> = [
  ['touched', (face) => utimesSync(face, new Date(), new Date())],
  ['written again with the same bytes', (face) => copyFileSync(LARGE, face)],
  ['given another link', (face) => linkSync(face, `${face}.2`)],
  ['renamed over while it has another link', (face) => {
    linkSync(face, `${face}.kept`)
    copyFileSync(LARGE, `${face}.new`)
    renameSync(`${face}.new`, face)
  }]
]

describe('a font file whose times change, its bytes not', () => {
  it.each(SAME_BYTES)('is no error when %s during a build process', async (_, change) => {
    const root = smallProject()
    const face = path.join(tempDir('press-face-'), 'serif.ttf')
    copyFileSync(LARGE, face)
    Object.assign(process.env, { PRESS_FONTS: `serif=${face}`, SOURCE_DATE_EPOCH: '1700000000' })
    expect((await build({ root, locales: ['en'], formats: ['pdf'] })).failures).toEqual([])
    change(face)
    // Twice, as the preview renders after each save: the Russian letters' outlines are read after the change.
    for (const _time of [1, 2]) {
      expect((await build({ root, locales: ['en', 'ru', 'kk'], formats: ['pdf'], force: true })).failures).toEqual([])
    }
  })
})
