/**
 * The PDF writer's streams deflated on the thread pool (render/pdf/deflate-off-thread.ts):
 * none by zlib.deflateSync on the main thread, and the same bytes as pdfkit
 * writes deflating them itself, objects ended behind a stream still deflating
 * included.
 */
import zlib from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { faceFont } from '../pipeline/render/pdf/fonts.ts'
import { documentWithoutDefaultFont, leanDocument } from '../pipeline/render/pdf/pdfkit-speed.ts'

const OPTIONS = { size: 'A4', bufferPages: true, pdfVersion: '1.7', tagged: true, info: { CreationDate: new Date(Date.UTC(2026, 0, 1)) } } as PDFKit.PDFDocumentOptions
const WORDS = 'Total fit sets a paragraph whole, Қазақстан, Россия, and again. '.repeat(40)

/**
 * Pages of text in two faces, buffered as the writer buffers them, with a
 * stream ended in the middle of them and a dictionary ended behind it that
 * changes afterwards (as pdfkit's own objects may: the bytes are those of
 * when it ended); read back whole.
 */
function pdf(offThread: boolean): Promise<Buffer> {
  // The writer's own document (leanDocument) against pdfkit deflating as it ends each stream.
  const doc = offThread ? leanDocument(OPTIONS) : documentWithoutDefaultFont(OPTIONS)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.registerFont('serif', faceFont('notoSerif') as unknown as string)
  doc.registerFont('bold', faceFont('notoSerifBold') as unknown as string)
  doc.font('serif').fontSize(11).text(WORDS, 72, 72)
  const stream = doc.ref({ Type: 'EmbeddedFile' })
  stream.end(WORDS)
  const behind = doc.ref({ Kind: 'Behind' }) as PDFKit.PDFKitReference & { data: Record<string, unknown> }
  behind.end('')
  behind.data.Kind = 'Changed'
  doc.addPage().font('bold').text(WORDS, 72, 72).font('serif').text(WORDS)
  doc.end()
  return done
}

describe('PDF streams deflated off the main thread', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('leaves zlib.deflateSync uncalled and writes the bytes pdfkit writes deflating on the main thread', async () => {
    const onMainThread = vi.spyOn(zlib, 'deflateSync')
    const own = await pdf(false)
    const calls = onMainThread.mock.calls.length
    // Pages, font files, the embedded stream: deflated by pdfkit itself.
    expect(calls).toBeGreaterThan(5)
    const off = await pdf(true)
    expect(onMainThread.mock.calls.length).toBe(calls)
    expect(off.toString('latin1')).toContain('/Kind /Behind')
    expect(off.toString('latin1')).not.toContain('/Kind /Changed')
    expect(off.equals(own)).toBe(true)
  })

  it('keeps two deflates in flight at most (each holds zlib\'s state until done), all of them started', async () => {
    const deflate = zlib.deflate
    let inFlight = 0
    let most = 0
    let started = 0
    vi.spyOn(zlib, 'deflate').mockImplementation(((data: Buffer, callback: (error: Error | null, result: Buffer) => void) => {
      started++
      most = Math.max(most, ++inFlight)
      deflate(data, (error, result) => {
        inFlight--
        callback(error, result)
      })
    }) as unknown as typeof zlib.deflate)
    await pdf(true)
    expect(started).toBeGreaterThan(5)
    expect(most).toBe(2)
  })

  it('fails the document when zlib fails', async () => {
    vi.spyOn(zlib, 'deflate').mockImplementation(((_data: Buffer, callback: (error: Error | null, result: Buffer) => void) => {
      callback(new Error('zlib broke'), Buffer.alloc(0))
    }) as unknown as typeof zlib.deflate)
    await expect(pdf(true)).rejects.toThrow('zlib broke')
  })
})
