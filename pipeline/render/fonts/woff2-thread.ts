/**
 * WOFF2 for a page's subsets. subset-font makes WOFF2 with wawoff2 (Brotli
 * at quality 11 with the glyf transform, in WebAssembly): about a second of
 * CPU for a Chinese page's regular face, nine tenths of making the subset.
 * The build cuts the face with hb-subset (fast) and converts the TrueType
 * subset as subset-font itself would (fontverter, the same wawoff2), so the
 * bytes are the same: a large subset (a Chinese page's faces) on a worker
 * thread, while the main thread goes on setting the next edition; a small
 * one (a Latin, Cyrillic or Arabic page's, the index's: tens of
 * milliseconds) here, because the thread costs about 30 MB of memory
 * (its isolate, and wawoff2's WebAssembly memory, which only grows), more
 * than a build without Chinese pages would gain from it.
 *
 * One thread: on two cores the main thread and it fill the machine. It
 * starts with the first large subset a build needs (none when they are all
 * in the cache), stays for the process and never keeps it alive while idle.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

interface Job {
  sfnt: Buffer
  resolve: (data: Buffer) => void
  reject: (error: Error) => void
}

interface Reply {
  data?: Uint8Array
  error?: string
}

/** The thread's code, CommonJS: subset-font's own fontverter, so its own wawoff2. */
const THREAD_CODE = `
const { parentPort, workerData } = require('node:worker_threads')
const fontverter = require(workerData.fontverter)
parentPort.on('message', (sfnt) => {
  fontverter.convert(Buffer.from(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength), 'woff2', 'truetype')
    .then((data) => parentPort.postMessage({ data }), (error) => parentPort.postMessage({ error: String((error && error.message) || error) }))
})
`

const queue: Job[] = []
let thread: Worker | undefined
let working: Job | undefined
let asked = 0
let onThread = 0

/** TrueType subsets of this size and more are compressed on the thread: a Chinese page's faces (70 and 160 KB); a Latin page's are 10–30 KB. */
export const THREAD_FROM = 64 * 1024

/** WOFF2 conversions asked for in this process, and how many went to the thread (the tests check when a build asks, and that nothing is asked twice). */
export function woff2Jobs(): { asked: number; onThread: number } {
  return { asked, onThread }
}

/** A TrueType font as WOFF2, as subset-font makes it: a large one on the thread (jobs in order), a small one here. */
export async function toWoff2(sfnt: Buffer): Promise<Buffer> {
  asked++
  if (sfnt.byteLength < THREAD_FROM) return fontverter().convert(sfnt, 'woff2', 'truetype')
  onThread++
  return new Promise((resolve, reject) => {
    queue.push({ sfnt, resolve, reject })
    next()
  })
}

function next(): void {
  if (working || queue.length === 0) return
  working = queue.shift()!
  thread ??= spawn()
  // A thread at work keeps the process alive: the build awaits its answer.
  thread.ref()
  thread.postMessage(working.sfnt)
}

/** subset-font's own fontverter (a dependency of it, not of this project). */
function fontverterFile(): string {
  return createRequire(createRequire(import.meta.url).resolve('subset-font')).resolve('fontverter')
}

interface Fontverter {
  convert(font: Buffer, to: 'woff2', from: 'truetype'): Promise<Buffer>
}

let loaded: Fontverter | undefined

function fontverter(): Fontverter {
  loaded ??= createRequire(import.meta.url)(fontverterFile()) as Fontverter
  return loaded
}

function spawn(): Worker {
  const worker = new Worker(THREAD_CODE, { eval: true, workerData: { fontverter: fontverterFile() } })
  worker.on('message', (reply: Reply) => {
    const job = working
    working = undefined
    worker.unref()
    if (reply.data) job?.resolve(Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength))
    else job?.reject(new Error(reply.error ?? 'WOFF2 compression failed'))
    next()
  })
  // A thread that dies (out of memory, an error) or ends without one fails its job; the next job starts another.
  // 'exit' follows 'error' too, so the job is failed in one place, with the error when there was one.
  let failure: Error | undefined
  worker.on('error', (error) => {
    failure = error
  })
  worker.on('exit', (code) => {
    thread = undefined
    const job = working
    working = undefined
    job?.reject(failure ?? new Error(`The WOFF2 thread stopped (exit code ${code}) before compressing a font`))
    next()
  })
  return worker
}
