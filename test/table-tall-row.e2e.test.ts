/**
 * A table row taller than a page is split across pages line by line: each cell goes on at the next
 * page's top in its own column, under the header row drawn again, and no word is lost. Seen in a
 * review: a six-column table whose first cell held 700 words kept 295 of them (the row was drawn
 * from a page's top and cut at its foot), and its header row stood alone on a page of its own. A header
 * row taller than a page is split the same way; the notes a split row calls stay at the foot of the page
 * of their call; and a row that would leave more than half a page blank by going to the next page whole
 * is split there instead.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { pdfStructure } from './conformance/validators/pdf-structure.ts'
import { pdfText } from './helpers/read-back.ts'
import { copyUiTerms, makeProject } from './helpers/project.ts'
import { extract } from '../pipeline/translation/extract.ts'

const WORDS = Array.from({ length: 700 }, (_, index) => `w${index + 1}`)
const INTRO = 'The harbour log records the ice, the wind and the ships that came and went in the season.'

const documentWith = (intro: number) => `---
title: Log
lang: en
---

${Array.from({ length: intro }, () => INTRO).join('\n\n')}

| Headone | Headtwo | Headthree | Headfour | Headfive | Headsix |
| --- | --- | --- | --- | --- | --- |
| ${WORDS.join(' ')} | Cellb | Cellc | Celld | Celle | Cellf |
| Lastrow | Lastb | Lastc | Lastd | Laste | Lastf |

Afterword of the log.
`

/** A header row taller than a page (split line by line, not drawn again) above a tall body row, under the document's title. */
const TALL_HEADER = `---
title: Tall header
lang: en
---

| ${Array.from({ length: 1500 }, (_, index) => `h${index + 1}`).join(' ')} | Headtwo |
| --- | --- |
| ${WORDS.join(' ')} | Cellb |
`

/** A split row calling notes: a call every 150 words, each note one short line. */
const CALLS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota']
const NOTED = `---
title: Noted
lang: en
---

Intro.

| Heada | Headb |
| --- | --- |
| ${Array.from({ length: 1400 }, (_, index) => `w${index + 1}${(index + 1) % 150 === 0 ? ` Call${CALLS[(index + 1) / 150 - 1]}[^${(index + 1) / 150}]` : ''}`).join(' ')} | Cellb |

Afterword.

${CALLS.map((name, index) => `[^${index + 1}]: Note${name} of the ice in the season.`).join('\n\n')}
`

/**
 * Notes of two lines each, as a review set them: a 1,400-word cell calling
 * one every 40 words (35); with notes of one short line (NOTED) a note
 * already stood at its call's foot, these became endnotes. Above it a
 * header row of `heads` words (split, too tall to draw again) calls a note
 * of six lines at its end: its last page holds the rest of the header (its
 * last line included) but not that note too, so the last lines go over
 * with it (before, the note was an endnote). Each call is a word of its own
 * (`Call7x`, the note's number clinging to it), each note starts `Note7x`;
 * `h` is the header's.
 */
const MANY = {
  en: {
    title: 'Many notes',
    heads: 1950,
    head: (index: number) => `h${index + 1}`,
    cell: (index: number) => `w${index + 1}`,
    note: 'of the ice and the wind in the season, as the harbour master wrote it down in his ledger that year.'
  },
  ar: {
    title: 'ملاحظات كثيرة',
    heads: 1140,
    head: (index: number) => `رأس${index + 1}`,
    cell: (index: number) => `${['الميناء', 'السفينة', 'الريح', 'الجليد', 'الموسم'][index % 5]}${index + 1}`,
    note: 'عن الجليد والريح في الموسم، كما دوّنها مدير الميناء في سجله ذلك العام حين وصلت السفينة الأخيرة من البحر.'
  }
}
const MANY_CALLS = 35
const manyNotes = (lang: keyof typeof MANY) => {
  const { title, heads, head, cell, note } = MANY[lang]
  const cellWords = Array.from({ length: 40 * MANY_CALLS }, (_, index) => `${cell(index)}${index % 40 === 39 ? ` Call${(index - 39) / 40}x[^${(index - 39) / 40}]` : ''}`)
  return `---
title: ${title}
lang: ${lang}
---

${INTRO}

| ${Array.from({ length: heads }, (_, index) => head(index)).join(' ')} Callhx[^h] | B |
| --- | --- |
| ${cellWords.join(' ')} | Cellb |
| r | s |

${Array.from({ length: MANY_CALLS }, (_, index) => `[^${index}]: Note${index}x ${note}`).join('\n\n')}

[^h]: Notehx ${note} ${note} ${note}
`
}

