/**
 * Faces as HarfBuzz sees them, one per face and process: for shaping
 * (shape.ts) and for asking which characters a face has (itemize.ts).
 */
import * as hb from 'harfbuzzjs'
import { faceBuffer, type FaceId, onFaceDropped } from '../fonts.ts'
import { withoutOutlines } from './shaping-tables.ts'

export interface ShapingFont {
  font: hb.Font
  /** Font units to thousandths of an em. */
  scale: number
}

const fonts = new Map<FaceId, ShapingFont>()

export function shapingFont(face: FaceId): ShapingFont {
  let found = fonts.get(face)
  if (!found) {
    const parsed = new hb.Face(new hb.Blob(withoutOutlines(faceBuffer(face))), 0)
    found = { font: new hb.Font(parsed), scale: 1000 / parsed.upem }
    fonts.set(face, found)
  }
  return found
}

export function hasGlyph(face: FaceId, codePoint: number): boolean {
  return nominalGlyph(face, codePoint) !== undefined
}

/** Per face, the glyph of each code point of the Basic Multilingual Plane looked up so far: id + 1, or NONE. */
const cmaps = new Map<FaceId, Int32Array>()
const NONE = -1

// A face read afresh (its file changed): HarfBuzz's face was made of the old bytes.
onFaceDropped((face) => {
  fonts.delete(face)
  cmaps.delete(face)
})

/**
 * The glyph a face maps `codePoint` to, if it has one. Font fallback asks
 * for every character of every paragraph: each answer is kept, so a
 * character costs HarfBuzz's four WebAssembly calls once per face.
 */
export function nominalGlyph(face: FaceId, codePoint: number): number | undefined {
  if (codePoint > 0xffff) return shapingFont(face).font.nominalGlyph(codePoint)
  let cmap = cmaps.get(face)
  if (!cmap) cmaps.set(face, (cmap = new Int32Array(0x10000)))
  const known = cmap[codePoint]!
  if (known !== 0) return known === NONE ? undefined : known - 1
  const id = shapingFont(face).font.nominalGlyph(codePoint)
  cmap[codePoint] = id === undefined ? NONE : id + 1
  return id
}
