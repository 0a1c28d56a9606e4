/**
 * pdfkit deflates each stream with zlib.deflateSync as the stream ends, on
 * the main thread; with buffered pages (the folios say "page n of N") every
 * page's content stream ends in doc.end(), and so does every font file: about
 * 190 ms of the 193-page book's main thread on Node.js 20. A document handed
 * to deflateOffThread has them deflated by zlib.deflate on libuv's thread
 * pool instead (the same zlib and options, so the same bytes) while the main
 * thread goes on with the rest of doc.end() (font subsets, the structure
 * tree). Objects are still written in the order pdfkit ends them, each once
 * every one before it is written, so offsets, the cross-reference table and
 * every byte of the file are those of the synchronous path.
 */
import zlib from 'node:zlib'

/** The parts of pdfkit's PDFReference (not exported) that finalize() uses. */
interface Reference {
  document: Writer
  buffer: Uint8Array[]
  compress: boolean
  offset?: number
  finalize(): void
}

/** The parts of PDFDocument that finalize() writes through. */
interface Writer {
  _offset: number
  _security?: unknown
  _write(data: Uint8Array | string): void
  _refEnd(ref: Reference): void
}

interface Queued {
  ready: boolean
  write(): void
}

const queues = new WeakMap<object, Queued[]>()
const INSTALLED = Symbol.for('polyglot-press.deflate-off-thread')

/** From now on, `doc`'s streams are deflated on the thread pool; its 'end' comes once the last is written. */
export function deflateOffThread(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as Writer & { _root: Reference }
  // Encryption works on the deflated bytes at write time with its own state: not taken over.
  if (internals._security) return
  installOn(Object.getPrototypeOf(internals._root) as Reference & { [INSTALLED]?: true })
  queues.set(doc, [])
}

/** pdfkit's finalize, kept for documents not handed over and for writing itself. */
function installOn(prototype: Reference & { [INSTALLED]?: true }): void {
  if (prototype[INSTALLED]) return
  const original = prototype.finalize
  prototype[INSTALLED] = true
  prototype.finalize = function finalize(this: Reference) {
    const queue = queues.get(this.document)
    if (!queue) original.call(this)
    else if (this.compress && this.buffer.length > 0) queue.push(deflated(this, original, () => drain(queue)))
    // Nothing waiting: written now, as pdfkit would.
    else if (queue.length === 0) original.call(this)
    else queue.push(recorded(this, original))
  }
}

/** A stream deflated on the thread pool, then written by pdfkit as if it had come deflated. */
function deflated(ref: Reference, original: () => void, drained: () => void): Queued {
  const data = Buffer.concat(ref.buffer)
  // The chunks go now; the joined copy once zlib is done with it.
  ref.buffer = []
  const entry: Queued = {
    ready: false,
    write: () => {
      ref.compress = false
      original.call(ref)
    }
  }
  whenSlotFree((release) =>
    zlib.deflate(data, (error, bytes) => {
      release()
      if (error) {
        ;(ref.document as unknown as NodeJS.EventEmitter).emit('error', error)
        return
      }
      ref.buffer = [bytes]
      entry.ready = true
      drained()
    })
  )
  return entry
}

/**
 * An object ended behind a stream still being deflated: its bytes recorded as
 * pdfkit writes them now (later changes to its dictionary must not show, as
 * they would not have), and written in its turn at the offset it gets then.
 */
function recorded(ref: Reference, original: () => void): Queued {
  const writer = ref.document
  const writes: (Uint8Array | string)[] = []
  ref.document = { _offset: 0, _write: (data) => writes.push(data), _refEnd: () => {} }
  try {
    original.call(ref)
  } finally {
    ref.document = writer
  }
  return {
    ready: true,
    write: () => {
      ref.offset = writer._offset
      for (const data of writes) writer._write(data)
      writer._refEnd(ref)
    }
  }
}

/** Every object at the queue's head that is ready, in order. */
/**
 * Each deflate in flight holds zlib's state (about 300 KB) until it is done:
 * the book's 193 pages all started at once were 45 MB more peak RSS. Two at
 * a time keep both cores busy beside the main thread.
 */
const IN_FLIGHT = 2
let inFlight = 0
const waiting: ((release: () => void) => void)[] = []

function whenSlotFree(start: (release: () => void) => void): void {
  if (inFlight >= IN_FLIGHT) {
    waiting.push(start)
    return
  }
  inFlight++
  start(() => {
    inFlight--
    const next = waiting.shift()
    if (next) whenSlotFree(next)
  })
}

function drain(queue: Queued[]): void {
  let written = 0
  while (written < queue.length && queue[written]!.ready) queue[written++]!.write()
  queue.splice(0, written)
}
