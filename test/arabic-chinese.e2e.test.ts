/**
 * The Arabic and Chinese editions, built from this repository and read back:
 * every catalog segment in the text pdf.js extracts, direction and language
 * in HTML, EPUB and PDF, mirrored page furniture, subset fonts, and a
 * character no font has reported instead of printed as an empty box.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { toText } from 'hast-util-to-text'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../pipeline/build.ts'
import { placeOfCause } from '../pipeline/report.ts'
import { runCli } from './helpers/cli.ts'
import { smallProject, REPO, tempDir } from './helpers/project.ts'
import { findAll, htmlText, htmlTree, normalize, pdfStreams, pdfText, readEpub } from './helpers/read-back.ts'

type Catalog = Record<string, Record<string, string>>
const catalog = (locale: string) => JSON.parse(readFileSync(path.join(REPO, `locales/${locale}/interview.json`), 'utf8')) as Catalog

let out: string
let result: BuildResult
const read = (relative: string) => readFileSync(path.join(out, relative))

beforeAll(async () => {
  out = tempDir('press-rtl-cjk-')
  result = await build({ root: REPO, out, locales: ['ar', 'zh'] })
})

/** Text items of a page with their position, artifacts (running heads, page numbers) included. */
async function positionedText(data: Uint8Array, pageNumber: number): Promise<{ width: number; items: Array<{ str: string; x: number; y: number; right: number }> }> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise
  const page = await pdf.getPage(pageNumber)
  const { items } = await page.getTextContent()
  const width = page.view[2]!
  const found = items.flatMap((item) => ('str' in item && item.str.trim()
    ? [{ str: item.str, x: item.transform[4] as number, y: Math.round(item.transform[5] as number), right: (item.transform[4] as number) + item.width }]
    : []))
  await pdf.destroy()
  return { width, items: found }
}

