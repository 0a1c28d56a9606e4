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
    return (sfnt) => convertTTFToWOFF2Async(sfnt)
  } catch (error) {
    throw new Error(`Cannot load the WOFF2 encoder (@napi-rs/ttf2woff2) for this platform (${process.platform}-${process.arch}): ${error instanceof Error ? error.message : error}; run npm install again so that npm adds its package for this platform`)
  }
}
