/**
 * Devanagari conjuncts before a pre-base vowel sign (न्ति: ि drawn first, then
 * the half-form न्, then त), marks HarfBuzz leaves on a glyph of their own,
 * Thai and Hebrew, in a left-to-right and inside a right-to-left edition,
 * read back by poppler, MuPDF and pdf.js: every word whole, as written
 * (render/pdf/text/ltr-clusters.ts).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Edition } from '../pipeline/render/edition.ts'
import { BODY, type PdfState } from '../pipeline/render/pdf/state.ts'
import { setParagraph } from '../pipeline/render/pdf/typeset.ts'
import { tempDir } from './helpers/project.ts'
import { normalize, pdfText } from './helpers/read-back.ts'

const CONJUNCTS = ['शान्ति', 'स्थिति', 'अन्तिम', 'क्षत्रिय', 'प्रक्रिया', 'हिन्दी', 'नमस्ते', 'दुनिया', 'कर्म']
const OTHERS = ['สวัสดีชาวโลก', 'ทำ', 'กำลัง', 'שלום', 'עולם']

const EDITIONS = {
  en: ['Peace शान्ति and नमस्ते here.', `Words: ${CONJUNCTS.join(' ')}.`, 'Quoted: «नमस्ते», (नमस्ते) and नमस्ते.', 'Thai สวัสดีชาวโลก ทำ กำลัง, Hebrew שלום עולם.'],
  ar: ['سلام शान्ति و नमस्ते هنا.', `كلمات: ${CONJUNCTS.join(' ')} هنا.`, 'قال «नमस्ते» و(नमस्ते) ثم नमस्ते.', 'بالتايلندية สวัสดีชาวโลก ทำ กำลัง وبالعبرية שלום עולם.']
}

async function edition(locale: 'en' | 'ar'): Promise<string> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 62, right: 62 } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise((resolve) => doc.on('end', resolve))
  const state = { doc, edition: { locale, dir: locale === 'ar' ? 'rtl' : 'ltr' } as Edition, insetStart: 0, missing: [] } as unknown as PdfState
  for (const text of EDITIONS[locale]) setParagraph(state, [{ text, bold: false, italic: false }], BODY)
  doc.end()
  await done
  const file = path.join(tempDir('press-indic-'), `${locale}.pdf`)
  writeFileSync(file, Buffer.concat(chunks))
  return file
}

const readers: Record<string, (file: string) => Promise<string>> = {
  poppler: async (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString(),
  MuPDF: async (file) => execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString(),
  'pdf.js': async (file) => (await pdfText(readFileSync(file))).text
}

/** Words as a reader gives them, NFC; poppler's bidi embedding controls dropped. */
const wordsOf = (text: string) => normalize(text.replace(/[\u202a-\u202e]/g, ' ')).normalize('NFC').split(/[\s,.:«»()]+/u)

const files: Record<string, string> = {}
beforeAll(async () => {
  for (const locale of ['en', 'ar'] as const) files[locale] = await edition(locale)
})

describe('Devanagari, Thai and Hebrew words in a PDF, read back', () => {
  for (const locale of ['en', 'ar'] as const) {
    for (const [reader, read] of Object.entries(readers)) {
      it(`${reader}, ${locale} edition: every word whole, and no mark apart from its letter`, async () => {
        const words = wordsOf(await read(files[locale]!))
        expect(CONJUNCTS.filter((word) => !words.includes(word))).toEqual([])
        expect(words.filter((word) => word === 'नमस्ते').length).toBe(5)
        expect(OTHERS.filter((word) => !words.includes(word))).toEqual([])
        expect(words.filter((word) => /^\p{M}/u.test(word))).toEqual([])
      })
    }
  }
})
