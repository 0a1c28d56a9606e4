/**
 * The pages' content streams compressed on libuv's thread pool before
 * `doc.end()`, instead of one after the other on the main thread when
 * `doc.end()` ends them (pdfkit's deflateSync): the folios keep every page
 * open until then, and the book's 193 pages took about 0.09 s of the main
 * thread on Node.js 20. zlib.deflate is the same zlib with the same settings
 * as deflateSync, so the bytes are the same; pdfkit still writes every
 * object itself, in its own order and at its own offsets (pdfkit-speed.ts
 * hands it the compressed stream). A page written to after this is
 * compressed by pdfkit again.
 */
import { promisify } from 'node:util'
import { deflate } from 'node:zlib'

const deflateOnPool = promisify(deflate)

/** What of pdfkit's PDFReference a stream compressed ahead touches. */
export interface StreamInternals {
  buffer: Array<Uint8Array | string>
  compress: boolean
  uncompressedLength: number
}

interface BufferedPage {
  content: StreamInternals
  /** The marked contents still open: `doc.end()` closes each with `EMC` before it ends the page. */
  markings: unknown[]
}

interface Compressed {
  /** How many of the stream's chunks it was made of, and how many bytes they and the closing `EMC`s hold. */
  chunks: number
  length: number
  closings: number
  bytes: Buffer
}

const CLOSING = 'EMC\n'
/** Streams compressed at once: each holds a zlib state of some 0.4 MB while it runs (193 pages at once: 74 MB more). */
const AT_ONCE = 2
const compressedAhead = new WeakMap<StreamInternals, Compressed>()

/** Compresses the content of every page `doc` still buffers, as `doc.end()` will end it. */
export async function compressPagesAhead(doc: PDFKit.PDFDocument): Promise<void> {
  const pages = ((doc as unknown as { _pageBuffer?: BufferedPage[] })._pageBuffer ?? []).filter((page) => page.content.compress && page.content.buffer.length > 0)
  let next = 0
  const compressNext = async (): Promise<void> => {
    for (let page = pages[next++]; page; page = pages[next++]) {
      const { content, markings } = page
      const closings = CLOSING.repeat(markings.length)
      const chunks = content.buffer.length
      const input = Buffer.concat([...content.buffer.map(bytesOfChunk), Buffer.from(closings, 'latin1')])
      compressedAhead.set(content, { chunks, length: content.uncompressedLength + closings.length, closings: markings.length, bytes: await deflateOnPool(input) })
    }
  }
  await Promise.all(Array.from({ length: AT_ONCE }, compressNext))
}

/**
 * The stream's bytes compressed ahead, if it still holds exactly what they
 * were made of (its chunks then, and the closing `EMC`s `doc.end()` added); undefined otherwise.
 */
export function takeCompressed(stream: StreamInternals): Buffer | undefined {
  const compressed = compressedAhead.get(stream)
  if (!compressed) return undefined
  compressedAhead.delete(stream)
  const added = stream.buffer.slice(compressed.chunks)
  const same = stream.uncompressedLength === compressed.length && added.length === compressed.closings && added.every((chunk) => chunk === CLOSING)
  return same ? compressed.bytes : undefined
}

/** A chunk as pdfkit makes it bytes: a string's UTF-16 units' low bytes (latin1). */
function bytesOfChunk(chunk: Uint8Array | string): Uint8Array {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk
}