const ROW_WORDS = Array.from({ length: 580 }, (_, index) => `w${index + 1}`)
/** Rows of these many words end a line or two past page 1's foot (506 words fit there under three paragraphs). */
const WIDOWS = Array.from({ length: 18 }, (_, index) => 500 + 2 * index)
/** `intro` paragraphs, then a table whose row of 580 words (four fifths of a page) fits on a page but not below them (after a short row with `short`). */
const ROOMY = (intro: number, short: boolean) => `---
title: Roomy
lang: en
---

${Array.from({ length: intro }, () => INTRO).join('\n\n')}

| Heada | Headb |
| --- | --- |
${short ? '| Firstrow | Firstb |\n' : ''}| ${ROW_WORDS.join(' ')} | Cellb |
| Lastrow | Lastb |
`

/** The numbered words a text holds, each as often as it appears. */
const numbered = (text: string) => [...text.matchAll(/\bw(\d+)\b/g)].map((match) => `w${match[1]}`)

let root: string
const NAMES = ['top', 'mid', 'foot']

beforeAll(async () => {
  root = makeProject({
    'content/top.md': documentWith(0),
    'content/mid.md': documentWith(8),
    'content/foot.md': documentWith(30),
    'content/tallhead.md': TALL_HEADER,
    'content/noted.md': NOTED,
    'content/many.md': manyNotes('en'),
    'content/roomy.md': ROOMY(3, false),
    'content/roomy-second.md': ROOMY(3, true),
    // Page 2 holds 12 of these paragraphs: a quarter of it stays blank.
    'content/late.md': ROOMY(28, false),
    ...Object.fromEntries(WIDOWS.map((words) => [`content/widow-${words}.md`, ROOMY(3, false).replace(ROW_WORDS.join(' '), ROW_WORDS.slice(0, words).join(' '))]))
  })
  const result = await build({ root, formats: ['pdf'] })
  expect(result.failures).toEqual([])
}, 300_000)

describe('a table row taller than a page', () => {
  it.each(NAMES)('keeps every word of its cells, once, in order (pdf.js and poppler): %s', async (name) => {
    const data = readFileSync(path.join(root, `output/en/${name}.pdf`))
    const poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: data }).toString()
    const { text, pages } = await pdfText(new Uint8Array(data), poppler)
    expect(pages).toBeGreaterThan(1)
    expect(numbered(text)).toEqual(WORDS)
    expect(numbered(poppler)).toEqual(WORDS)
    for (const word of ['Cellb', 'Cellf', 'Lastrow', 'Lastf', 'Afterword']) expect(text).toContain(word)
  })

  it.each(NAMES)('is tagged soundly (the tagged-PDF check): %s', async (name) => {
    expect(await pdfStructure.validate(path.join(root, `output/en/${name}.pdf`))).toEqual([])
  })

  it.each(NAMES)('never leaves the header row alone on a page: %s', (name) => {
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(root, `output/en/${name}.pdf`), '-']).toString().split('\f')
    const alone = pages.map((page, index) => ({ page, index })).filter(({ page }) => page.includes('Headone') && numbered(page).length === 0 && !page.includes('Lastrow'))
    expect(alone.map(({ index }) => index + 1)).toEqual([])
  })

  it('starts the split row on the page of the text before it when a few of its lines fit there', () => {
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(root, 'output/en/mid.pdf'), '-']).toString().split('\f')
    expect(pages[0]).toContain('w1 ')
  })

  it('under a header row too tall to draw again, goes on without it: every word, a page a page of its lines', () => {
    const poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(root, 'output/en/tallhead.pdf'), '-']).toString()
    expect(numbered(poppler)).toEqual(WORDS)
    // With the header drawn again, each page held the header alone and one line of the row: 63 pages.
    expect(poppler.split('\f').length - 1).toBeLessThan(6)
  })
})

