/**
 * WOFF2 compression on a worker thread. subset-font makes a page's WOFF2
 * with wawoff2 (Brotli at quality 11 with the glyf transform, in
 * WebAssembly): about a second of CPU for a Chinese page's regular face,
 * nine tenths of making a subset. The build cuts the face with hb-subset
 * (fast) and hands the TrueType subset to this thread, which converts it as
 * subset-font itself would (fontverter, the same wawoff2), so the bytes are
 * the same, while the main thread goes on setting the next edition.
 *
 * One thread: on two cores the main thread and it fill the machine, and each
 * thread carries its own WebAssembly memory (about 100 MB after a Chinese
 * face), which only ever grows. It starts with the first compression a build
 * needs (none when every subset is in the cache), stays for the process and
 * never keeps it alive while idle.
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
let made = 0

/** Compressions asked of the thread in this process, and made (the tests check when a build asks, and that nothing is asked twice). */
export function woff2Jobs(): { asked: number; made: number } {
  return { asked, made }
}

/** A TrueType font as WOFF2, made on the compression thread; jobs run one after another, in order. */
export function woff2OnThread(sfnt: Buffer): Promise<Buffer> {
  asked++
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

function spawn(): Worker {
  const subsetFont = createRequire(import.meta.url).resolve('subset-font')
  const fontverter = createRequire(subsetFont).resolve('fontverter')
  const worker = new Worker(THREAD_CODE, { eval: true, workerData: { fontverter } })
  worker.on('message', (reply: Reply) => {
    const job = working
    working = undefined
    worker.unref()
    if (reply.data) {
      made++
      job?.resolve(Buffer.from(reply.data.buffer, reply.data.byteOffset, reply.data.byteLength))
    } else job?.reject(new Error(reply.error ?? 'WOFF2 compression failed'))
    next()
  })
  // A thread that dies (out of memory) fails its job; the next job starts another.
  worker.on('error', (error) => {
    working?.reject(error)
    working = undefined
    thread = undefined
    next()
  })
  return worker
}
