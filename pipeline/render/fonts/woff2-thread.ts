/**
 * WOFF2 for a page's subsets. subset-font makes WOFF2 with wawoff2 (Brotli
 * at quality 11 with the glyf transform, in WebAssembly): about a second of
 * CPU for a Chinese page's regular face, nine tenths of making the subset,
 * and 0.4 s for the 74k-word book's Latin faces. The build cuts the face with
 * hb-subset (fast) and converts the TrueType subset as subset-font itself
 * would (fontverter, the same wawoff2), so the bytes are the same, on a
 * worker thread, while the main thread, the build's critical path, goes on
 * parsing and setting the e-book and the PDF.
 *
 * One thread: on two cores the main thread and it fill the machine. It
 * starts with the first subset a build needs (none when they are all in the
 * cache) and ends once it has had nothing to do for a moment (LINGER_MS), so
 * that its isolate and wawoff2's WebAssembly memory (which only grows: about
 * 50 MB for a Latin page, more for a Chinese one) are given back before the
 * PDFs' peak instead of staying for the process (all of it on Node.js 24;
 * Node.js 20's malloc keeps part of the thread's arena). The moment is there
 * because a thread costs about 60 ms of CPU to start (an isolate, fontverter
 * and wawoff2's WebAssembly compiled again), and a build asks page by page.
 * A later job starts a new one.
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

/** How long an idle thread waits for another job before it ends: the pages of one build ask within it. */
export const LINGER_MS = 250

const queue: Job[] = []
let thread: Worker | undefined
let working: Job | undefined
let idle: NodeJS.Timeout | undefined
let asked = 0
let started = 0
let exited = 0

/** WOFF2 conversions asked for in this process, threads started for them and threads that have exited (the tests check when a build asks, that nothing is asked twice, and that an idle thread ends). */
export function woff2Jobs(): { asked: number; threads: number; exited: number; running: boolean } {
  return { asked, threads: started, exited, running: thread !== undefined }
}

/** A TrueType font as WOFF2, as subset-font makes it, on the thread (jobs in order). */
export async function toWoff2(sfnt: Buffer): Promise<Buffer> {
  asked++
  return new Promise((resolve, reject) => {
    queue.push({ sfnt, resolve, reject })
    next()
  })
}

function next(): void {
  if (working || queue.length === 0) return
  clearTimeout(idle)
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

function spawn(): Worker {
  started++
  const worker = new Worker(THREAD_CODE, { eval: true, workerData: { fontverter: fontverterFile() } })
  worker.on('message', (reply: Reply) => {
    const job = working
    working = undefined
    worker.unref()
    // Idle: ended soon (its memory given back), not at the process's exit; the timer keeps no process alive.
    if (queue.length === 0) idle = setTimeout(() => endIdle(worker), LINGER_MS).unref()
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
    exited++
    // A thread ended for being idle had no job.
    if (thread !== worker) return
    thread = undefined
    const job = working
    working = undefined
    job?.reject(failure ?? new Error(`The WOFF2 thread stopped (exit code ${code}) before compressing a font`))
    next()
  })
  return worker
}

function endIdle(worker: Worker): void {
  if (thread !== worker || working) return
  thread = undefined
  void worker.terminate()
}
