/**
 * A document nested far deeper than any page is wide: blockquotes, bullets and numbered items mixed
 * sixty deep with a paragraph at every level, a table and a footnote at the bottom,
 * and a hundred levels of each kind alone. Eleven levels once failed the PDF (the indent left no line
 * width, and line breaking found no way to set a line). Nested blocks now step in until the measure
 * would fall below its floor (15 em in the PDF, 12 em on the web page and in the e-book), then no
 * further: every format builds in English, Arabic and Chinese, every word is in each PDF reader's
 * text, the PDF's tags stay nested as deep as the document, and on a phone the column keeps its 12 em.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../pipeline/build.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { closeBrowser, launch } from './conformance/browser.ts'
import { copyUiTerms, makeProject } from './helpers/project.ts'
import { normalize, pdfText } from './helpers/read-back.ts'

const DEPTH = 60
const KINDS = [{ first: '> ', more: '> ' }, { first: '- ', more: '  ' }, { first: '1. ', more: '   ' }]
const PORTS = ['Aktau', 'Baku', 'Kuryk']
const sentence = (level: number) => `Level ${level} keeps every word of its paragraph at any depth.`
const SENTENCE = /^Level (\d+) keeps every word of its paragraph at any depth\.$/
const TRANSLATIONS: Record<string, (level: string) => string> = {
  ar: (level) => `المستوى ${level} يحفظ كل كلمة من فقرته مهما كان العمق.`,
  zh: (level) => `第${level}层无论多深都保留段落中的每一个字。`
}

/** Each level's paragraph, then the next level inside it; at the bottom a table and a footnote call. */
function mixed(): string {
  const lines: string[] = []
  let prefix = ''
  for (let level = 1; level <= DEPTH; level++) {
    const kind = KINDS[level % KINDS.length]!
    lines.push(`${prefix}${kind.first}${sentence(level)}`)
    prefix += kind.more
    lines.push(prefix.trimEnd())
  }
  lines.push(`${prefix}| ${PORTS.map((_, index) => String.fromCharCode(97 + index)).join(' | ')} |`)
  lines.push(`${prefix}| ${PORTS.map(() => '---').join(' | ')} |`)
  lines.push(`${prefix}| ${PORTS.join(' | ')} |`)
  lines.push(prefix.trimEnd(), `${prefix}The bottom of the document.[^deep]`, '', '[^deep]: A footnote called from the bottom.')
  return `---\ntitle: Deep\nlang: en\n---\n\n${lines.join('\n')}\n`
}

/** A hundred levels of one kind on one line (`> > > … deepest`), as the reviewer's eleven were. */
const chain = (first: string) => `---\ntitle: Chain\nlang: en\n---\n\n${first.repeat(100)}deepest words\n`

const LOCALES = ['en', 'ar', 'zh'] as const
let root: string
let result: BuildResult

beforeAll(async () => {
  root = makeProject({ 'content/deep.md': mixed(), 'content/quotes.md': chain('> '), 'content/bullets.md': chain('- '), 'content/numbers.md': chain('1. '), 'content/mixed.md': chain('> - 1. ') })
  copyUiTerms(root, ['ar', 'zh'])
  await extract(root)
  const source = JSON.parse(readFileSync(path.join(root, 'locales/en/deep.json'), 'utf8')) as unknown
  for (const [locale, translate] of Object.entries(TRANSLATIONS)) {
    const each = (value: unknown): unknown => {
      if (typeof value !== 'string') return Object.fromEntries(Object.entries(value as object).map(([key, inner]) => [key, each(inner)]))
      const level = SENTENCE.exec(value)?.[1]
      return level ? translate(level) : value === 'Deep' ? translate('0') : value
    }
    writeFileSync(path.join(root, `locales/${locale}/deep.json`), JSON.stringify(each(source), null, 2))
  }
  result = await build({ root })
}, 300_000)

afterAll(closeBrowser)

