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
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
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

/** pdf.js's text items joined as its viewer's text layer holds them, nothing normalized. */
async function pdfItemsText(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise
  let text = ''
  for (let number = 1; number <= document.numPages; number++) {
    const { items } = await (await document.getPage(number)).getTextContent({ includeMarkedContent: true, disableNormalization: true })
    for (const item of items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '')
  }
  await document.destroy()
  return text
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

  for (const [reader, read] of Object.entries(readers)) {
    it(`${reader}: guillemets, brackets and punctuation where the text has them (neutrals on the side the text puts them)`, async () => {
      // poppler wraps runs in embedding controls of its own (U+202A–U+202C); the marks it needs it reads (poppler-marks.ts).
      let text = (await read(data)).replace(/[\u202a-\u202e]/g, '')
      // MuPDF 1.21 starts a new line wherever a left-to-right letter is more than 0.8 em from the last glyph (stext-device.c).
      if (reader === 'MuPDF') text = text.replace(/\n(?=\p{Script=Latin})|(?<=\p{Script=Latin})\n/gu, '')
      text = normalize(text)
      for (const paragraph of PARAGRAPHS) expect(text).toContain(normalize(paragraph))
    })
  }

  it('no reader copies a right-to-left mark, NUL or zero-width space that the text does not need', async () => {
    const copied = {
      MuPDF: await readers.MuPDF!(data),
      // What pdf.js's viewer copies: its text with NUL removed (removeNullCharacters), as TextLayerBuilder's copy handler does.
      'pdf.js': (await pdfItemsText(data)).replaceAll('\u0000', '')
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL must not reach a copy
    for (const [reader, text] of Object.entries(copied)) expect({ reader, invisible: text.match(/[\u0000\u200b\u200e\u200f]/g) ?? [] }).toEqual({ reader, invisible: [] })
    // The pdf.js text itself holds NUL only just before a space.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL carries pdf.js's space
    expect((await pdfItemsText(data)).match(/\u0000(?! )/g)).toBeNull()
    // poppler reads a mark only where its reordering would otherwise move a neutral: after a letter, number or separator that is not Arabic.
    const poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: data }).toString().replace(/[\u202a-\u202e]/g, '')
    const marks = [...poppler.matchAll(/\u200f/g)].map((match) => poppler.slice(Math.max(0, match.index - 1), match.index))
    expect(marks.length).toBeGreaterThan(0)
    expect(marks.filter((before) => !/[\p{Script=Latin}\p{Nd}.,:%\u060c]/u.test(before))).toEqual([])
    // biome-ignore lint/suspicious/noControlCharactersInRegex: poppler reads the empty /ActualText, never the NUL
    expect(poppler.match(/[\u0000\u200b]/g)).toBeNull()
  })

  it('poppler: a Latin name in brackets stays in its brackets, with its spaces on the Arabic side', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: data }).toString()
    expect(normalize(text.replace(/[\u202a-\u202e]/g, ''))).toContain('شتوك (Jürgen Stock) عن عام 2024')
  })
})
