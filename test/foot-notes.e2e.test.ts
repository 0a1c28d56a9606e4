/**
 * Footnotes at the foot of the page, read back as a reader's software reads
 * them: in English, Kazakh and Arabic, poppler's word boxes put each note on
 * the page of its call and below that page's text; pdf.js and MuPDF read the
 * note after the page's text; the note is tagged Note holding Lbl and P, the
 * call links to the note and the note's number back to the call; a note
 * called twice is set once; the Arabic note stands at the right.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../pipeline/build.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { pdfStructure } from './conformance/validators/pdf-structure.ts'
import { makePng } from './helpers/png.ts'
import { copyUiTerms, makeProject } from './helpers/project.ts'

const FILLER = {
  en: 'The harbour master kept a ledger of every ship that entered the bay, noting its cargo, its crew and the weather it had met on the way; over the years the ledger grew into a history of the coast that no archive could match.',
  kk: 'Айлақ бастығы шығанаққа кірген әр кеменің жүгін, экипажын және жолда кездескен ауа райын дәптерге жазып отырды; жылдар өте келе бұл дәптер ешбір мұрағат теңесе алмайтын жағалау тарихына айналды.',
  ar: 'كان مدير الميناء يدوّن في سجله كل سفينة دخلت الخليج، مسجلًا حمولتها وطاقمها والطقس الذي صادفته في طريقها؛ ومع مرور السنين صار السجل تاريخًا للساحل لا يضاهيه أي أرشيف.'
}

const fill = (count: number) => Array(count).fill(FILLER.en).join('\n\n')

const MARKDOWN = `---
title: Harbour notes
---

The harbour opened in spring[^open] and grew fast.

${fill(5)}

Trade doubled within a decade[^ledger] and the port opened early again[^open].

${fill(6)}

The last ship of the season left in November[^last].

${fill(3)}

[^open]: Officially on the first of April.
[^ledger]: The figures come from the harbour master's ledger, which counted every vessel by its tonnage and not by its cargo; the customs office counted cargo and arrived at a lower number, because empty ships returning from the east were never recorded there. Both series agree that trade at least doubled.
[^last]: The steamer Aral, built in 1904.
`

const CATALOGS = {
  kk: {
    meta: { title: 'Айлақ жазбалары' },
    p: {
      'the-harbour-opened-in-spring': 'Айлақ көктемде ашылды[^open] және тез өсті.',
      'the-harbour-master-kept-a': FILLER.kk,
      'trade-doubled-within-a-decade': 'Он жыл ішінде сауда екі есе өсті[^ledger], ал порт тағы да ерте ашылды[^open].',
      'the-last-ship-of-the': 'Маусымның соңғы кемесі қарашада кетті[^last].'
    },
    note: {
      'officially-on-the-first-of': 'Ресми түрде сәуірдің бірінде.',
      'the-figures-come-from-the': 'Сандар айлақ бастығының дәптерінен алынды: онда әр кеме жүгімен емес, тоннажымен есептелген. Кеден жүкті есептеп, азырақ сан шығарды, өйткені шығыстан бос қайтқан кемелер онда ешқашан тіркелмеген. Екі есеп те сауданың кемінде екі есе өскенін көрсетеді.',
      'the-steamer-aral-built-in': '1904 жылы жасалған «Арал» пароходы.'
    }
  },
  ar: {
    meta: { title: 'مذكرات الميناء' },
    p: {
      'the-harbour-opened-in-spring': 'افتُتح الميناء في الربيع[^open] ونما بسرعة.',
      'the-harbour-master-kept-a': FILLER.ar,
      'trade-doubled-within-a-decade': 'تضاعفت التجارة خلال عقد واحد[^ledger] وافتُتح الميناء مبكرًا مرة أخرى[^open].',
      'the-last-ship-of-the': 'غادرت آخر سفينة في الموسم في نوفمبر[^last].'
    },
    note: {
      'officially-on-the-first-of': 'رسميًا في الأول من أبريل.',
      'the-figures-come-from-the': 'الأرقام مأخوذة من سجل مدير الميناء الذي أحصى كل سفينة بحمولتها الإجمالية لا ببضائعها؛ أما الجمارك فأحصت البضائع وتوصلت إلى رقم أقل، لأن السفن العائدة فارغة من الشرق لم تُسجَّل هناك قط. ويتفق المصدران على أن التجارة تضاعفت على الأقل.',
      'the-steamer-aral-built-in': 'الباخرة «آرال»، بُنيت عام ١٩٠٤.'
    }
  }
}

/** Per language: a word only the calling line has, and a word only the note has (one per note). */
const NOTES = {
  en: [['spring', 'April'], ['decade', 'customs'], ['November', 'steamer']],
  kk: [['көктемде', 'сәуірдің'], ['сауда', 'Кеден'], ['қарашада', 'пароходы']],
  ar: [['الربيع', 'أبريل'], ['عقد', 'الجمارك'], ['نوفمبر', 'الباخرة']]
} as const
type Locale = keyof typeof NOTES