describe('Arabic and Chinese editions', () => {
  it('build in all three formats with no failure and no warning', () => {
    expect(result.failures).toEqual([])
    expect(result.written.filter((entry) => entry.document).map((entry) => entry.path).sort()).toEqual(
      ['ar', 'zh'].flatMap((locale) => ['epub', 'html', 'pdf'].map((format) => `${locale}/interview.${format}`)).sort()
    )
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([])
  })

  for (const locale of ['ar', 'zh']) {
    it(`${locale}: the PDF’s extracted text holds every catalog segment the page shows, in logical order`, async () => {
      const { text } = await pdfText(read(`${locale}/interview.pdf`))
      const shown = Object.entries(catalog(locale)).flatMap(([group, entries]) =>
        Object.entries(entries).filter(([key]) => !(group === 'meta' && (key === 'interviewer' || key === 'publisher'))).map(([key, value]) => [`${group}.${key}`, normalize(value)] as const))
      expect(shown.length).toBeGreaterThan(20)
      expect(shown.filter(([, value]) => !text.includes(value)).map(([key]) => key)).toEqual([])
      // The interviewer and publisher are the document's author, not page text.
      const info = execFileSync('pdfinfo', ['-'], { input: read(`${locale}/interview.pdf`) }).toString()
      expect(info).toContain(`Author:          ${catalog(locale).meta!.interviewer}`)
    })

    if (locale === 'ar') {
      it('ar: poppler and MuPDF read every catalog segment too, punctuation and brackets on the side the text puts them', () => {
        const file = path.join(out, 'ar/interview.pdf')
        const extracted = {
          // poppler's own embedding controls (U+202A–U+202C) dropped; the marks it needs are RIGHT-TO-LEFT MARKs, which normalize drops.
          poppler: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString().replace(/[\u202a-\u202e]/g, ''),
          // MuPDF 1.21 starts a new line where a left-to-right letter is more than 0.8 em from the last glyph.
          MuPDF: execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().replace(/\n(?=\p{Script=Latin})|(?<=\p{Script=Latin})\n/gu, '')
        }
        const shown = Object.entries(catalog('ar')).flatMap(([group, entries]) =>
          Object.entries(entries).filter(([key]) => !(group === 'meta' && (key === 'interviewer' || key === 'publisher'))).map(([key, value]) => [`${group}.${key}`, normalize(value)] as const))
        for (const [reader, raw] of Object.entries(extracted)) {
          const text = normalize(raw)
          expect({ reader, missing: shown.filter(([, value]) => !text.includes(value)).map(([key]) => key) }).toEqual({ reader, missing: [] })
        }
      })
    }

    it(`${locale}: HTML and EPUB carry the language and direction`, async () => {
      const dir = locale === 'ar' ? 'rtl' : 'ltr'
      const html = findAll(htmlTree(read(`${locale}/interview.html`).toString()), (node) => node.tagName === 'html')[0]!
      expect(html.properties).toMatchObject({ lang: locale, dir })
      const { opf, zip, text } = await readEpub(read(`${locale}/interview.epub`))
      expect(opf).toContain(`<dc:language>${locale}</dc:language>`)
      expect(opf).toMatch(new RegExp(`<spine [^>]*page-progression-direction="${dir}"`))
      const chapter = await zip.file('OEBPS/interview.xhtml')!.async('string')
      expect(chapter).toMatch(new RegExp(`<html [^>]*xml:lang="${locale}"[^>]*dir="${dir}"`))
      expect(text).toContain(normalize(catalog(locale).p!['we-must-understand-that-the']!))
    })
  }

  it('ar and zh: Latin names carry their language (and in Arabic their direction) in HTML and EPUB, and /Lang on their marked content in the PDF', async () => {
    for (const locale of ['ar', 'zh']) {
      const html = htmlTree(read(`${locale}/interview.html`).toString())
      const epub = await readEpub(read(`${locale}/interview.epub`))
      const chapter = htmlTree(await epub.zip.file('OEBPS/interview.xhtml')!.async('string'))
      const attributes = locale === 'ar' ? { lang: 'en', dir: 'ltr' } : { lang: 'en' }
      for (const tree of [html, chapter]) {
        const spans = findAll(tree, (node) => node.tagName === 'span' && node.properties.lang === 'en')
        expect(new Set(spans.map((node) => toText(node)))).toEqual(new Set(locale === 'ar' ? ['Kazinform', 'QAZINFORM'] : ['QAZINFORM']))
        for (const span of spans) expect({ lang: span.properties.lang, ...(locale === 'ar' ? { dir: span.properties.dir } : {}) }).toEqual(attributes)
      }
      // pdf.js reports marked content with a property list and no MCID (/Lang, or the empty /ActualText of draw-rtl.ts) as
      // beginMarkedContentProps: the Latin text found inside such content, against the number of /Lang (en) spans.
      const streams = pdfStreams(read(`${locale}/interview.pdf`)).join('\n')
      const langSpans = streams.match(/\/Span <<\/Lang \(en\)>> BDC/g) ?? []
      const pdf = await getDocument({ data: new Uint8Array(read(`${locale}/interview.pdf`)), useSystemFonts: false, isEvalSupported: false }).promise
      const inside: string[] = []
      for (let number = 1; number <= pdf.numPages; number++) {
        const { items } = await (await pdf.getPage(number)).getTextContent({ includeMarkedContent: true })
        let open: string | undefined
        for (const item of items) {
          if ('type' in item && item.type === 'beginMarkedContentProps' && item.id === null) open = ''
          else if ('type' in item && item.type === 'endMarkedContent' && open !== undefined) {
            if (/\p{Script=Latin}/u.test(open)) inside.push(open.trim())
            open = undefined
          } else if ('str' in item && open !== undefined) open += item.str
        }
      }
      await pdf.destroy()
      expect(inside.sort()).toEqual((locale === 'ar' ? ['Kazinform', 'QAZINFORM'] : ['QAZINFORM']).sort())
      expect(langSpans.length).toBe(inside.length)
    }
  })

  it('ar: names whose direction is unknown are isolated in the HTML', () => {
    const tree = htmlTree(read('ar/interview.html').toString())
    const isolated = findAll(tree, (node) => node.tagName === 'bdi').map((node) => toText(node))
    expect(isolated).toEqual(expect.arrayContaining(['يورغن شتوك', 'Kazinform']))
    // The interview's two photo credits, translated, in the credits line at the article's end.
    const credits = findAll(tree, (node) => String(node.properties.className).includes('directive-credits'))
    expect(credits.map((node) => normalize(toText(node)))).toEqual(['صورة: QAZINFORM الأمين العام السابق للإنتربول يورغن شتوك — مصدر الصورة: لقطة شاشة'])
  })

  it('ar: the PDF reads right to left: viewer direction, no /ActualText with text (poppler would reverse it), mirrored running head and page number', async () => {
    const data = read('ar/interview.pdf')
    const streams = pdfStreams(data)
    const everything = data.toString('latin1') + streams.join('\n')
    expect(everything).toMatch(/\/Direction \/R2L/)
    expect(everything).toMatch(/\/Lang \(ar\)/)
    // Only the empty ones that hide pdf.js's space glyphs from poppler (render/pdf/text/draw-rtl.ts).
    expect(new Set(everything.match(/\/ActualText <[^>]*>/g))).toEqual(new Set(['/ActualText <feff>']))
    const first = await positionedText(data, 1)
    // Right-to-left text comes one glyph per item (see render/pdf/text/draw-rtl.ts): a line is the items at one height.
    const lineAt = (y: number) => first.items.filter((item) => item.y === y)
    const folio = lineAt([...new Set(first.items.map((item) => item.y))].find((y) => lineAt(y).map((item) => item.str).join('').includes('الصفحة'))!)
    expect(folio.map((item) => item.str).join('')).toContain(new Intl.NumberFormat('ar').format(3))
    expect(Math.max(...folio.map((item) => item.right))).toBeLessThan(first.width / 2)
    const second = await positionedText(data, 2)
    const head = second.items.reduce((top, item) => (item.str.length > 10 && (!top || item.right > top.right) ? item : top))
    // The right margin of the 385 pt measure (render/pdf/index.ts).
    expect(head.right).toBeCloseTo(second.width - 105, 0)
  })

  it('ar: poppler, MuPDF and pdf.js each find at least 95 % of the HTML page’s words in the PDF, in logical order', async () => {
    const words = (text: string) => normalize(text.replace(/[\u202a-\u202e]/g, '')).normalize('NFC').match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
    const html = words(htmlText(read('ar/interview.html').toString()))
    const file = path.join(out, 'ar/interview.pdf')
    const extracted = {
      poppler: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString(),
      'poppler -layout': execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString(),
      MuPDF: execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString(),
      'pdf.js': (await pdfText(read('ar/interview.pdf'))).text
    }
    for (const [reader, text] of Object.entries(extracted)) {
      const found = new Map<string, number>()
      for (const word of words(text)) found.set(word, (found.get(word) ?? 0) + 1)
      const hits = html.filter((word) => {
        const count = found.get(word) ?? 0
        if (count > 0) found.set(word, count - 1)
        return count > 0
      })
      expect({ reader, share: Math.round((hits.length / html.length) * 100) >= 95 }).toEqual({ reader, share: true })
    }
    // -layout keeps a line a line: not hundreds of columns wide.
    expect(Math.max(...extracted['poppler -layout'].split('\n').map((line) => line.length))).toBeLessThan(200)
  })

  it('zh: the PDF reads left to right, page number at the right, no viewer direction', async () => {
    const data = read('zh/interview.pdf')
    expect(data.toString('latin1') + pdfStreams(data).join('\n')).not.toMatch(/\/Direction \/R2L/)
    const first = await positionedText(data, 1)
    // A quarter em between Han and the digit (text-autospace) may reach the text as a space.
    const folio = first.items.find((item) => /第\s?1\s?页/.test(item.str))!
    expect(folio.x).toBeGreaterThan(first.width / 2)
  })

  it('zh: no line of the PDF starts with a middle dot or closing punctuation (kinsoku), read by poppler', () => {
    const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(out, 'zh/interview.pdf'), '-']).toString().split('\n').map((line) => line.trim())
    expect(lines.filter((line) => /[\u4e00-\u9fff]/u.test(line)).length).toBeGreaterThan(40)
    expect(lines.filter((line) => /^[·、。，！？：；）」』》]/u.test(line))).toEqual([])
  })

  it('embeds only the glyphs used: the PDFs stay small though the CJK font files are 10–15 MB each', () => {
    const fonts = (locale: string) => execFileSync('pdffonts', [path.join(out, `${locale}/interview.pdf`)]).toString()
    expect(fonts('ar')).toMatch(/\+NotoNaskhArabic-Regular/)
    expect(fonts('zh')).toMatch(/\+NotoSerifSC-Regular/)
    expect(read('ar/interview.pdf').byteLength).toBeLessThan(150_000)
    expect(read('zh/interview.pdf').byteLength).toBeLessThan(400_000)
  })
})


