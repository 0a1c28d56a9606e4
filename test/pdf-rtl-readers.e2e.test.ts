/**
 * A right-to-left document read back by the three PDF readers people use:
 * poppler (pdftotext), MuPDF (mutool draw -F txt) and pdf.js. Each reads a
 * page its own way (see pipeline/render/pdf/text/draw-rtl.ts); all must give
 * the words in logical order: Arabic with numbers, Latin names, brackets,
 * guillemets and punctuation.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Edition } from '../pipeline/render/edition.ts'
import { BODY, type PdfState } from '../pipeline/render/pdf/state.ts'
import { setParagraph } from '../pipeline/render/pdf/typeset.ts'
import { tempDir } from './helpers/project.ts'
import { normalize, pdfText } from './helpers/read-back.ts'

const PARAGRAPHS = [
  'في مقابلة مع وكالة «قازإنفورم»، تحدث يورغن شتوك (Jürgen Stock) عن عام 2024.',
  'شغل منصب الأمين العام للإنتربول [INTERPOL] من 2014 إلى 2024، أي 10 سنوات، وقال: «لا بدّ من التعاون».',
  'هل نستطيع مواجهة الجرائم السيبرانية وحدنا؟ لا! في عام ٢٠٢٤ زار ٣ دول، و3.5 % من الميزانية {تقريبًا} للأمن الرقمي.'
]

async function rtlPdf(paragraphs: readonly string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 62, right: 62 } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise((resolve) => doc.on('end', resolve))
  const state = { doc, edition: { locale: 'ar', dir: 'rtl' } as Edition, insetStart: 0, missing: [] } as unknown as PdfState
  for (const text of paragraphs) setParagraph(state, [{ text, bold: false, italic: false }], BODY)
  doc.end()
  await done
  return Buffer.concat(chunks)
}

/** Letters, marks and digits, in the order the reader gives them; poppler's bidi embedding marks dropped. */
const words = (text: string) => normalize(text.replace(/[\u202a-\u202e]/g, '')).normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []

const readers: Record<string, (data: Buffer) => Promise<string>> = {
  poppler: async (data) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: data }).toString(),
  'poppler -layout': async (data) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: data }).toString(),
  MuPDF: async (data) => {
    const file = path.join(tempDir('press-rtl-'), 'rtl.pdf')
    writeFileSync(file, data)
    return execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()
  },
  'pdf.js': async (data) => (await pdfText(data)).text
}

let data: Buffer
beforeAll(async () => {
  data = await rtlPdf(PARAGRAPHS)
})

describe('a right-to-left PDF, read back', () => {
  for (const [reader, read] of Object.entries(readers)) {
    it(`${reader}: every word of every paragraph, in logical order, and guillemets the right way round`, async () => {
      const text = await read(data)
      const found = words(text).join(' ')
      for (const paragraph of PARAGRAPHS) expect(found).toContain(words(paragraph).join(' '))
      const plain = normalize(text.replace(/[\u202a-\u202e]/g, ''))
      expect(plain).toContain('«قازإنفورم»')
      expect(plain).toContain('«لا بدّ من التعاون»')
    })
  }

  it('pdf.js: guillemets, brackets and punctuation where the text has them', async () => {
    const { text } = await pdfText(data)
    for (const paragraph of PARAGRAPHS) expect(text).toContain(normalize(paragraph))
  })

  it('poppler: a Latin name in brackets stays in its brackets, with its spaces on the Arabic side', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: data }).toString()
    expect(normalize(text.replace(/[\u202a-\u202e]/g, ''))).toContain('شتوك (Jürgen Stock) عن عام 2024')
  })
})
