/**
 * Faces as HarfBuzz sees them, one per face and process: for shaping
 * (shape.ts) and for asking which characters a face has (itemize.ts).
 */
import * as hb from 'harfbuzzjs'
import { faceBuffer, type FaceId } from '../fonts.ts'

export interface ShapingFont {
  font: hb.Font
  /** Font units to thousandths of an em. */
  scale: number
}

const fonts = new Map<FaceId, ShapingFont>()

export function shapingFont(face: FaceId): ShapingFont {
  let found = fonts.get(face)
  if (!found) {
    const parsed = new hb.Face(new hb.Blob(faceBuffer(face)), 0)
    found = { font: new hb.Font(parsed), scale: 1000 / parsed.upem }
    fonts.set(face, found)
  }
  return found
}

export function hasGlyph(face: FaceId, codePoint: number): boolean {
  return nominalGlyph(face, codePoint) !== undefined
}

/** The glyph a face maps `codePoint` to, if it has one. */
export function nominalGlyph(face: FaceId, codePoint: number): number | undefined {
  return shapingFont(face).font.nominalGlyph(codePoint)
}
