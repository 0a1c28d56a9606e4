/**
 * A code cache's file in .cache/code/ (bin/load-parts.mjs makes and reads
 * them): a line of JSON, the CRC-32 of V8's data (V8 checks a cache's
 * version, flags and source length, not its bytes, and crashes on damaged
 * data) and the code paths of the runs that made it, then the data. Written
 * under a temporary name and renamed, the name write-atomic.ts gives, which
 * bin/sweep-code-cache.mjs removes when a killed process left it.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/** A code cache's file: a line of JSON (the data's CRC-32, the code paths of the runs that made it), then V8's data. */
export function readCache(file) {
  let bytes
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  const end = bytes.indexOf(10)
  try {
    const head = JSON.parse(bytes.subarray(0, end).toString('utf8'))
    const data = bytes.subarray(end + 1)
    return zlib.crc32(data) === head.crc32 ? { data, ran: Array.isArray(head.ran) ? head.ran : [] } : undefined
  } catch {
    return undefined
  }
}

export function writeCache(file, data, ran) {
  mkdirSync(path.dirname(file), { recursive: true })
  // The temporary name write-atomic.ts gives: sweepCodeCache removes one a killed process left.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  writeFileSync(temporary, Buffer.concat([Buffer.from(`${JSON.stringify({ crc32: zlib.crc32(data), ran })}\n`), data]))
  renameSync(temporary, file)
}