describe('a header row taller than a page', () => {
  const HEADER = Array.from({ length: 1500 }, (_, index) => `h${index + 1}`)
  const headerWords = (text: string) => [...text.matchAll(/\bh(\d+)\b/g)].map((match) => `h${match[1]}`)

  it('is split line by line: every word, once, in order (poppler, MuPDF and pdf.js)', async () => {
    const file = path.join(root, 'output/en/tallhead.pdf')
    const data = readFileSync(file)
    const poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString()
    const mupdf = execFileSync('mutool', ['draw', '-q', '-F', 'txt', file]).toString()
    const { text } = await pdfText(new Uint8Array(data), poppler)
    // Before, the header was drawn from a page's top and cut at its foot: 806 of its 1,500 words.
    for (const each of [poppler, mupdf, text]) {
      expect(headerWords(each)).toEqual(HEADER)
      expect(numbered(each)).toEqual(WORDS)
    }
  })

  it('starts under the title, not on a page of its own', () => {
    const first = execFileSync('pdftotext', ['-enc', 'UTF-8', '-l', '1', path.join(root, 'output/en/tallhead.pdf'), '-']).toString()
    expect(first).toContain('h1 ')
  })

  it('is tagged soundly (the tagged-PDF check)', async () => {
    expect(await pdfStructure.validate(path.join(root, 'output/en/tallhead.pdf'))).toEqual([])
  })
})

describe('the notes a split row calls', () => {
  it('are set at the foot of the page of their call (poppler and MuPDF), every word of the row kept', () => {
    const file = path.join(root, 'output/en/noted.pdf')
    const poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString()
    expect(numbered(poppler)).toEqual(Array.from({ length: 1400 }, (_, index) => `w${index + 1}`))
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1])
    expect(pages).toBeGreaterThan(2)
    for (let page = 1; page <= pages; page++) {
      const texts = [
        execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']).toString(),
        execFileSync('mutool', ['draw', '-q', '-F', 'txt', file, String(page)]).toString()
      ]
      for (const text of texts) {
        // Before, every such note was an endnote, on the document's last page.
        for (const name of CALLS) expect(`${name}: ${text.includes(`Call${name}`)}`).toBe(`${name}: ${text.includes(`Note${name}`)}`)
      }
    }
  })

  it('are tagged soundly (the tagged-PDF check)', async () => {
    expect(await pdfStructure.validate(path.join(root, 'output/en/noted.pdf'))).toEqual([])
  })
})