interface Word { text: string; xMin: number; yMin: number; xMax: number; yMax: number }
interface PageLines { lines: Word[][]; width: number }

/** poppler's word boxes, page by page and line by line. */
function popplerLines(file: string): PageLines[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-']).toString()
  const number = (tag: string, name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(tag)![1])
  return xml.split('<page ').slice(1).map((page) => ({
    width: number(page, 'width'),
    lines: [...page.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].map((line) => [...line[1]!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((word) => ({
      text: word[2]!, xMin: number(word[1]!, 'xMin'), yMin: number(word[1]!, 'yMin'), xMax: number(word[1]!, 'xMax'), yMax: number(word[1]!, 'yMax')
    })))
  }))
}

/**
 * A line's text. poppler gives Arabic glyph by glyph, left to right, spaces
 * included: read backwards, the glyphs spell the words.
 */
function lineText(line: readonly Word[]): string {
  const rtl = line.some((word) => /\p{Script=Arabic}/u.test(word.text))
  return rtl ? [...line].reverse().map((word) => word.text).join('') : line.map((word) => word.text).join(' ')
}

/** The page and line holding a word (punctuation and a note's call may cling to it). */
function find(pages: PageLines[], wanted: string): { page: number; line: Word[] } | undefined {
  for (const [page, { lines }] of pages.entries()) {
    const line = lines.find((words) => lineText(words).includes(wanted))
    if (line) return { page, line }
  }
  return undefined
}

let root: string
let result: BuildResult
const pdfOf = (locale: Locale) => path.join(root, 'output', locale, 'harbour.pdf')

beforeAll(async () => {
  root = makeProject({
    'content/harbour.md': MARKDOWN,
    'locales/kk/harbour.json': JSON.stringify(CATALOGS.kk, null, 2),
    'locales/ar/harbour.json': JSON.stringify(CATALOGS.ar, null, 2)
  })
  copyUiTerms(root, ['kk', 'ar'])
  await extract(root)
  result = await build({ root, locales: ['en', 'kk', 'ar'], formats: ['pdf'] })
}, 300_000)

describe('footnotes at the foot of the page', () => {
  it('builds every edition with every translation', () => {
    expect(result.failures).toEqual([])
    expect(result.missing).toBe(0)
  })

  it.each(['en', 'kk', 'ar'] as const)('%s: poppler finds each note on the page of its call, below all of that page’s text', (locale) => {
    const pages = popplerLines(pdfOf(locale))
    expect(pages.length).toBeGreaterThan(1)
    const noteWords = new Set(NOTES[locale].map(([, note]) => note))
    for (const [call, note] of NOTES[locale]) {
      const called = find(pages, call)
      const noted = find(pages, note)
      expect(called, call).toBeDefined()
      expect(noted?.page, `${note} on the page of ${call}`).toBe(called!.page)
      const { lines } = pages[noted!.page]!
      const noteTop = Math.min(...noted!.line.map((word) => word.yMin))
      // The page's text: lines above the folio that hold no note's word and do not follow a note line.
      const firstNoteLine = lines.findIndex((line) => [...noteWords].some((wanted) => lineText(line).includes(wanted)))
      const body = lines.slice(0, firstNoteLine).filter((line) => lineText(line).trim().length > 1)
      expect(body.length).toBeGreaterThan(3)
      expect(noteTop).toBeGreaterThan(Math.max(...body.flat().map((word) => word.yMax)))
    }
    // Called twice, set once.
    expect(pages.flatMap((page) => page.lines).filter((line) => lineText(line).includes(NOTES[locale][0][1])).length).toBe(1)
  })

  it('ar: each note stands at the right, aligned there, its number at the right of its text', () => {
    const pages = popplerLines(pdfOf('ar'))
    const edges: number[] = []
    for (const [, note] of NOTES.ar) {
      const { page, line } = find(pages, note)!
      const letters = line.filter((word) => /\p{Script=Arabic}/u.test(word.text))
      const number = line.reduce((right, word) => (word.xMax > right.xMax ? word : right))
      expect(number.text).toMatch(/^[\d\u0660-\u0669]$/)
      const edge = Math.max(...letters.map((word) => word.xMax))
      expect(number.xMin).toBeGreaterThan(edge + 1)
      expect(edge).toBeGreaterThan(pages[page]!.width / 2 + 100)
      edges.push(edge)
    }
    for (const edge of edges) expect(edge).toBeCloseTo(edges[0]!, 0)
  })

  it.each(['en', 'ar'] as const)('%s: pdf.js and MuPDF read each note on the page of its call, after that page’s text', async (locale) => {
    const document = await getDocument({ data: new Uint8Array(readFileSync(pdfOf(locale))), isEvalSupported: false }).promise
    const pages = popplerLines(pdfOf(locale))
    // The last word of the page-filling paragraph.
    const filler = locale === 'en' ? 'archive' : 'أرشيف'
    for (const [call, note] of NOTES[locale]) {
      const page = find(pages, call)!.page
      const items = (await (await document.getPage(page + 1)).getTextContent()).items as Array<{ str: string; hasEOL: boolean }>
      const pdfjs = items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('')
      const mupdf = execFileSync('mutool', ['draw', '-q', '-F', 'txt', pdfOf(locale), String(page + 1)]).toString()
      for (const text of [pdfjs, mupdf]) {
        expect(text.lastIndexOf(filler)).toBeGreaterThan(-1)
        expect(text.indexOf(note)).toBeGreaterThan(text.lastIndexOf(filler))
      }
    }
    await document.destroy()
  })

  it.each(['en', 'kk', 'ar'] as const)('%s: passes the tagged-PDF check of the conformance run (no note text outside the structure)', async (locale) => {
    expect(await pdfStructure.validate(pdfOf(locale))).toEqual([])
  })

  it('tags each note as Note holding Lbl and P, and links the call to the note and the number back to the call', async () => {
    const document = await getDocument({ data: new Uint8Array(readFileSync(pdfOf('en'))), isEvalSupported: false }).promise
    const notes: string[][] = []
    const destinations: string[] = []
    const walk = (node: { role?: string; children?: unknown[] }) => {
      if (node.role === 'Note') notes.push((node.children ?? []).map((child) => (child as { role?: string }).role ?? ''))
      for (const child of node.children ?? []) walk(child as typeof node)
    }
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      walk((await page.getStructTree()) as never)
      for (const annotation of (await page.getAnnotations()) as Array<{ dest?: unknown }>) if (typeof annotation.dest === 'string') destinations.push(annotation.dest)
    }
    expect(notes).toEqual([['Lbl', 'P'], ['Lbl', 'P'], ['Lbl', 'P']])
    const names = Object.keys((await document.getDestinations()) as Record<string, unknown>)
    for (const id of ['user-content-fn-open', 'user-content-fn-ledger', 'user-content-fn-last']) {
      expect(destinations).toContain(id)
      expect(names).toContain(id)
    }
    // The numbers link back to the first calls.
    for (const id of ['user-content-fnref-open', 'user-content-fnref-ledger', 'user-content-fnref-last']) {
      expect(destinations).toContain(id)
      expect(names).toContain(id)
    }
    await document.destroy()
  })
})

