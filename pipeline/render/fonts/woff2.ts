/**
 * WOFF2 for a page's subsets, by Google's woff2 encoder (Brotli at quality
 * 11 with the glyf transform) compiled natively (npm @napi-rs/ttf2woff2, a
 * prebuilt binary per platform). Its async form runs on libuv's thread pool:
 * no worker thread, no isolate and no WebAssembly memory, and a Chinese
 * page's regular face in about a third of the CPU wawoff2 took.
 *
 * One conversion at a time: on two cores the main thread, the build's
 * critical path, keeps the other, and the pool's other threads stay free for
 * the build's files (a write waits behind a busy pool). Jobs run in the
 * order asked, so the pages cut ahead are made in the order they are written.
 *
 * The encoder leaves the 0–3 bytes that pad the file to a multiple of four
 * unwritten in an output buffer it does not clear (napi-rs's binding), so
 * they held whatever the thread's memory held before: other bytes in every
 * build. They are zeroed here (withZeroPadding), so the same subset makes
 * the same file.
 */
import { createRequire } from 'node:module'

interface Job {
  sfnt: Buffer
  resolve: (data: Buffer) => void
  reject: (error: Error) => void
}

type Encoder = (sfnt: Buffer) => Promise<Buffer>

/** How many conversions run on the thread pool at once. */
export const AT_ONCE = 1

const queue: Job[] = []
let running = 0
let asked = 0
let mostAtOnce = 0
let encoder: Encoder | undefined

/** WOFF2 conversions asked for in this process, and the most that ran at once (the tests check when a build asks, that nothing is asked twice, and the limit). */
export function woff2Jobs(): { asked: number; running: number; mostAtOnce: number } {
  return { asked, running, mostAtOnce }
}

/** A TrueType font as WOFF2, compressed off the main thread (jobs in order, AT_ONCE at a time). */
export async function toWoff2(sfnt: Buffer): Promise<Buffer> {
  asked++
  return new Promise((resolve, reject) => {
    queue.push({ sfnt, resolve, reject })
    next()
  })
}

function next(): void {
  if (running >= AT_ONCE || queue.length === 0) return
  const job = queue.shift()!
  running++
  mostAtOnce = Math.max(mostAtOnce, running)
  let converting: Promise<Buffer>
  try {
    converting = (encoder ??= load())(job.sfnt)
  } catch (error) {
    converting = Promise.reject(error)
  }
  converting.then(job.resolve, (error: unknown) => job.reject(error instanceof Error ? error : new Error(String(error)))).finally(() => {
    running--
    next()
  })
}

/** The native module, loaded with the first job: a build whose subsets are all in the cache never loads it. */
function load(): Encoder {
  const require = createRequire(import.meta.url)
  try {
    const { convertTTFToWOFF2Async } = require('@napi-rs/ttf2woff2') as typeof import('@napi-rs/ttf2woff2')
    return async (sfnt) => withZeroPadding(await convertTTFToWOFF2Async(sfnt))
  } catch (error) {
    throw new Error(`Cannot load the WOFF2 encoder (@napi-rs/ttf2woff2) for this platform (${process.platform}-${process.arch}): ${error instanceof Error ? error.message : error}; run npm install again so that npm adds its package for this platform`)
  }
}

/** Table tags WOFF2 transforms unless the transform version says otherwise: glyf and loca (known-table index 10, 11). */
const GLYF_LOCA = new Set([10, 11])

/**
 * A WOFF2 file with the bytes after its compressed data (the padding to a
 * multiple of four; the encoder writes no metadata or private block) set to
 * zero.
 */
export function withZeroPadding(woff2: Buffer): Buffer {
  const { end } = compressedData(woff2)
  if (woff2.length - end > 3) throw new Error(`The WOFF2 encoder's output has ${woff2.length - end} bytes after its compressed data, not a padding of 0–3`)
  woff2.fill(0, end)
  return woff2
}

/**
 * Where a single font's WOFF2 holds its Brotli stream: after the 48-byte
 * header and the table directory, whose entries are a flags byte, a tag when
 * the flags name none, and one or two UIntBase128 lengths (WOFF2 sections 4
 * and 5), for totalCompressedSize bytes.
 */
export function compressedData(woff2: Buffer): { start: number; end: number } {
  if (woff2.toString('latin1', 0, 4) !== 'wOF2' || woff2.toString('latin1', 4, 8) === 'ttcf' || woff2.readUInt32BE(28) !== 0 || woff2.readUInt32BE(40) !== 0) {
    throw new Error('Expected a single font\'s WOFF2 without metadata or private data from the WOFF2 encoder')
  }
  let offset = 48
  const base128 = (): void => {
    while (woff2[offset++]! & 0x80);
  }
  for (let table = woff2.readUInt16BE(12); table > 0; table--) {
    const flags = woff2[offset++]!
    const known = flags & 0x3f
    if (known === 0x3f) offset += 4
    base128()
    // A transform length follows when the table is transformed: glyf and loca unless version 3, others unless version 0.
    if (GLYF_LOCA.has(known) ? flags >> 6 === 0 : flags >> 6 !== 0) base128()
  }
  const end = offset + woff2.readUInt32BE(20)
  if (end > woff2.length) throw new Error('The WOFF2 encoder\'s output is shorter than its compressed data')
  return { start: offset, end }
}
