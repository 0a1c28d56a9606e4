/**
 * The faces the HTML, EPUB and cover carry: always the npm files (PRESS_FONTS
 * puts a trial font in the PDF only, and a missing trial font must fail only
 * the PDF), each read and parsed once per process.
 */
import { readFileSync } from 'node:fs'
import * as fontkit from 'fontkit'
import { type FaceId, npmFaceFile } from '../pdf/fonts.ts'

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
    const data = readFileSync(file)
    found = { file, data, font: fontkit.create(data) as fontkit.Font }
    faces.set(face, found)
  }
  return found
}
