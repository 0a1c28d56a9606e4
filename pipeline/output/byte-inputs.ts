/**
 * What outside the project's files changes an edition's bytes: the content's
 * date from SOURCE_DATE_EPOCH, and font files chosen with PRESS_FONTS (each
 * by its path and the hash of its bytes; a missing file hashes as null, so a
 * build with it is never taken for one without it). Both the edition keys
 * and the no-change check hash these: a trial font or a date can never be
 * served from the cache as the official edition.
 */
import path from 'node:path'
import { UsageError } from '../report.ts'
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
  const epoch = sourceDateEpoch(environment)
  return { sourceDateEpoch: epoch === undefined ? null : String(epoch), fonts }
}

/** The zip format's dates (EPUB entries) run from 1980 to 2107. */
const FIRST = Date.UTC(1980, 0, 1) / 1000
const LAST = Date.UTC(2107, 11, 31, 23, 59, 58) / 1000

/** SOURCE_DATE_EPOCH as seconds, undefined when unset; anything but whole seconds in the zip's range is a usage error. */
export function sourceDateEpoch(environment: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = environment.SOURCE_DATE_EPOCH
  if (value === undefined || value === '') return undefined
  const seconds = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!(seconds >= FIRST && seconds <= LAST)) {
    throw new UsageError(`Unexpected SOURCE_DATE_EPOCH=${JSON.stringify(value).slice(1, -1)}, expected whole seconds since 1970 between ${FIRST} (1980-01-01) and ${LAST} (2107-12-31), the dates a zip file (EPUB) can hold`)
  }
  return seconds
}
