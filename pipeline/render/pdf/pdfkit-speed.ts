/**
 * A pdfkit document without the default font it would load: pdfkit opens
 * Helvetica for every new document, reading and parsing its metrics file
 * (about 6 ms of CPU in a build of the five PDFs), and nothing here sets
 * text in it. The faces keep the resource names they had beside Helvetica's /F1
 * (/F2, /F3…), so the PDF's bytes are the same (test/pdf-speed.test.ts).
 */
import PDFDocument from 'pdfkit'

export function documentWithoutDefaultFont(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({ ...options, font: null } as unknown as PDFKit.PDFDocumentOptions)
  ;(doc as unknown as { _fontCount: number })._fontCount = 1
  deferStreamText(doc)
  return doc
}

/** What of pdfkit's PDFReference (its class is not exported) the deferred writes touch. */
interface ReferenceInternals {
  buffer: Array<Uint8Array | string>
  data: { Length?: number; Filter?: string }
  uncompressedLength: number
  compress: boolean
  write: (chunk: Uint8Array | string) => void
  finalize: () => void
}

const PDFKIT_OWN = Symbol('pdfkit’s own write and finalize')

type ReferencePrototype = ReferenceInternals & { [PDFKIT_OWN]?: Pick<ReferenceInternals, 'write' | 'finalize'> }

/**
 * A stream's text (a page's operators: several writes per line of text) kept
 * as strings until the stream is ended, then made bytes at once, in the same
 * bytes: pdfkit made each write a Uint8Array of its own, an array buffer
 * for the collector per write (the book's pages kept some 100,000 until
 * `doc.end()`, as the folios keep every page open). It is set on pdfkit's
 * shared PDFReference prototype, so it holds for every document of the
 * process (every PDF the build writes passes here first); `deferred` false
 * puts pdfkit's own methods back for all of them (the test that compares
 * the two).
 */
export function deferStreamText(doc: PDFKit.PDFDocument, deferred = true): void {
  const prototype = Object.getPrototypeOf((doc as unknown as { _root: object })._root) as ReferencePrototype
  const own = (prototype[PDFKIT_OWN] ??= { write: prototype.write, finalize: prototype.finalize })
  prototype.write = deferred ? writeDeferred : own.write
  prototype.finalize = deferred
    ? function (this: ReferenceInternals) {
      if (this.buffer.some((chunk) => typeof chunk === 'string')) this.buffer = bytesOf(this.buffer)
      own.finalize.call(this)
    }
    : own.finalize
}

function writeDeferred(this: ReferenceInternals, chunk: Uint8Array | string): void {
  // As pdfkit's write, but a string kept as it is (its line feed added); each character is one byte.
  const kept = chunk instanceof Uint8Array ? chunk : `${chunk}\n`
  this.uncompressedLength += kept.length
  if (this.data.Length == null) this.data.Length = 0
  this.buffer.push(kept)
  this.data.Length += kept.length
  if (this.compress) this.data.Filter = 'FlateDecode'
}

/** Neighbouring strings joined and made bytes as pdfkit makes them (each UTF-16 unit's low byte: latin1). */
function bytesOf(chunks: ReadonlyArray<Uint8Array | string>): Uint8Array[] {
  const bytes: Uint8Array[] = []
  let text: string[] = []
  const flush = () => {
    if (text.length > 0) bytes.push(Buffer.from(text.join(''), 'latin1'))
    text = []
  }
  for (const chunk of chunks) {
    if (typeof chunk === 'string') text.push(chunk)
    else {
      flush()
      bytes.push(chunk)
    }
  }
  flush()
  return bytes
}