describe('notes of two lines a split body row and a split header row call', () => {
  let arabic: string
  const files = () => ({ en: path.join(root, 'output/en/many.pdf'), ar: path.join(arabic, 'output/ar/many.pdf') })
  /** Page by page, poppler's and MuPDF's text (poppler's marks of direction taken out). */
  const pagesOf = (file: string) => {
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1])
    return Array.from({ length: count }, (_, index) => String(index + 1)).map((page) => ({
      poppler: execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', page, '-l', page, file, '-']).toString().replace(/[\u200e\u200f\u202a-\u202e]/g, ''),
      mupdf: execFileSync('mutool', ['draw', '-q', '-F', 'txt', file, page], { stdio: ['ignore', 'pipe', 'ignore'] }).toString()
    }))
  }
  const ids = (text: string, kind: 'Call' | 'Note') => [...text.matchAll(new RegExp(`${kind}(\\d+|h)x`, 'g'))].map((match) => match[1]!)
  const ALL = [...Array.from({ length: MANY_CALLS }, (_, index) => String(index)), 'h']

  beforeAll(async () => {
    arabic = makeProject({ 'content/many.md': manyNotes('ar') })
    copyUiTerms(arabic, ['ar'])
    await extract(arabic)
    const result = await build({ root: arabic, locales: ['ar'], formats: ['pdf'] })
    expect(result.failures).toEqual([])
  }, 300_000)

  it.each(['en', 'ar'] as const)('stand at the foot of the page of their call, each once (poppler and MuPDF): %s', (lang) => {
    const pages = pagesOf(files()[lang])
    expect(pages.length).toBeGreaterThan(4)
    for (const tool of ['poppler', 'mupdf'] as const) {
      // Before, notes 4 to 33 and the header's were endnotes, pages after their calls.
      const apart = pages.flatMap((page, index) => {
        const calls = ids(page[tool], 'Call').sort()
        const notes = ids(page[tool], 'Note').sort()
        return calls.join() === notes.join() ? [] : [`${tool} page ${index + 1}: calls ${calls.join()}, notes ${notes.join()}`]
      })
      expect(apart).toEqual([])
      expect(pages.flatMap((page) => ids(page[tool], 'Note')).sort()).toEqual([...ALL].sort())
    }
  })

  it.each(['en', 'ar'] as const)('are notes of two lines, and the header\'s last lines went over with its note (the cases met): %s', (lang) => {
    const pages = pagesOf(files()[lang]).map((page) => page.poppler)
    const last = MANY[lang].note.split(' ').at(-1)!
    for (const id of ALL.slice(0, -1)) expect(pages.join('').split('\n').find((line) => line.includes(`Note${id}x`))).not.toContain(last)
    const head = new RegExp(`^${MANY[lang].head(0).replace(/\d+$/, '')}\\d+`)
    const headLines = pages.map((page) => page.split('\n').filter((line) => head.test(line.trim()) || line.trim().startsWith('Callhx')).length)
    const call = pages.findIndex((page) => page.includes('Callhx'))
    // The call's page holds the header's last lines, and the page before it (a fresh page, as the one before that) could have held them without the note.
    expect(call).toBeGreaterThan(2)
    expect(headLines[call]).toBeGreaterThan(0)
    expect(headLines[call - 1]! + headLines[call]!).toBeLessThanOrEqual(headLines[call - 2]!)
  })

  it.each(['en', 'ar'] as const)('keep every word of the header and the cell, once, in order (poppler and MuPDF): %s', (lang) => {
    const { head, cell, heads } = MANY[lang]
    const pages = pagesOf(files()[lang])
    const words = (text: string, of: (index: number) => string, count: number) => {
      const wanted = new Set(Array.from({ length: count }, (_, index) => of(index)))
      return [...text.matchAll(/[\p{L}]+\d+/gu)].map((match) => match[0]).filter((word) => wanted.has(word))
    }
    for (const tool of ['poppler', 'mupdf'] as const) {
      const text = pages.map((page) => page[tool]).join('\n')
      expect(words(text, head, heads)).toEqual(Array.from({ length: heads }, (_, index) => head(index)))
      expect(words(text, cell, 40 * MANY_CALLS)).toEqual(Array.from({ length: 40 * MANY_CALLS }, (_, index) => cell(index)))
    }
  })

  it.each(['en', 'ar'] as const)('are tagged soundly (the tagged-PDF check): %s', async (lang) => {
    expect(await pdfStructure.validate(files()[lang])).toEqual([])
  })
})

describe('a row that fits on a page but not below the text before it', () => {
  const pagesOf = (name: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(root, `output/en/${name}.pdf`), '-']).toString().split('\f')

  it.each(['roomy', 'roomy-second'])('is split there when going whole to the next page would leave more than half the page blank: %s', (name) => {
    const pages = pagesOf(name)
    // Before, the row went to page 2 whole and left two thirds of page 1 blank.
    expect(pages[0]).toContain('Heada')
    expect(pages[0]).toContain('w1 ')
    expect(numbered(pages.join(''))).toEqual(ROW_WORDS)
    expect(pages[1]).toContain('Heada')
  })

  it('leaves no line of its cell alone on the next page: two go over, or none', () => {
    const alone = WIDOWS.filter((words) => pagesOf(`widow-${words}`).some((page) => page.split('\n').filter((line) => /\bw\d+/.test(line)).length === 1))
    // Before, the rows of 508 to 518 words left one line on page 2.
    expect(alone).toEqual([])
    // Some of these rows were split: the case was met.
    expect(WIDOWS.filter((words) => /\bw\d+/.test(pagesOf(`widow-${words}`)[1]!)).length).toBeGreaterThan(5)
  })

  it('goes to the next page whole when less than half a page stays blank', () => {
    const pages = pagesOf('late').map(numbered)
    expect(pages.flat()).toEqual(ROW_WORDS)
    expect(pages.filter((words) => words.length > 0)).toHaveLength(1)
  })
})
