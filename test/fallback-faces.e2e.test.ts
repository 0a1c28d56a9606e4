/**
 * Scripts no edition is written in, quoted in an English document: Hebrew,
 * Devanagari, Thai, Greek and emoji. The PDF sets each in its fallback face
 * (Noto Sans Hebrew, Noto Sans Devanagari, Noto Sans Thai, Noto Emoji; Greek
 * is Noto Serif's own), embeds only the faces a document uses, and the three
 * PDF readers read every word back, Hebrew in logical order. What no face
 * covers (Tamil, Georgian) is still reported as missing-glyph. The web page
 * and the e-book carry the same faces, cut to the characters: Chromium
 * draws every letter of those paragraphs in the page's own faces, and
 * EPUBCheck accepts the book.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { closeBrowser } from './conformance/browser.ts'
import { epubcheck } from './conformance/validators/epubcheck.ts'
import { platformFonts } from './helpers/platform-fonts.ts'
import { makeProject } from './helpers/project.ts'
import { normalize, pdfText } from './helpers/read-back.ts'

const MARKDOWN = `---
title: "Greetings"
lang: en
---

In Hebrew one says שלום עולם to the world, in Hindi नमस्ते दुनिया or हिन्दी में कर्म, in Thai สวัสดีชาวโลก ทำ, and in Greek Καλημέρα κόσμε.

**In bold: שלום, नमस्ते, สวัสดี.**

Status: ✅ done, 🚀 launched, ❤️ loved.

Flags 🇰🇿 and 🇺🇳, keycaps 1️⃣ and #️⃣.

Digits 1 2 3 and # alone.

Left out: தமிழ் and ქართული.
`

/** Keycaps in Arabic text, where digits are set at the Latin size in runs of their own (render/pdf/text/latin-size.ts). */
const ARABIC = `---
title: "مفاتيح"
lang: ar
---

# عنوان 1️⃣ فقط

نص 3️⃣ فقط **4️⃣** و 2 هنا.
`

/** The words each reader must give, as written (logical order). */
const WORDS = ['שלום', 'עולם', 'नमस्ते', 'दुनिया', 'हिन्दी', 'में', 'कर्म', 'สวัสดีชาวโลก', 'ทำ', 'Καλημέρα', 'κόσμε', '✅', '🚀', '❤\ufe0f', '1\ufe0f\u20e3', '#\ufe0f\u20e3']
/** Flags: one glyph of two characters outside the BMP, which MuPDF reads as replacement characters (README, left alone). */
const FLAGS = ['🇰🇿', '🇺🇳']

let root: string
let said: string[]
let pdf: Buffer

beforeAll(async () => {
  root = makeProject({ 'content/greetings.md': MARKDOWN, 'content/keycaps.md': ARABIC, 'content/plain.md': '---\ntitle: "Plain"\nlang: en\n---\n\nOnly English here.\n' })
  const result = await build({ root, locales: ['en'], formats: ['html', 'epub', 'pdf'] })
  expect(result.failures).toEqual([])
  said = [...new Set(result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'missing-glyph').map((message) => message.reason)))]
  pdf = readFileSync(path.join(root, 'output/en/greetings.pdf'))
}, 120_000)

