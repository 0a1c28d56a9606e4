/**
 * The faces the HTML, EPUB and cover carry: always the npm files (PRESS_FONTS
 * puts a trial font in the PDF only, and a missing trial font must fail only
 * the PDF), each read and parsed once per process, and shared with the PDF.
 */
import { readFileSync } from 'node:fs'
import * as fontkit from 'fontkit'
import { type FaceId, faceBuffer, faceFile, faceFont, npmFaceFile } from '../pdf/fonts.ts'

export interface NpmFace {
  file: string
  data: Buffer
  font: fontkit.Font
}

const faces = new Map<FaceId, NpmFace>()

export function npmFace(face: FaceId): NpmFace {
  let found = faces.get(face)
  if (!found) {
    const file = npmFaceFile(face)
    found = pdfFace(face, file)
    if (!found) {
      const data = readFileSync(file)
      found = { file, data, font: fontkit.create(data) as fontkit.Font }
    }
    faces.set(face, found)
  }
  return found
}

/**
 * The PDF's own copy of the face when it is the same npm file (PRESS_FONTS
 * gives its role no other): one copy of the bytes and one parse, not two;
 * a Chinese face is 15 MB. A trial font that cannot be read is the PDF's
 * error, not this one's.
 */
function pdfFace(face: FaceId, file: string): NpmFace | undefined {
  try {
    if (faceFile(face) !== file) return undefined
  } catch {
    return undefined
  }
  return { file, data: faceBuffer(face), font: faceFont(face) }
}
