/**
 * Every WOFF2 subset, a Chinese page's large ones and a Latin page's small
 * ones alike, is compressed off the main thread (render/fonts/woff2.ts: the
 * native encoder on libuv's thread pool), one at a time, into a file that
 * readers other than the encoder (fontkit's own WOFF2 reader, and wawoff2's
 * decoder) read back as the TrueType subset it was made from; and a face cut
 * ahead (cutFontsAhead) is not cut again when the page asks.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { brotliDecompressSync } from 'node:zlib'
import * as fontkit from 'fontkit'
import { h } from 'hastscript'
import subsetFont from 'subset-font'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { npmFace } from '../pipeline/render/fonts/npm-faces.ts'
import { cutFontsAhead, pageFonts } from '../pipeline/render/fonts/web-fonts.ts'
import { AT_ONCE, compressedData, toWoff2, woff2Jobs } from '../pipeline/render/fonts/woff2.ts'
import { cutPageFontsAhead } from '../pipeline/render/writers.ts'
import { tempDir } from './helpers/project.ts'

/** wawoff2's decoder (a dev dependency): Google's decoder built apart from the encoder we use. */
const wawoff2 = createRequire(import.meta.url)('wawoff2') as { decompress: (font: Buffer) => Promise<Uint8Array> }

/** A Chinese page with a Latin name and a bold heading: four faces. */
const page = () => h('div', { lang: 'zh-Hans' }, [
  h('h1', '关于翻译的访谈 2026'),
  h('p', ['我们和 ', h('em', 'Kazinform'), ' 的编辑谈了谈：每一种语言都有自己的排版。']),
  h('p', 'Bold and plain Latin words, too.')
])

/** 1,500 ideographs: a subset of the size of a long Chinese page's. */
const ideographs = String.fromCodePoint(...Array.from({ length: 1500 }, (_, index) => 0x4e00 + index))

/** What a reader sees of a font: its glyphs' outlines and advances, and which glyph each character maps to. */
function glyphsOf(font: fontkit.Font): { glyphs: string[]; cmap: Array<[number, number]> } {
  const glyphs = Array.from({ length: font.numGlyphs }, (_, id) => {
    const glyph = font.getGlyph(id)
    return `${glyph.advanceWidth} ${glyph.path.toSVG()}`
  })
  return { glyphs, cmap: font.characterSet.map((code) => [code, font.glyphForCodePoint(code).id]) }
}

/** The WOFF2 holds the TrueType subset's glyphs and cmap, read by fontkit directly and after wawoff2's decoding. */
async function expectSameFont(woff2: Buffer, sfnt: Buffer, what: string): Promise<void> {
  expect(woff2.subarray(0, 4).toString('latin1'), what).toBe('wOF2')
  const want = glyphsOf(fontkit.create(sfnt) as fontkit.Font)
  expect(want.cmap.length, what).toBeGreaterThan(0)
  expect(glyphsOf(fontkit.create(woff2) as fontkit.Font), what).toEqual(want)
  expect(glyphsOf(fontkit.create(Buffer.from(await wawoff2.decompress(woff2))) as fontkit.Font), what).toEqual(want)
}

