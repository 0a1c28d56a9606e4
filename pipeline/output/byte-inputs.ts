/**
 * What outside the project's files changes an edition's bytes: the content's
 * date from SOURCE_DATE_EPOCH, and font files chosen with PRESS_FONTS (each
 * by its path and the hash of its bytes; a missing file hashes as null, so a
 * build with it is never taken for one without it). Both the edition keys
 * and the no-change check hash these: a trial font or a date can never be
 * served from the cache as the official edition.
 */
import path from 'node:path'
import { chosenFonts } from '../render/pdf/font-choice.ts'
import { fileDigest, type FileDigests } from './edition-cache.ts'

export interface ByteInputs {
  sourceDateEpoch: string | null
  fonts: Array<{ role: string; file: string; sha256: string | null }>
}

export function byteInputs(environment: NodeJS.ProcessEnv = process.env, digests?: FileDigests): ByteInputs {
  const fonts = Object.entries(chosenFonts(environment.PRESS_FONTS)).map(([role, file]) => {
    const absolute = path.resolve(file)
    return { role, file: absolute, sha256: fileDigest(absolute, digests) }
  })
  return { sourceDateEpoch: environment.SOURCE_DATE_EPOCH ?? null, fonts }
}
