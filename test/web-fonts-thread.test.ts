/**
 * Every WOFF2 subset, a Chinese page's large ones and a Latin page's small
 * ones alike, is compressed on its own thread (render/fonts/woff2-thread.ts),
 * with the bytes subset-font itself makes on the main thread; the thread ends
 * once idle; and a face cut ahead (cutFontsAhead) is not cut again when the
 * page asks.
 */
import { h } from 'hastscript'
import subsetFont from 'subset-font'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { VFile } from 'vfile'
import { describe, expect, it, vi } from 'vitest'
import { cutPageFontsAhead } from '../pipeline/render/writers.ts'
import { npmFace } from '../pipeline/render/fonts/npm-faces.ts'
import { cutFontsAhead, pageFonts } from '../pipeline/render/fonts/web-fonts.ts'
import { LINGER_MS, toWoff2, woff2Jobs } from '../pipeline/render/fonts/woff2-thread.ts'
import { tempDir } from './helpers/project.ts'

/** subset-font's own fontverter: what WOFF2 work on this thread would call. */
const fontverter = createRequire(createRequire(import.meta.url).resolve('subset-font'))('fontverter') as { convert: (font: Buffer, to: string, from?: string) => Promise<Buffer> }

/** A Chinese page with a Latin name and a bold heading: four faces. */
const page = () => h('div', { lang: 'zh-Hans' }, [
  h('h1', '关于翻译的访谈 2026'),
  h('p', ['我们和 ', h('em', 'Kazinform'), ' 的编辑谈了谈：每一种语言都有自己的排版。']),
  h('p', 'Bold and plain Latin words, too.')
])

/** Waits until a thread started after `exited` threads had exited has itself exited (really, not only forgotten). */
async function threadExits(exited: number): Promise<void> {
  for (let waited = 0; woff2Jobs().exited === exited; waited += 20) {
    if (waited > LINGER_MS + 5_000) throw new Error('the idle WOFF2 thread did not exit')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  expect(woff2Jobs().running).toBe(false)
}

describe('web fonts off the main thread', () => {
  it('compresses large and small subsets on the thread, to the bytes subset-font makes here', async () => {
    // 1,500 ideographs: a subset of the size of a long Chinese page's.
    const ideographs = String.fromCodePoint(...Array.from({ length: 1500 }, (_, index) => 0x4e00 + index))
    const before = woff2Jobs()
    // The main thread's own WOFF2 work would show as fontverter called here.
    const here = vi.spyOn(fontverter, 'convert')
    const fonts = await pageFonts(h('div', { lang: 'zh-Hans' }, [page(), h('p', ideographs)]), 'zh-Hans', 'woff2', tempDir('press-woff2-'))
    expect(here.mock.calls.filter(([, to]) => to === 'woff2')).toEqual([])
    here.mockRestore()
    // Nothing left to do: the thread ends, its memory given back.
    await threadExits(before.exited)
    expect(fonts.map((font) => `${font.family} ${font.weight}`)).toEqual(['Noto Serif 400', 'Noto Serif 700', 'Noto Serif SC 400', 'Noto Serif SC 700'])
    expect(woff2Jobs().asked - before.asked).toBe(4)
    expect(woff2Jobs().threads - before.threads).toBeGreaterThanOrEqual(1)
    for (const font of fonts) {
      const face = font.weight === 700 ? (font.family === 'Noto Serif' ? 'notoSerifBold' : 'serifSCBold') : font.family === 'Noto Serif' ? 'notoSerif' : 'serifSC'
      const text = String.fromCodePoint(...font.codePoints)
      const sfnt = await subsetFont(npmFace(face).data, text, { targetFormat: 'sfnt' })
      // Small (a few KB: a Latin page's) and large (a Chinese page's regular face) alike.
      expect(sfnt.byteLength < 64 * 1024, `${font.family} ${font.weight}`).toBe(face !== 'serifSC')
      const own = await subsetFont(npmFace(face).data, text, { targetFormat: 'woff2' })
      expect(font.data.equals(own), `${font.family} ${font.weight}`).toBe(true)
    }
    // Two Chinese faces compressed twice (there and here): seconds of CPU, more on a loaded machine.
  }, 30_000)

  it('keeps an idle thread for the next page a moment, then ends it', async () => {
    const small = await subsetFont(npmFace('notoSerif').data, 'Page by page.', { targetFormat: 'sfnt' })
    // An earlier test's thread gone first.
    if (woff2Jobs().running) await threadExits(woff2Jobs().exited)
    const before = woff2Jobs()
    // Pages ask one after another: one thread, not one started (about 60 ms of CPU) per page.
    for (let page = 0; page < 3; page++) {
      await toWoff2(small)
      // The main thread's work on the page between.
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(woff2Jobs().threads - before.threads).toBe(1)
    await threadExits(before.exited)
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

  it('fails the job of a thread that ends without an error, and the next job gets a new thread', async () => {
    const large = await subsetFont(npmFace('serifSC').data, String.fromCodePoint(...Array.from({ length: 1500 }, (_, index) => 0x4e00 + index)), { targetFormat: 'sfnt' })
    // The thread is stopped as it is given its job, as if it had exited.
    const post = vi.spyOn(Worker.prototype, 'postMessage').mockImplementationOnce(function (this: Worker) {
      void this.terminate()
    })
    try {
      await expect(toWoff2(large)).rejects.toThrow(/WOFF2 thread stopped/)
    } finally {
      post.mockRestore()
    }
    expect((await toWoff2(large)).subarray(0, 4).toString('latin1')).toBe('wOF2')
  })

  it('never fails the build for a head start: what it cannot do, the page itself meets and reports', async () => {
    // No edition facts on the file: making the page throws.
    await expect(cutPageFontsAhead({ type: 'root', children: [] }, new VFile(), { css: '', formats: [], locales: undefined, cacheDir: tempDir('press-woff2-') })).resolves.toBeUndefined()
  })
})