const pdfOf = (locale: string, doc: string) => path.join(root, `output/${locale}/${doc}.pdf`)
const readers: Record<string, (file: string) => Promise<string>> = {
  poppler: async (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString(),
  MuPDF: async (file) => execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString(),
  'pdf.js': async (file) => (await pdfText(readFileSync(file))).text
}
/** The text as one line of words: soft hyphens at line ends joined, poppler's bidi controls and all white space dropped. */
const joined = (text: string) => normalize(text.replace(/\u00ad\s*/g, '').replace(/[\u202a-\u202e\u200e\u200f]/g, '')).normalize('NFC').replace(/\s+/g, '')
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** The text without what every page repeats (running title, folio), which may fall inside a paragraph a page turn splits. */
function bodyText(text: string, locale: string, title: string): string {
  const folio = (JSON.parse(readFileSync(path.join(root, `locales/${locale}/ui.json`), 'utf8')) as { page: string }).page
  const pattern = joined(folio).split(/\{\{\w+\}\}/).map(escaped).join('\\p{Nd}+')
  return joined(text).replace(new RegExp(`${pattern}|${escaped(joined(title))}`, 'gu'), '')
}

describe(`a document nested ${DEPTH} deep, and 100 levels of each kind`, () => {
  it('builds in every format and language', () => {
    expect(result.failures).toEqual([])
  })

  for (const locale of LOCALES) {
    for (const [reader, read] of Object.entries(readers)) {
      it(`${reader}, ${locale} PDF: every level's words, the table's and the bottom's`, async () => {
        const translate = TRANSLATIONS[locale]
        const text = bodyText(await read(pdfOf(locale, 'deep')), locale, translate ? translate('0') : 'Deep')
        const lost = Array.from({ length: DEPTH }, (_, index) => index + 1)
          .map((level) => (translate ? translate(String(level)) : sentence(level)))
          .filter((words) => !text.includes(joined(words)))
        expect(lost).toEqual([])
        expect(PORTS.filter((port) => !text.includes(port))).toEqual([])
        if (locale === 'en') expect(text).toContain(joined('The bottom of the document.'))
      })
    }
  }

  for (const doc of ['quotes', 'bullets', 'numbers', 'mixed']) {
    it(`${doc}: 100 levels, the words at the bottom in every reader of every edition's PDF`, async () => {
      for (const locale of LOCALES) {
        // The markers of items that open with an item stand beside one line, and a reader may read them between its words.
        for (const read of Object.values(readers)) expect(joined(await read(pdfOf(locale, doc))).replace(/[•.\d]/g, '')).toContain('deepestwords')
      }
    })
  }

  it('tags the PDF as deep as the document: a BlockQuote or L inside another, level by level', () => {
    // Read from the structure elements themselves (pdfkit writes their dictionaries plain): pdf.js stops a page's tree at 40 levels.
    for (const locale of LOCALES) {
      const raw = readFileSync(pdfOf(locale, 'deep'), 'latin1')
      const elements = new Map([...raw.matchAll(/(\d+) 0 obj\s*<<\s*\/S \/(\w+)\s*\/P (\d+) 0 R/g)].map((match) => [match[1]!, { role: match[2]!, parent: match[3]! }]))
      const nesting = (id: string): number => {
        let count = 0
        for (let element = elements.get(id); element; element = elements.get(element.parent)) if (element.role === 'BlockQuote' || element.role === 'L') count++
        return count
      }
      expect(Math.max(...[...elements.keys()].map(nesting))).toBe(DEPTH)
    }
  })

  it('keeps the PDF text column at its floor: no level starts further in than 15 em from the far edge', () => {
    // A4 is 595 pt with 105 pt margins: the measure narrows to 15 em of 11 pt (165 pt) and no further (Arabic's, 15 em of its larger size: unit tier).
    const words = [...execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdfOf('en', 'deep'), '-']).toString()
      .matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</g)].map((match) => ({ left: Number(match[1]), text: match[2]! }))
    const levels = words.filter((word) => word.text === 'Level')
    expect(levels.length).toBe(DEPTH)
    expect(Math.max(...levels.map((word) => word.left))).toBeLessThan(595 - 105 - 15 * 11 + 1)
    expect(Math.max(...levels.map((word) => word.left))).toBeGreaterThan(595 - 105 - 15 * 11 - 18)
  })

  for (const locale of LOCALES) {
    for (const format of ['html', 'epub'] as const) {
      it(`${locale} ${format === 'html' ? 'web page' : 'e-book'} on a 390 px phone: each level's paragraph at least 12 em wide, nothing past the edge`, async () => {
        const file = format === 'html' ? path.join(root, `output/${locale}/deep.html`) : await unpacked(locale)
        const page = await (await launch()).newPage({ viewport: { width: 390, height: 844 } })
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
        const seen = (await page.evaluate(`(() => {
          const narrow = []
          for (const block of document.querySelectorAll('li > p, blockquote > p')) {
            const em = Number.parseFloat(getComputedStyle(block).fontSize)
            const width = block.getBoundingClientRect().width
            if (width < 12 * em - 1) narrow.push(block.textContent.slice(0, 20) + ': ' + Math.round(width / em * 10) / 10 + ' em')
          }
          return { narrow, paragraphs: document.querySelectorAll('li > p, blockquote > p').length, scrolls: document.documentElement.scrollWidth > window.innerWidth }
        })()`)) as { narrow: string[]; paragraphs: number; scrolls: boolean }
        await page.close()
        expect(seen.paragraphs).toBeGreaterThanOrEqual(DEPTH)
        expect(seen.narrow).toEqual([])
        expect(seen.scrolls).toBe(false)
      })
    }
  }
})

/** The e-book's content document with its stylesheet beside it, as a reading system opens it. */
async function unpacked(locale: string): Promise<string> {
  const folder = path.join(root, `unpacked-${locale}`)
  execFileSync('unzip', ['-q', '-o', path.join(root, `output/${locale}/deep.epub`), '-d', folder])
  return path.join(folder, 'OEBPS/deep.xhtml')
}
