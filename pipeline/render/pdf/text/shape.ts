/**
 * Shaping with HarfBuzz (harfbuzzjs, its own WebAssembly build): Arabic
 * joining forms, ligatures, marks and kerning. A right-to-left run is passed
 * in logical order with its direction, and comes back in visual order.
 * Results are cached per process (the same words recur across editions and
 * measurements).
 *
 * Why HarfBuzz rather than fontkit's layout (pdfkit's engine, which still
 * measures, subsets and embeds the fonts): HarfBuzz is the shaper browsers
 * and LibreOffice use, and it shapes a cold build's words about four times
 * faster than fontkit, whose JavaScript has to be decoded and compiled anew
 * in every process (see README, "Speed").
 */
import * as hb from 'harfbuzzjs'
import { type FaceId, onFaceDropped } from '../fonts.ts'
import { runsRightToLeft } from './script.ts'
import { shapingFont } from './shaping-font.ts'

export interface ShapedGlyph {
  id: number
  /** In thousandths of an em, as PDF widths are. */
  advance: number
  xOffset: number
  yOffset: number
  /** The characters this glyph stands for; empty for the second and later glyphs of one character or ligature. */
  codePoints: number[]
}

export interface Shaped {
  glyphs: ShapedGlyph[]
  /** Sum of advances, thousandths of an em. */
  advance: number
}

/**
 * Shapes by face, direction and text; advances (thousandths of an em) by face and text, whatever the
 * size: measure()'s. Kept a map per face (and direction) so that a lookup makes no key string: a
 * book's layout looks up some 300,000 words and spaces.
 */
const cache = new Map<FaceId, [ltr: Map<string, Shaped>, rtl: Map<string, Shaped>]>()
const widths = new Map<FaceId, Map<string, number>>()
// A face read afresh (its file changed) may map and place its glyphs otherwise.
onFaceDropped((face) => {
  cache.delete(face)
  widths.delete(face)
})
const CACHE_LIMIT = 50_000
let shapes = 0
let measured = 0
let buffer: hb.Buffer | undefined

export function shape(face: FaceId, text: string, rtl: boolean): Shaped {
  let byDirection = cache.get(face)
  if (!byDirection) cache.set(face, (byDirection = [new Map(), new Map()]))
  let shaped = byDirection[rtl ? 1 : 0].get(text)
  if (shaped) return shaped
  const { font, scale } = shapingFont(face)
  buffer ??= new hb.Buffer()
  buffer.clearContents()
  buffer.addText(text)
  buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR)
  // A mark keeps a cluster of its own, so every glyph can say which characters it stands for.
  buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS)
  buffer.guessSegmentProperties()
  hb.shape(font, buffer)
  const infos = buffer.getGlyphInfos()
  const positions = buffer.getGlyphPositions()
  const glyphs = infos.map((info, index): ShapedGlyph => {
    const position = positions[index]!
    return { id: info.codepoint, advance: position.xAdvance * scale, xOffset: position.xOffset * scale, yOffset: position.yOffset * scale, codePoints: [] }
  })
  assignCodePoints(glyphs, infos.map((info) => info.cluster), text, rtl)
  shaped = { glyphs, advance: glyphs.reduce((sum, glyph) => sum + glyph.advance, 0) }
  if (shapes >= CACHE_LIMIT) {
    for (const maps of cache.values()) for (const map of maps) map.clear()
    shapes = 0
  }
  byDirection[rtl ? 1 : 0].set(text, shaped)
  shapes++
  return shaped
}

/**
 * A glyph's characters run from its cluster (a UTF-16 offset) to the next
 * cluster in logical order; of several glyphs in one cluster, the first
 * carries them. Clusters only grow in logical order at this cluster level.
 */
function assignCodePoints(glyphs: ShapedGlyph[], clusterOf: readonly number[], text: string, rtl: boolean): void {
  const count = glyphs.length
  const at = (step: number) => (rtl ? count - 1 - step : step)
  for (let step = 0; step < count; step++) {
    const cluster = clusterOf[at(step)]!
    if (step > 0 && clusterOf[at(step - 1)] === cluster) continue
    let next = step + 1
    while (next < count && clusterOf[at(next)] === cluster) next++
    const end = next < count ? clusterOf[at(next)]! : text.length
    // The first glyph also carries anything before its cluster, so that no character is left out.
    glyphs[at(step)]!.codePoints = [...text.slice(step === 0 ? 0 : cluster, end)].map((char) => char.codePointAt(0)!)
  }
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

/**
 * Width of `text` in points at `size`, for line breaking: the shaped width,
 * kerning and ligatures included, so a line is broken where it will be set.
 */
export function measure(face: FaceId, text: string, size: number): number {
  if (text === '') return 0
  // Line breaking measures every word and space, some many times: the width is kept per face and text, as the shape is.
  let byText = widths.get(face)
  if (!byText) widths.set(face, (byText = new Map()))
  let advance = byText.get(text)
  if (advance === undefined) {
    if (measured >= CACHE_LIMIT) {
      for (const map of widths.values()) map.clear()
      measured = 0
    }
    advance = shape(face, text, runsRightToLeft(text)).advance
    byText.set(text, advance)
    measured++
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
