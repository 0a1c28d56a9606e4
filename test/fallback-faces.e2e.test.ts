/**
 * Scripts no edition is written in, quoted in an English document: Hebrew,
 * Devanagari, Thai, Greek and emoji. The PDF sets each in its fallback face
 * (Noto Sans Hebrew, Noto Sans Devanagari, Noto Sans Thai, Noto Emoji; Greek
 * is Noto Serif's own), embeds only the faces a document uses, and the three
 * PDF readers read every word back, Hebrew in logical order. What no face
 * covers (Tamil, Georgian) is still reported as missing-glyph.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { makeProject } from './helpers/project.ts'
import { normalize, pdfText } from './helpers/read-back.ts'

const MARKDOWN = `---
title: "Greetings"
lang: en
---

In Hebrew one says שלום עולם to the world, in Hindi नमस्ते दुनिया or हिन्दी में कर्म, in Thai สวัสดีชาวโลก ทำ, and in Greek Καλημέρα κόσμε.

**In bold: שלום, नमस्ते, สวัสดี.**

Status: ✅ done, 🚀 launched, ❤️ loved.

Left out: தமிழ் and ქართული.
`

/** The words each reader must give, as written (logical order). */
const WORDS = ['שלום', 'עולם', 'नमस्ते', 'दुनिया', 'हिन्दी', 'में', 'कर्म', 'สวัสดีชาวโลก', 'ทำ', 'Καλημέρα', 'κόσμε', '✅', '🚀', '❤\ufe0f']

let root: string
let said: string[]
let pdf: Buffer

beforeAll(async () => {
  root = makeProject({ 'content/greetings.md': MARKDOWN, 'content/plain.md': '---\ntitle: "Plain"\nlang: en\n---\n\nOnly English here.\n' })
  const result = await build({ root, locales: ['en'], formats: ['pdf'] })
  expect(result.failures).toEqual([])
  said = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'missing-glyph').map((message) => message.reason))
  pdf = readFileSync(path.join(root, 'output/en/greetings.pdf'))
}, 120_000)

const readers: Record<string, () => Promise<string>> = {
  poppler: async () => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString(),
  MuPDF: async () => execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', path.join(root, 'output/en/greetings.pdf')], { stdio: ['ignore', 'pipe', 'ignore'] }).toString(),
  'pdf.js': async () => (await pdfText(pdf)).text
}

/** Words as a reader gives them, NFC; poppler's bidi embedding controls part words (it puts a right-to-left run's space inside them). */
const wordsOf = (text: string) => new Set(normalize(text.replace(/[\u202a-\u202e]/g, ' ')).normalize('NFC').split(/[\s,.:*]+/u))

describe('fallback faces in the PDF', () => {
  it('report only the characters no face has: Tamil and Georgian', () => {
    const characters = said.map((reason) => /“(.+?)”/u.exec(reason)![1]!)
    expect(characters.length).toBeGreaterThan(0)
    expect(characters.filter((char) => !/[\p{Script=Tamil}\p{Script=Georgian}]/u.test(char))).toEqual([])
    expect(new Set(characters)).toEqual(new Set('தமிழ்ქართული'))
  })

  it('embeds each fallback face the document uses, bold for bold text, and none in a document without them', () => {
    const fonts = (file: string) => execFileSync('pdffonts', [path.join(root, 'output/en', file)]).toString()
    const used = fonts('greetings.pdf')
    for (const face of ['NotoSansHebrew', 'NotoSansHebrew-Bold', 'NotoSansDevanagari-Regular', 'NotoSansDevanagari-Bold', 'NotoSansThai-Regular', 'NotoSansThai-Bold', 'NotoEmoji-Regular']) {
      expect(used).toMatch(new RegExp(`\\+${face}\\s`))
    }
    expect(fonts('plain.pdf')).not.toMatch(/Hebrew|Devanagari|Thai|Emoji/)
  })

  for (const [reader, read] of Object.entries(readers)) {
    it(`${reader} reads every word, whole and in logical order, with no zero-width space inside one`, async () => {
      const text = await read()
      const found = wordsOf(text)
      expect(WORDS.filter((word) => !found.has(word))).toEqual([])
      expect(text).not.toMatch(/\p{L}\p{M}*\u200b\p{M}*\p{L}/u)
    })
  }
})
