/**
 * hb-subset called directly (render/fonts/hb-subset.ts) cuts a face to the
 * very bytes subset-font makes with the same HarfBuzz build, in every script
 * the editions use; one instance serves every cut of the process (an
 * instance per page cost its start and V8's collections for its 65 MB); and
 * a face read into its memory is kept for the next cut of the same file,
 * which gives the bytes a fresh face gives.
 */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import subsetFont from 'subset-font'
import { describe, expect, it } from 'vitest'
import { heldFace, heldMemory, subsetFace } from '../pipeline/render/fonts/hb-subset.ts'
import { npmFace } from '../pipeline/render/fonts/npm-faces.ts'
import type { FaceId } from '../pipeline/render/pdf/fonts.ts'
import { tempDir } from './helpers/project.ts'

const interview = readFileSync(path.join(import.meta.dirname, '..', 'content', 'interview.md'), 'utf8')
const translated = (locale: string) => readFileSync(path.join(import.meta.dirname, '..', 'locales', locale, 'interview.json'), 'utf8')

/** A random pick of `count` characters of `text`. */
function pick(text: string, count: number, seed: number): string {
  const chars = [...new Set(text)]
  let state = seed
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return chars[state % chars.length]!
  }).join('')
}

describe('hb-subset', () => {
  it('cuts a face to the bytes subset-font makes', async () => {
    const cases: Array<[FaceId, string]> = [
      ['notoSerif', interview], ['notoSerifBold', 'Interview'], ['notoSerifItalic', pick(interview, 40, 1)],
      ['notoSerif', translated('kk')], ['notoSerif', translated('ru')], ['naskh', translated('ar')], ['naskhBold', pick(translated('ar'), 30, 2)],
      ['serifSC', translated('zh')], ['serifSCBold', pick(translated('zh'), 50, 3)], ['notoSansMono', 'const x = 1'],
      // Nothing the face has: hb-subset still makes a font (.notdef alone).
      ['notoSerif', '\u4e00']
    ]
    for (const [face, text] of cases) {
      const own = await subsetFont(readFileSync(npmFace(face).file), text, { targetFormat: 'sfnt' })
      const ours = subsetFace(npmFace(face).file, [...new Set(text)].map((char) => char.codePointAt(0)!))
      expect(ours.equals(own), `${face}: ${ours.byteLength} bytes against ${own.byteLength}`).toBe(true)
    }
  }, 30_000)

  it('cuts every face of the process in one instance, turn after turn', async () => {
    subsetFace(npmFace('serifSC').file, [0x4e00, 0x4e01, 0x4e2d])
    const memory = heldMemory()
    expect(memory).toBeDefined()
    for (const face of ['serifSCBold', 'notoSerif', 'naskh'] as const) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      expect(subsetFace(npmFace(face).file, [0x41, 0x4e00, 0x627]).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]))
      expect(heldMemory()).toBe(memory)
    }
  })

  it('keeps the face it read for the next cut of the same file, and reads another file in its place', async () => {
    const codes = (text: string) => [...new Set(text)].map((char) => char.codePointAt(0)!)
    const text = translated('zh')
    const [regular, bold] = [npmFace('serifSC').file, npmFace('serifSCBold').file]
    const first = subsetFace(regular, codes(text))
    const { reads } = heldFace()
    expect(heldFace()).toEqual({ file: regular, reads })
    // Cut again from the face kept, with the bytes subset-font makes from a fresh one.
    const fewer = text.slice(0, 60)
    expect(subsetFace(regular, codes(fewer)).equals(await subsetFont(readFileSync(regular), fewer, { targetFormat: 'sfnt' }))).toBe(true)
    expect(heldFace()).toEqual({ file: regular, reads })
    subsetFace(bold, codes(fewer))
    expect(heldFace()).toEqual({ file: bold, reads: reads + 1 })
    expect(subsetFace(regular, codes(text)).equals(first)).toBe(true)
    expect(heldFace()).toEqual({ file: regular, reads: reads + 2 })
  })

  it('reads a file written anew at the same size with its modification time set back, not the face it kept', () => {
    const [regular, bold] = [readFileSync(npmFace('notoSerif').file), readFileSync(npmFace('notoSerifBold').file)]
    // Padded to one size: HarfBuzz reads a face by its tables and ignores bytes after them.
    const size = Math.max(regular.length, bold.length)
    const padded = (bytes: Buffer) => Buffer.concat([bytes, Buffer.alloc(size - bytes.length)])
    const file = path.join(tempDir('press-hb-'), 'face.ttf')
    writeFileSync(file, padded(regular))
    // A whole second, which the file system keeps exactly.
    utimesSync(file, 1_700_000_000, 1_700_000_000)
    const first = subsetFace(file, [0x41, 0x42])
    writeFileSync(file, padded(bold))
    utimesSync(file, 1_700_000_000, 1_700_000_000)
    expect(statSync(file).mtimeMs).toBe(1_700_000_000_000)
    const second = subsetFace(file, [0x41, 0x42])
    expect(second.equals(first)).toBe(false)
    expect(second.equals(subsetFace(npmFace('notoSerifBold').file, [0x41, 0x42]))).toBe(true)
  })
})
