/**
 * The faces the HTML, EPUB and cover carry: always the npm files (PRESS_FONTS
 * puts a trial font in the PDF only, and a missing trial font must fail only
 * the PDF), each parsed once per process, and shared with the PDF. hb-subset
 * reads the file itself (hb-subset.ts); the parse answers which characters a
 * face has.
 */
import { readFileSync } from 'node:fs'
import * as fontkit from 'fontkit'
import { type FaceId, faceFile, faceFont, npmFaceFile, onFaceDropped } from '../pdf/fonts.ts'

export interface NpmFace {
  file: string
  font: fontkit.Font
}

const faces = new Map<FaceId, NpmFace>()
// The PDF's parse, shared here, read afresh (its file changed).
onFaceDropped((face) => faces.delete(face))

export function npmFace(face: FaceId): NpmFace {
  let found = faces.get(face)
  if (!found) {
    const file = npmFaceFile(face)
    found = pdfFace(face, file) ?? { file, font: fontkit.create(readFileSync(file)) as fontkit.Font }
    faces.set(face, found)
  }
  return found
}

/**
 * The PDF's own parse of the face when it is the same npm file (PRESS_FONTS
 * gives its role no other): one parse, not two. A trial font that cannot be
 * read is the PDF's error, not this one's.
 */
function pdfFace(face: FaceId, file: string): NpmFace | undefined {
  try {
    if (faceFile(face) !== file) return undefined
  } catch {
    return undefined
  }
  return { file, font: faceFont(face) }
}
