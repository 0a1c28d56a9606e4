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
  return doc
}
