/**
 * Font fallback per character: the edition's script picks the face of each
 * role (Noto Naskh Arabic for Arabic, Noto Serif SC for Chinese), and a
 * character that face lacks is set in the first face of the fallback list
 * that has it. A character no face has is reported, never silently printed
 * as an empty box. Keeping text in the edition's face wherever it can (Noto
 * Naskh Arabic draws Latin letters and digits too) keeps a line in one font,
 * which is also what lets PDF readers extract a mixed line in order.
 */
import { fallbackFaces, setsSpaces, type FaceId, type Script } from '../fonts.ts'
import { hasGlyph } from './shaping-font.ts'
import { isIgnorable } from './script.ts'
import { BOX_CHARACTER, type MissingGlyph, type Span, type TextRun } from './types.ts'

export interface Itemized {
  text: string
  spans: Span[]
  missing: MissingGlyph[]
}

/** Printed for a character no face has, so the reader sees that something is missing (and the text layer says so). */
const REPLACEMENT = '\ufffd'

export function itemize(runs: readonly TextRun[], script: Script): Itemized {
  let text = ''
  const spans: Span[] = []
  const missing: MissingGlyph[] = []
  let index = 0
  for (const run of runs) {
    const faces = fallbackFaces(run.role, script)
    if (run.box) {
      // A box is one character of its own span: measured by its size, never shaped.
      spans.push({ start: index, end: index + 1, face: faces[0]!, run })
      text += BOX_CHARACTER
      index += 1
      continue
    }
    // Every character passes here, mostly before V8 optimises this code: code points by index, and the run's text copied whole unless a character is replaced.
    const source = run.text
    let copied = 0
    // A keycap sequence being set (to `keycapEnd` in `source`), and the face that has its mark and its base.
    let keycapEnd = 0
    let keycapFace: FaceId | undefined
    for (let at = 0; at < source.length;) {
      let codePoint = source.codePointAt(at)!
      const length = codePoint > 0xffff ? 2 : 1
      const last = spans[spans.length - 1]
      const continues = last !== undefined && last.run === run && last.end === index
      let face: FaceId
      let replaced = false
      if (at >= keycapEnd && isKeycapBase(codePoint)) {
        const end = keycapAt(source, at + length)
        const found = end > 0 ? faceWith(faces, KEYCAP, codePoint) : undefined
        if (found) [keycapEnd, keycapFace] = [end, found]
      }
      if (at < keycapEnd) face = keycapFace!
      else if (continues && last.face === faces[0] && hasGlyph(last.face, codePoint)) {
        // The run's own face goes on (what the choice below gives too).
        face = last.face
      } else {
        const char = source.slice(at, at + length)
        if (continues && (isIgnorable(char) || (/\s/.test(char) && setsSpaces(last.face) && hasGlyph(last.face, codePoint)))) {
          // Spaces and joiners stay in the face around them, so runs are not cut.
          face = last.face
        } else {
          let found = faceWith(faces, codePoint)
          if (!found && !isIgnorable(char)) {
            missing.push({ char, codePoint, key: run.key, role: run.role })
            replaced = true
            codePoint = REPLACEMENT.codePointAt(0)!
            found = faceWith(faces, codePoint)
          }
          face = found ?? (continues ? last.face : faces[0]!)
        }
      }
      const end = index + (replaced ? REPLACEMENT.length : length)
      if (continues && last.face === face) last.end = end
      else spans.push({ start: index, end, face, run })
      if (replaced) {
        text += source.slice(copied, at) + REPLACEMENT
        copied = at + length
      }
      index = end
      at += length
    }
    text += copied === 0 ? source : source.slice(copied)
  }
  return { text, spans, missing }
}

function faceWith(faces: readonly FaceId[], codePoint: number, base?: number): FaceId | undefined {
  for (let at = 0; at < faces.length; at++) if (hasGlyph(faces[at]!, codePoint) && (base === undefined || hasGlyph(faces[at]!, base))) return faces[at]
  return undefined
}

/**
 * A keycap (1️⃣: a digit, # or *, VS16 or not, then U+20E3) is one glyph of
 * the face that has its mark (Noto Emoji's GSUB makes it of the three), so
 * its base goes there too; left in the Latin face, the digit stood beside an
 * empty key.
 */
const KEYCAP = 0x20e3

function isKeycapBase(codePoint: number): boolean {
  return (codePoint >= 0x30 && codePoint <= 0x39) || codePoint === 0x23 || codePoint === 0x2a
}

/** Where the keycap whose base ends at `next` ends, or 0 when none follows. */
function keycapAt(source: string, next: number): number {
  const mark = source.charCodeAt(next) === 0xfe0f ? next + 1 : next
  return source.charCodeAt(mark) === KEYCAP ? mark + 1 : 0
}