describe('a note not yet translated in the Arabic edition', () => {
  let untranslated: string

  beforeAll(async () => {
    untranslated = makeProject({
      'content/harbour.md': '---\ntitle: Harbour notes\n---\n\nThe harbour opened in spring[^open] and grew fast.\n\n[^open]: Officially on the first of April.\n',
      'locales/ar/harbour.json': JSON.stringify({ meta: { title: CATALOGS.ar.meta.title }, p: { 'the-harbour-opened-in-spring': CATALOGS.ar.p['the-harbour-opened-in-spring'] } })
    })
    copyUiTerms(untranslated, ['ar'])
    await extract(untranslated)
    const built = await build({ root: untranslated, locales: ['ar'], formats: ['pdf'] })
    expect(built.missing).toBe(1)
  }, 300_000)

  it('is set left to right in its own language, its number at its left, beside it', () => {
    const pages = popplerLines(path.join(untranslated, 'output/ar/harbour.pdf'))
    const { line } = find(pages, 'Officially')!
    const [number, first] = line
    expect(number!.text).toBe('1')
    expect(first!.text).toBe('Officially')
    expect(first!.xMin - number!.xMax).toBeGreaterThan(1)
    expect(first!.xMin - number!.xMax).toBeLessThan(14)
    expect(number!.xMin).toBeLessThan(pages[0]!.width / 2)
  })
})

describe('an inline image in a note at the page foot', () => {
  it('is tagged as a Figure with its alt text inside the note\'s paragraph', async () => {
    const project = makeProject({
      'content/harbour.md': '---\ntitle: Harbour notes\n---\n\nThe harbour flies its flag[^flag].\n\n[^flag]: Blue with a sun ![Sky-blue flag with a golden sun](images/flag.png) since 1992.\n',
      'content/images/flag.png': makePng(30, 20, [40, 120, 200])
    })
    const built = await build({ root: project, locales: ['en'], formats: ['pdf'] })
    expect(built.failures).toEqual([])
    const document = await getDocument({ data: new Uint8Array(readFileSync(path.join(project, 'output/en/harbour.pdf'))), isEvalSupported: false }).promise
    const figures: Array<{ inside: string[]; alt?: string }> = []
    const walk = (node: { role?: string; alt?: string; children?: unknown[] }, trail: string[]) => {
      if (node.role === 'Figure') figures.push({ inside: trail, ...(node.alt ? { alt: node.alt } : {}) })
      for (const child of node.children ?? []) walk(child as typeof node, node.role ? [...trail, node.role] : trail)
    }
    walk((await (await document.getPage(1)).getStructTree()) as never, [])
    await document.destroy()
    expect(figures).toEqual([{ inside: ['Root', 'Document', 'Note', 'P'], alt: 'Sky-blue flag with a golden sun' }])
  }, 120_000)
})