afterAll(closeBrowser)

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
      expect([...WORDS, ...(reader === 'MuPDF' ? [] : FLAGS)].filter((word) => !found.has(word))).toEqual([])
      expect(text).not.toMatch(/\p{L}\p{M}*\u200b\p{M}*\p{L}/u)
    })
  }

  it('draws a keycap as Noto Emoji’s one glyph, its digit too, and the other digits in Noto Serif (MuPDF’s fonts per character)', () => {
    const stext = execFileSync('mutool', ['draw', '-q', '-F', 'stext', '-o', '-', path.join(root, 'output/en/greetings.pdf')], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()
    const chars: Array<{ font: string; char: string }> = []
    let font = ''
    for (const [, name, code] of stext.matchAll(/<font name="([^"]+)"|<char [^>]*c="([^"]*)"/g)) {
      if (name) font = name
      else chars.push({ font, char: code!.replace(/&#x([0-9a-f]+);/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16))).replace('&amp;', '&') })
    }
    const keycaps = chars.filter(({ char }, index) => /^[0-9#]$/.test(char) && chars[index + 1]?.char === '\ufe0f')
    expect(keycaps).toEqual([{ font: 'NotoEmoji-Regular', char: '1' }, { font: 'NotoEmoji-Regular', char: '#' }])
    const digits = chars.filter(({ char }, index) => /^[0-9#]$/.test(char) && chars[index + 1]?.char === ' ' && chars[index - 1]?.char === ' ')
    expect(digits.filter(({ font }) => font === 'NotoSerif-Regular').map(({ char }) => char)).toEqual(['1', '2', '3', '#'])
    expect(digits.filter(({ font }) => font.startsWith('NotoEmoji'))).toEqual([])
    // The marks a keycap's glyph carries take no room: poppler reads the words after it on its line.
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(root, 'output/en/greetings.pdf'), '-']).toString()).toContain('keycaps 1\ufe0f\u20e3 and #\ufe0f\u20e3.')
  })

  it('draws a keycap in Arabic text whole in Noto Emoji at the Arabic size, in body, bold and heading, and pdf.js and MuPDF read it whole', async () => {
    const file = path.join(root, 'output/en/keycaps.pdf')
    const stext = execFileSync('mutool', ['draw', '-q', '-F', 'stext', '-o', '-', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()
    const chars: Array<{ font: string; size: string; char: string }> = []
    let font = ''
    let size = ''
    for (const [, name, points, code] of stext.matchAll(/<font name="([^"]+)" size="([^"]+)"|<char [^>]*c="([^"]*)"/g)) {
      if (name) [font, size] = [name, points!]
      else chars.push({ font, size, char: code!.replace(/&#x([0-9a-f]+);/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16))) })
    }
    // Each keycap: its digit, U+FE0F and U+20E3 in one face, at the size of the Arabic around it (heading 14 pt, body 11).
    const keycaps = chars.flatMap((char, index) => (char.char === '\u20e3' ? [chars.slice(index - 2, index + 1)] : []))
    expect(keycaps.map((cap) => cap.map(({ font, size, char }) => `${char} ${font} ${size}`).join(', '))).toEqual([
      '1 NotoEmoji-Bold 14, \ufe0f NotoEmoji-Bold 14, \u20e3 NotoEmoji-Bold 14',
      '3 NotoEmoji-Regular 11, \ufe0f NotoEmoji-Regular 11, \u20e3 NotoEmoji-Regular 11',
      '4 NotoEmoji-Bold 11, \ufe0f NotoEmoji-Bold 11, \u20e3 NotoEmoji-Bold 11'
    ])
    // A digit alone is still set at the Latin size (11 pt over the Arabic edition's 1.18).
    expect(chars.find(({ char }) => char === '2')).toEqual({ font: 'NotoNaskhArabic-Regular', size: '9.322', char: '2' })
    const mupdf = execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()
    for (const text of [mupdf, (await pdfText(readFileSync(file))).text]) {
      const found = wordsOf(text)
      expect(['1\ufe0f\u20e3', '3\ufe0f\u20e3', '4\ufe0f\u20e3'].filter((word) => !found.has(word))).toEqual([])
    }
  })

  it('draws each flag as one glyph, Noto Emoji’s ligature of its two regional indicators (poppler’s word boxes: one emoji wide)', () => {
    const boxes = execFileSync('pdftotext', ['-bbox', path.join(root, 'output/en/greetings.pdf'), '-']).toString()
    const widths = FLAGS.map((flag) => {
      // The word may hold the comma after the flag, 3 pt wide.
      const [, left, right] = new RegExp(`xMin="([\\d.]+)"[^>]*xMax="([\\d.]+)"[^>]*>${flag},?<`).exec(boxes) ?? []
      return Number(right) - Number(left)
    })
    // Noto Emoji's advance is 1.27 em; at the body's 11 pt one glyph is 14 pt wide, two regional indicators 28.
    for (const width of widths) expect(width).toBeGreaterThan(10)
    for (const width of widths) expect(width).toBeLessThan(18)
  })
})


describe('fallback faces on the web page', () => {
  it('draw every letter of the quoted scripts and the emoji in the page’s own faces, none of the system’s', async () => {
    const fonts = new Map((await platformFonts(path.join(root, 'output/en/greetings.html'), 'p')).map(({ text, fonts }) => [text.slice(0, 12), fonts]))
    const quoted = ['In Hebrew on', 'In bold: שלו', 'Status: ✅ do', 'Flags 🇰🇿 and']
    const drawn = quoted.map((start) => fonts.get(start) ?? [])
    for (const [index, used] of drawn.entries()) expect({ paragraph: quoted[index], system: used.filter((font) => !font.isCustomFont).map((font) => font.postScriptName) }).toEqual({ paragraph: quoted[index], system: [] })
    const names = new Set(drawn.flat().map((font) => font.postScriptName))
    for (const face of ['NotoSansHebrew', 'NotoSansHebrew-Bold', 'NotoSansDevanagari-Regular', 'NotoSansDevanagari-Bold', 'NotoSansThai-Regular', 'NotoSansThai-Bold', 'NotoEmoji-Regular']) expect(names).toContain(face)
  })

  it('draw a flag and a keycap each as one Noto Emoji glyph, and digits outside a keycap in Noto Serif', async () => {
    const paragraphs = await platformFonts(path.join(root, 'output/en/greetings.html'), 'p')
    const drawn = (start: string) => (paragraphs.find(({ text }) => text.startsWith(start))?.fonts ?? []).map(({ postScriptName, glyphCount }) => `${postScriptName} ${glyphCount}`).sort()
    // "Flags ", " and ", ", keycaps ", " and ", ".": 27 glyphs of Noto Serif; two flags and two keycaps: 4 of Noto Emoji.
    expect(drawn('Flags 🇰🇿 and')).toEqual(['NotoEmoji-Regular 4', 'NotoSerif-Regular 27'])
    expect(drawn('Digits 1 2 3')).toEqual(['NotoSerif-Regular 25'])
  })

  it('are published only for a page that uses them, with their licences', () => {
    const html = (file: string) => readFileSync(path.join(root, 'output/en', file), 'utf8')
    expect(html('greetings.html')).toMatch(/src: url\("\.\.\/fonts\/NotoSansHebrew-400-[0-9a-f]{12}\.woff2"\)/)
    expect(html('plain.html')).not.toMatch(/Hebrew|Devanagari|Thai|Emoji/)
    for (const family of ['NotoSansHebrew', 'NotoSansDevanagari', 'NotoSansThai', 'NotoEmoji']) {
      expect(readFileSync(path.join(root, 'output/fonts', `OFL-${family}.txt`), 'utf8')).toContain('SIL OPEN FONT LICENSE')
    }
  })
})

describe('fallback faces in the e-book', () => {
  it('are embedded, named in every family list of its stylesheet, and EPUBCheck reports nothing', async () => {
    const file = path.join(root, 'output/en/greetings.epub')
    const zip = await JSZip.loadAsync(readFileSync(file))
    const names = Object.keys(zip.files)
    for (const family of ['NotoSansHebrew-400', 'NotoSansHebrew-700', 'NotoSansDevanagari-400', 'NotoSansThai-400', 'NotoEmoji-400']) expect(names.some((name) => name.includes(`fonts/${family}-`))).toBe(true)
    const css = await zip.file(names.find((name) => name.endsWith('.css'))!)!.async('string')
    expect(css).toContain('font-family: "Noto Serif", "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Thai", "Noto Emoji", serif;')
    const plain = await JSZip.loadAsync(readFileSync(path.join(root, 'output/en/plain.epub')))
    expect(Object.keys(plain.files).filter((name) => /Hebrew|Devanagari|Thai|Emoji/.test(name))).toEqual([])
    epubcheck.check()
    expect(await epubcheck.validate(file)).toEqual([])
  }, 60_000)
})
