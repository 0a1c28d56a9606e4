/**
 * Shaping with fontkit's OpenType layout: Arabic joining forms, ligatures,
 * marks and kerning. A right-to-left run is passed in logical order with its
 * direction, and comes back in visual order. Results are cached per process
 * (the same words recur across editions and measurements).
 */
import { faceFont, type FaceId, type Script } from '../fonts.ts'
import { scriptOfText } from './script.ts'

export interface ShapedGlyph {
  id: number
  /** In thousandths of an em, as PDF widths are. */
  advance: number
  xOffset: number
  yOffset: number
  codePoints: number[]
}

export interface Shaped {
  glyphs: ShapedGlyph[]
  /** Sum of advances, thousandths of an em. */
  advance: number
}

const SCRIPT_TAGS: Record<Script, string> = { latin: 'latn', arabic: 'arab', cjk: 'hani' }
const cache = new Map<string, Shaped>()
const CACHE_LIMIT = 50_000

export function shape(face: FaceId, text: string, rtl: boolean): Shaped {
  const key = `${face}\u0000${rtl ? 'r' : 'l'}\u0000${text}`
  let shaped = cache.get(key)
  if (shaped) return shaped
  const font = faceFont(face)
  const scale = 1000 / font.unitsPerEm
  const run = font.layout(text, undefined as unknown as string[], SCRIPT_TAGS[scriptOfText(text)], undefined, rtl ? 'rtl' : 'ltr')
  const glyphs = run.glyphs.map((glyph, index): ShapedGlyph => {
    const position = run.positions[index]!
    return {
      id: glyph.id,
      advance: position.xAdvance * scale,
      xOffset: position.xOffset * scale,
      yOffset: position.yOffset * scale,
      codePoints: [...glyph.codePoints]
    }
  })
  shaped = { glyphs, advance: glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) }
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(key, shaped)
  return shaped
}

/**
 * Shapes a line piece word by word: no OpenType feature of our scripts
 * reaches across a space (Arabic joining stops at one, and kerning pairs do
 * not include it), so the glyphs are the same as shaping the whole piece,
 * and the per-word cache makes a word that recurs cost nothing. Text without
 * spaces (Chinese) is shaped whole.
 */
export function shapeByWords(face: FaceId, text: string, rtl: boolean): Shaped {
  const words = text.match(/[^ ]+| +/g) ?? []
  if (words.length <= 1) return shape(face, text, rtl)
  const parts = words.map((word) => shape(face, word, rtl))
  // A right-to-left piece comes back in visual order: its last word first.
  if (rtl) parts.reverse()
  const glyphs = parts.flatMap((part) => part.glyphs)
  return { glyphs, advance: parts.reduce((sum, part) => sum + part.advance, 0) }
}

const advances = new Map<string, number>()

/**
 * Width of `text` in points at `size`, for line breaking. Arabic is shaped
 * (joining changes widths); other scripts add up glyph advances without
 * OpenType layout, about sixty times faster. That leaves out kerning and
 * ligatures, which only ever narrow Noto's Latin and Cyrillic: a line is
 * at worst broken a hair early, and drawing and justification use the
 * shaped glyphs (layout.ts), so what is printed is exact.
 */
export function measure(face: FaceId, text: string, size: number): number {
  if (text === '') return 0
  if (scriptOfText(text) === 'arabic') return (shape(face, text, true).advance * size) / 1000
  const key = `${face}\u0000${text}`
  let advance = advances.get(key)
  if (advance === undefined) {
    const font = faceFont(face)
    advance = (font.glyphsForString(text).reduce((sum, glyph) => sum + glyph.advanceWidth, 0) * 1000) / font.unitsPerEm
    if (advances.size >= CACHE_LIMIT) advances.clear()
    advances.set(key, advance)
  }
  return (advance * size) / 1000
}

/**
 * For each glyph of a shaped run, the range of `text` (logical order) it
 * stands for, found by consuming its code points in logical order. Glyphs a
 * substitution added get an empty range at their cluster's end.
 */
export function clusters(glyphs: readonly ShapedGlyph[], text: string, rtl: boolean): Array<[number, number]> {
  const ranges: Array<[number, number]> = new Array(glyphs.length)
  let index = 0
  for (let step = 0; step < glyphs.length; step++) {
    const at = rtl ? glyphs.length - 1 - step : step
    const start = index
    // Count, not compare: mirrored brackets were shaped as their mirror image.
    for (let count = glyphs[at]!.codePoints.length; count > 0 && index < text.length; count--) {
      index += text.codePointAt(index)! > 0xffff ? 2 : 1
    }
    ranges[at] = [start, index]
  }
  return ranges
}
