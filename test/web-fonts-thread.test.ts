/**
 * A page's large WOFF2 subsets (a Chinese page's faces) are compressed on
 * their own thread (render/fonts/woff2-thread.ts), small ones on the main
 * thread, all with the bytes subset-font itself makes; and a face cut ahead
 * (cutFontsAhead) is not cut again when the page asks.
 */
import { h } from 'hastscript'
import subsetFont from 'subset-font'
import { Worker } from 'node:worker_threads'
import { VFile } from 'vfile'
import { describe, expect, it, vi } from 'vitest'
import { cutPageFontsAhead } from '../pipeline/render/writers.ts'
import { npmFace } from '../pipeline/render/fonts/npm-faces.ts'
import { cutFontsAhead, pageFonts } from '../pipeline/render/fonts/web-fonts.ts'
import { THREAD_FROM, toWoff2, woff2Jobs } from '../pipeline/render/fonts/woff2-thread.ts'
import { tempDir } from './helpers/project.ts'

/** A Chinese page with a Latin name and a bold heading: four faces. */
const page = () => h('div', { lang: 'zh-Hans' }, [
  h('h1', '关于翻译的访谈 2026'),
  h('p', ['我们和 ', h('em', 'Kazinform'), ' 的编辑谈了谈：每一种语言都有自己的排版。']),
  h('p', 'Bold and plain Latin words, too.')
])

describe('web fonts off the main thread', () => {
  it('compresses a large subset on the thread and small ones here, to the bytes subset-font makes', async () => {
    // 1,500 ideographs: a subset of the size of a long Chinese page's.
    const ideographs = String.fromCodePoint(...Array.from({ length: 1500 }, (_, index) => 0x4e00 + index))
    const before = woff2Jobs()
    const fonts = await pageFonts(h('div', { lang: 'zh-Hans' }, [page(), h('p', ideographs)]), 'zh-Hans', 'woff2', tempDir('press-woff2-'))
    expect(fonts.map((font) => `${font.family} ${font.weight}`)).toEqual(['Noto Serif 400', 'Noto Serif 700', 'Noto Serif SC 400', 'Noto Serif SC 700'])
    expect(woff2Jobs().asked - before.asked).toBe(4)
    expect(woff2Jobs().onThread - before.onThread).toBe(1)
    for (const font of fonts) {
      const face = font.weight === 700 ? (font.family === 'Noto Serif' ? 'notoSerifBold' : 'serifSCBold') : font.family === 'Noto Serif' ? 'notoSerif' : 'serifSC'
      const text = String.fromCodePoint(...font.codePoints)
      const sfnt = await subsetFont(npmFace(face).data, text, { targetFormat: 'sfnt' })
      expect(sfnt.byteLength >= THREAD_FROM, `${font.family} ${font.weight}`).toBe(face === 'serifSC')
      const own = await subsetFont(npmFace(face).data, text, { targetFormat: 'woff2' })
      expect(font.data.equals(own), `${font.family} ${font.weight}`).toBe(true)
    }
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