describe('a character no font has', () => {
  const root = smallProject()
  const file = path.join(root, 'locales/ar/interview.json')
  const broken = catalog('ar')
  broken.p!['my-pleasure-thank-you-for'] = 'بكل سرور 𓂀. شكرًا لاستضافتكم لي.'
  writeFileSync(file, JSON.stringify(broken, null, 2))

  it('is reported with character, code point, key, catalog position and locale', async () => {
    const built = await build({ root, out: 'out', locales: ['ar'], formats: ['pdf'] })
    expect(built.failures).toEqual([])
    const messages = built.files.flatMap((item) => item.messages)
    expect(messages).toHaveLength(1)
    const [message] = messages
    expect(message!.ruleId).toBe('missing-glyph')
    expect(message!.fatal).toBe(false)
    expect(message!.reason).toContain('“𓂀” (U+13080)')
    expect(message!.reason).toContain('`p.my-pleasure-thank-you-for`')
    expect(placeOfCause(message!)).toMatch(/^locales\/ar\/interview\.json:\d+:\d+$/)
    expect(message!.reason).toContain('for locale ar')
  })

  it('fails the PDF edition under --strict', () => {
    const { code, stderr } = runCli(root, ['--locale', 'ar', '--format', 'pdf', '--out', 'strict', '--strict'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/error .*U\+13080.*p\.my-pleasure-thank-you-for/)
    expect(stderr).toMatch(/error interview \(ar pdf\)/)
    // Said once: the failure counts the characters, the error above names them.
    expect(stderr.match(/U\+13080/g)).toHaveLength(1)
    expect(existsSync(path.join(root, 'strict/ar/interview.pdf'))).toBe(false)
  })
})
