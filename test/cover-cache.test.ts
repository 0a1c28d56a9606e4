/**
 * The cover cache (.cache/covers/): the same cover text, fonts and code give
 * the cached PNG; a change to any of them gives the PNG a build without the
 * cache makes, never the old picture.
 */
import { copyFileSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Edition } from '../pipeline/render/edition.ts'
import { coverKey } from '../pipeline/render/cover-cache.ts'
import { coverText, renderCover } from '../pipeline/render/epub-cover.ts'
import { npmFaceFile } from '../pipeline/render/pdf/fonts.ts'
import { tempDir } from './helpers/project.ts'

interface Variant {
  locale?: string
  title?: string
  publisher?: string
  interviewee?: string
  language?: string
  alt?: string
}

function edition(variant: Variant = {}): Edition {
  const locale = variant.locale ?? 'en'
  return {
    locale, dir: 'ltr',
    meta: {
      title: variant.title ?? 'AI and cybercrime: why leadership matters',
      publisher: variant.publisher ?? 'Kazinform',
      interviewee: variant.interviewee ?? 'Jürgen Stock',
      intervieweeRole: 'Former Secretary General'
    },
    languages: [{ locale, name: variant.language ?? 'English', dir: 'ltr' }],
    terms: { coverAlt: { text: variant.alt ?? 'Cover: {{title}}, {{people}}, {{publisher}}', key: 'ui:coverAlt' } }
  } as unknown as Edition
}

const covers = (dir: string) => readdirSync(path.join(dir, 'covers'))

describe('the cover cache', () => {
  it('gives the cached PNG for the same text and fonts', async () => {
    const dir = tempDir('press-covers-')
    const first = (await renderCover(edition(), dir)).png
    expect(covers(dir)).toHaveLength(1)
    // What the cache holds is what comes back: put another picture in its place.
    const other = (await renderCover(edition({ title: 'Another title' }), tempDir('press-covers-other-'))).png
    writeFileSync(path.join(dir, 'covers', covers(dir)[0]!), other)
    expect((await renderCover(edition(), dir)).png.equals(other)).toBe(true)
    expect(first.equals(other)).toBe(false)
  })

  it('renders again when any of the text changes: the PNG a build without the cache makes', async () => {
    const dir = tempDir('press-covers-')
    const original = (await renderCover(edition(), dir)).png
    const variants: Variant[] = [
      { title: 'AI and cybercrime: why the leadership matters' },
      { publisher: 'Kazinform News' },
      { interviewee: 'Jurgen Stock' },
      { language: 'Қазақша' },
      { locale: 'ar' }
    ]
    for (const variant of variants) {
      const cached = (await renderCover(edition(variant), dir)).png
      const fresh = (await renderCover(edition(variant), tempDir('press-covers-fresh-'))).png
      expect(cached.equals(fresh), JSON.stringify(variant)).toBe(true)
      expect(cached.equals(original), JSON.stringify(variant)).toBe(false)
    }
    expect(covers(dir)).toHaveLength(1 + variants.length)
  })

  it('keys the alt text (the SVG carries it), the font files and the code', () => {
    const fontFile = path.join(tempDir('press-cover-font-'), 'NotoSerif.ttf')
    copyFileSync(npmFaceFile('notoSerif'), fontFile)
    const text = coverText(edition())
    const inputs = { text, alt: 'Cover', fontFiles: [fontFile], raster: { width: 1600 } }
    const key = coverKey(inputs, 'code-1')
    expect(coverKey(inputs, 'code-1')).toBe(key)
    expect(coverKey({ ...inputs, alt: 'Cover of the book' }, 'code-1')).not.toBe(key)
    expect(coverKey({ ...inputs, text: { ...text, dir: 'rtl' } }, 'code-1')).not.toBe(key)
    expect(coverKey({ ...inputs, raster: { width: 1200 } }, 'code-1')).not.toBe(key)
    expect(coverKey(inputs, 'code-2')).not.toBe(key)
    utimesSync(fontFile, new Date(2001, 0, 1), new Date(2001, 0, 1))
    expect(coverKey(inputs, 'code-1')).not.toBe(key)
    const changed = coverKey(inputs, 'code-1')
    writeFileSync(fontFile, Buffer.concat([readFileSync(fontFile), Buffer.alloc(4)]))
    utimesSync(fontFile, new Date(2001, 0, 1), new Date(2001, 0, 1))
    expect(coverKey(inputs, 'code-1')).not.toBe(changed)
  })
})
