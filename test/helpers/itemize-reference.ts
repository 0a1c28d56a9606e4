/**
 * itemize as it was first written (pipeline/render/pdf/text/itemize.ts at
 * 078399f): character by character through the string's iterator, every
 * fallback asked; a space after an emoji in the run's face, as it is now. The optimised one must give the same spans
 * (test/pdf-speed.test.ts).
 */
import { fallbackFaces, setsSpaces, type FaceId, type Script } from '../../pipeline/render/pdf/fonts.ts'
import { hasGlyph } from '../../pipeline/render/pdf/text/shaping-font.ts'
import { isIgnorable } from '../../pipeline/render/pdf/text/script.ts'
import { BOX_CHARACTER, type MissingGlyph, type Span, type TextRun } from '../../pipeline/render/pdf/text/types.ts'

interface Itemized {
  text: string
  spans: Span[]
  missing: MissingGlyph[]
}

/** Printed for a character no face has, so the reader sees that something is missing (and the text layer says so). */
const REPLACEMENT = '\ufffd'

export function referenceItemize(runs: readonly TextRun[], script: Script): Itemized {
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
    for (const source of run.text) {
      let char = source
      let codePoint = char.codePointAt(0)!
      const last = spans[spans.length - 1]
      const continues = last && last.run === run && last.end === index
      let face: FaceId
      if (continues && (isIgnorable(char) || (/\s/.test(char) && setsSpaces(last.face) && hasGlyph(last.face, codePoint)))) {
        // Spaces and joiners stay in the face around them, so runs are not cut.
        face = last.face
      } else {
        let found = faces.find((candidate) => hasGlyph(candidate, codePoint))
        if (!found && !isIgnorable(char)) {
          missing.push({ char, codePoint, key: run.key, role: run.role })
          char = REPLACEMENT
          codePoint = REPLACEMENT.codePointAt(0)!
          found = faces.find((candidate) => hasGlyph(candidate, codePoint))
        }
        face = found ?? (continues ? last.face : faces[0]!)
      }
      if (continues && last.face === face) last.end = index + char.length
      else spans.push({ start: index, end: index + char.length, face, run })
      text += char
      index += char.length
    }
  }
  return { text, spans, missing }
}
