/**
 * The PDF's font files hold a large face's outlines only as fontkit makes
 * its glyphs (render/pdf/outlines-on-demand.ts): the other tables at once,
 * a glyph's outline when it is first asked for, and what fontkit makes of
 * them (outlines, a subset with composites) the same as from the whole file.
 */
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as fontkit from 'fontkit'
import { describe, expect, it } from 'vitest'
import { copySimpleGlyphsUndecoded, readLongLoca } from '../pipeline/render/pdf/fontkit-speed.ts'
import { faceBuffer, faceFile, faceFont } from '../pipeline/render/pdf/fonts.ts'
import { type FontFile, readFontFile, readOutlinesOnDemand } from '../pipeline/render/pdf/outlines-on-demand.ts'
import { tempDir } from './helpers/project.ts'

interface Parsed {
  font: fontkit.Font
  file: FontFile
}

/** A face parsed as faceFont parses it, from a file read with its outlines on demand from `onDemandFrom` bytes. */
function parse(path: string, onDemandFrom?: number): Parsed {
  const file = readFontFile(path, onDemandFrom)
  const font = fontkit.create(file.bytes) as fontkit.Font
  readOutlinesOnDemand(font, file)
  readLongLoca(font, file.bytes)
  copySimpleGlyphsUndecoded(font)
  return { font, file }
}

function glyfOf(font: fontkit.Font): { offset: number; length: number } {
  return (font as unknown as { directory: { tables: Record<string, { offset: number; length: number }> } }).directory.tables.glyf!
}

/** Bytes of `bytes` that differ from the file's. */
function unread(bytes: Uint8Array, whole: Uint8Array): number {
  let count = 0
  for (let at = 0; at < whole.byteLength; at++) if (bytes[at] !== whole[at]) count++
  return count
}

describe('outlines read on demand', () => {
  it('reads a Chinese face\'s tables at once and a glyph\'s outline when fontkit makes the glyph', () => {
    const path = faceFile('serifSC')
    const whole = readFileSync(path)
    const { font, file } = parse(path)
    const glyf = glyfOf(font)
    expect(file.bytes.subarray(0, glyf.offset).equals(whole.subarray(0, glyf.offset))).toBe(true)
    expect(unread(file.bytes, whole)).toBeGreaterThan(glyf.length / 2)
    const glyph = font.glyphForCodePoint(0x8bd1)
    const { offsets } = (font as unknown as { loca: { offsets: number[] } }).loca
    const [start, end] = [glyf.offset + offsets[glyph.id]!, glyf.offset + offsets[glyph.id + 1]!]
    expect(end).toBeGreaterThan(start)
    expect(file.bytes.subarray(start, end).equals(whole.subarray(start, end))).toBe(true)
    expect(glyph.path.toSVG()).toBe((fontkit.create(whole) as fontkit.Font).glyphForCodePoint(0x8bd1).path.toSVG())
  })

  it('gives the whole file\'s outlines and subset, composite glyphs and their components included', () => {
    const path = faceFile('notoSerif')
    const whole = parse(path, Number.POSITIVE_INFINITY)
    const lazy = parse(path, 0)
    expect(unread(lazy.file.bytes, whole.file.bytes)).toBeGreaterThan(glyfOf(lazy.font).length / 2)
    // Accented capitals and Cyrillic with a breve are composites in Noto Serif.
    const text = 'ÄÖÜ Åpfel Қазақстан й ё ǅ fi'
    const wanted = whole.font.glyphsForString(text).map((glyph) => glyph.id)
    const composites = wanted.filter((id) => ((whole.font.getGlyph(id) as unknown as { _decode: () => { numberOfContours: number } | null })._decode()?.numberOfContours ?? 0) < 0)
    expect(composites.length).toBeGreaterThan(3)
    // By id, as pdfkit asks: the subsetter makes each glyph (a composite's components too) for the first time.
    const subsetOf = ({ font }: Parsed) => {
      const subset = font.createSubset() as unknown as { includeGlyph: (id: number) => number; encode: () => Uint8Array }
      for (const id of wanted) subset.includeGlyph(id)
      return Buffer.from(subset.encode())
    }
    expect(subsetOf(lazy).equals(subsetOf(whole))).toBe(true)
    for (const id of wanted) expect(lazy.font.getGlyph(id).path.toSVG(), `glyph ${id}`).toBe(whole.font.getGlyph(id).path.toSVG())
  })

  it('is how the PDF reads its faces: a Chinese face\'s outlines not all in memory', () => {
    const whole = readFileSync(faceFile('sansSCBold'))
    faceFont('sansSCBold').glyphForCodePoint(0x4e2d).path.toSVG()
    expect(unread(faceBuffer('sansSCBold'), whole)).toBeGreaterThan(whole.byteLength / 2)
  })

  it('fails with the path and the fix when the file is written anew in place while its outlines are read; a file renamed into place is no harm', () => {
    const dir = tempDir('press-font-')
    const face = join(dir, 'face.ttf')
    const other = readFileSync(faceFile('serifSCBold'))
    copyFileSync(faceFile('serifSC'), face)
    const whole = fontkit.create(readFileSync(face)) as fontkit.Font
    const { font } = parse(face)
    expect(font.glyphForCodePoint(0x4e2d).path.toSVG()).toBe(whole.glyphForCodePoint(0x4e2d).path.toSVG())
    // Replaced by a rename: the open file is still the one read, its outlines the same.
    const replacement = join(dir, 'new.ttf')
    writeFileSync(replacement, other)
    renameSync(replacement, face)
    expect(font.glyphForCodePoint(0x6587).path.toSVG()).toBe(whole.glyphForCodePoint(0x6587).path.toSVG())
    // Written anew in place (the same file, truncated and written): the outlines still to read would be the other face's.
    const inPlace = join(dir, 'in-place.ttf')
    copyFileSync(faceFile('serifSC'), inPlace)
    const read = parse(inPlace)
    read.font.glyphForCodePoint(0x4e2d).path.toSVG()
    writeFileSync(inPlace, other)
    expect(() => read.font.glyphForCodePoint(0x8bd1).path.toSVG()).toThrow(`The font file ${inPlace} was changed while the build read it: build again once it is written (to update a font while builds run, write the new file beside it and rename it into place)`)
  })
})