/** Event-loop turns the main thread takes while `work` runs: none if the work holds the main thread. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0
  let done = false
  const spin = () => {
    if (done) return
    turns++
    setImmediate(spin)
  }
  setImmediate(spin)
  const value = await work()
  done = true
  return { value, turns }
}

describe('web fonts off the main thread', () => {
  it('compresses large and small subsets off the main thread, into the glyphs of their TrueType subsets', async () => {
    const before = woff2Jobs().asked
    const fonts = await pageFonts(h('div', { lang: 'zh-Hans' }, [page(), h('p', ideographs)]), 'zh-Hans', 'woff2', tempDir('press-woff2-'))
    expect(fonts.map((font) => `${font.family} ${font.weight}`)).toEqual(['Noto Serif 400', 'Noto Serif 700', 'Noto Serif SC 400', 'Noto Serif SC 700'])
    expect(woff2Jobs().asked - before).toBe(4)
    for (const font of fonts) {
      const face = font.weight === 700 ? (font.family === 'Noto Serif' ? 'notoSerifBold' : 'serifSCBold') : font.family === 'Noto Serif' ? 'notoSerif' : 'serifSC'
      const sfnt = await subsetFont(readFileSync(npmFace(face).file), String.fromCodePoint(...font.codePoints), { targetFormat: 'sfnt' })
      // Small (a few KB: a Latin page's) and large (a Chinese page's regular face) alike.
      expect(sfnt.byteLength < 64 * 1024, `${font.family} ${font.weight}`).toBe(face !== 'serifSC')
      await expectSameFont(font.data, sfnt, `${font.family} ${font.weight}`)
    }
    // The largest alone: the main thread turns many times while it is compressed (compressed here, it would turn none).
    const large = await subsetFont(readFileSync(npmFace('serifSC').file), ideographs, { targetFormat: 'sfnt' })
    const { value, turns } = await turnsDuring(() => toWoff2(large))
    expect(turns).toBeGreaterThan(20)
    await expectSameFont(value, large, 'Noto Serif SC 400, 1,500 ideographs')
  }, 30_000)

  it('compresses one subset at a time, each answer to its own job', async () => {
    const texts = ['Page by page.', 'Бет бетімен.', ideographs.slice(0, 300), 'One more page.']
    const faces = ['notoSerif', 'notoSerif', 'serifSC', 'notoSerifBold'] as const
    const sfnts = await Promise.all(texts.map((text, index) => subsetFont(readFileSync(npmFace(faces[index]!).file), text, { targetFormat: 'sfnt' })))
    const made = await Promise.all(sfnts.map((sfnt) => toWoff2(sfnt)))
    expect(woff2Jobs().mostAtOnce).toBe(AT_ONCE)
    expect(woff2Jobs().running).toBe(0)
    for (const [index, woff2] of made.entries()) await expectSameFont(woff2, sfnts[index]!, texts[index]!)
  })

  it('makes the same bytes for the same subset every time: the padding the encoder leaves unwritten is zeroed', async () => {
    // Large jobs first: the pool thread's memory then holds their leftovers, which an unwritten byte would show.
    const texts = [ideographs, ideographs.slice(0, 700), 'Page by page.', 'Бет бетімен, ақырын.', 'One more page, 0123456789.', 'Ab', 'Abc', 'Abcd']
    const sfnts = await Promise.all(texts.map((text) => subsetFont(readFileSync(npmFace(/\p{Script=Han}/u.test(text) ? 'serifSC' : 'notoSerif').file), text, { targetFormat: 'sfnt' })))
    const rounds: Buffer[][] = []
    for (let round = 0; round < 3; round++) rounds.push(await Promise.all(sfnts.map((sfnt) => toWoff2(sfnt))))
    for (const [index, text] of texts.entries()) {
      const made = rounds.map((round) => round[index]!)
      const { start, end } = compressedData(made[0]!)
      // The range is the Brotli stream (zlib's decoder, not the encoder's, reads it), and after it only zeros.
      expect(brotliDecompressSync(made[0]!.subarray(start, end)).length, text.slice(0, 20)).toBeGreaterThan(0)
      expect([...made[0]!.subarray(end)], text.slice(0, 20)).toEqual(Array(made[0]!.length - end).fill(0))
      expect(made[0]!.length % 4, text.slice(0, 20)).toBe(0)
      for (const again of made.slice(1)) expect(again.equals(made[0]!), text.slice(0, 20)).toBe(true)
    }
  }, 30_000)

  it('fails a job whose input is not a font, and goes on with the next', async () => {
    const small = await subsetFont(readFileSync(npmFace('notoSerif').file), 'Still here.', { targetFormat: 'sfnt' })
    const [bad, good] = await Promise.allSettled([toWoff2(Buffer.from('not a font, not at all')), toWoff2(small)])
    expect(bad.status).toBe('rejected')
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/WOFF2/)
    expect(good.status).toBe('fulfilled')
    await expectSameFont((good as PromiseFulfilledResult<Buffer>).value, small, 'after a failure')
    expect(woff2Jobs().running).toBe(0)
  })

  it('cuts a face asked for ahead once: the page finds it made or being made', async () => {
    const cacheDir = tempDir('press-woff2-')
    const before = woff2Jobs()
    cutFontsAhead(page(), 'zh-Hans', 'woff2', cacheDir)
    const fonts = await pageFonts(page(), 'zh-Hans', 'woff2', cacheDir)
    expect(fonts).toHaveLength(4)
    expect(woff2Jobs().asked - before.asked).toBe(4)
    // And from the cache, once made.
    await pageFonts(page(), 'zh-Hans', 'woff2', cacheDir)
    expect(woff2Jobs().asked - before.asked).toBe(4)
  })

  it('never fails the build for a head start: what it cannot do, the page itself meets and reports', async () => {
    // No edition facts on the file: making the page throws.
    await expect(cutPageFontsAhead({ type: 'root', children: [] }, new VFile(), { css: '', formats: [], locales: undefined, cacheDir: tempDir('press-woff2-') })).resolves.toBeUndefined()
  })
})
