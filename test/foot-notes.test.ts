/**
 * Footnotes at the page foot: where lines go when notes take room (the pure
 * plan), and the page layout following it (a paragraph set through
 * setParagraph reserves its note's room on the page of the call, or goes
 * over to the next page with it).
 */
import type { Element, Root } from 'hast'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import type { Edition } from '../pipeline/render/edition.ts'
import { createFootNotes } from '../pipeline/render/pdf/footnotes/foot-notes.ts'
import { planLines, type PageSpace, type PlanLine } from '../pipeline/render/pdf/footnotes/plan.ts'
import { BODY, type PdfState, type Run } from '../pipeline/render/pdf/state.ts'
import { handlers } from '../pipeline/render/pdf/handlers/index.ts'
import { documentRoot, tagged } from '../pipeline/render/pdf/structure.ts'
import { lineAdvance, paragraphHeight, setParagraph } from '../pipeline/render/pdf/typeset.ts'

const line = (notes: string[] = []): PlanLine => ({ height: 10, advance: 12, notes })
/** A page of 100 points (top 0, bottom 100): eight lines of 12 fit (the eighth ends at 94). */
const space = (y: number, extra: Partial<PageSpace> = {}): PageSpace => ({ y, bottom: 100, pageTop: 0, pageBottom: 100, hasNotes: false, ...extra })
const costs = (heights: Record<string, number>) => ({ height: (id: string) => heights[id], separator: 5 })

describe('the plan of a paragraph’s lines with notes', () => {
  it('puts a note on the page of the line that calls it', () => {
    const plan = planLines([line(), line(['a']), line()], space(0), costs({ a: 20 }))
    expect(plan.turns).toEqual([])
    expect(plan.notes).toEqual([[], ['a'], []])
  })

  it('reserves the note’s room: lines after the call stop above the note', () => {
    // Without a note, lines at 0…84 all fit; with a 20 + 5 point note only those ending by 75 do.
    expect(planLines(Array.from({ length: 8 }, () => line()), space(0), costs({})).turns).toEqual([])
    const plan = planLines([line(['a']), ...Array.from({ length: 7 }, () => line())], space(0), costs({ a: 20 }))
    // Line 6 would end at 82 > 75: it starts the next page (line 7 goes with it anyway).
    expect(plan.turns).toEqual([6])
  })

  it('sends the calling line to the next page, with its note, when the note does not fit below it', () => {
    // Line 2 ends at 34; its 70 point note and the rule would need 34 + 75 > 100.
    const plan = planLines([line(), line(), line(['a'])], space(0), costs({ a: 70 }))
    expect(plan.turns).toEqual([2])
    expect(plan.notes[2]).toEqual(['a'])
  })

  it('counts the room of notes already at the current page’s foot, and pays the rule once a page', () => {
    // 40 points reserved already (bottom 60): a 10 point note (no second rule) fits under a line ending at 46.
    expect(planLines([line(['b'])], space(36, { bottom: 60, hasNotes: true }), costs({ b: 10 })).turns).toEqual([])
    expect(planLines([line(['b'])], space(36, { bottom: 60, hasNotes: false }), costs({ b: 10 })).turns).toEqual([0])
  })

  it('sets a note called twice once, at its first call', () => {
    const plan = planLines([line(['a']), line(['a', 'b'])], space(0), costs({ a: 10, b: 10 }))
    expect(plan.notes).toEqual([['a'], ['b']])
  })

  it('leaves out notes placed before (their height is undefined) and demotes a note no page can hold', () => {
    const plan = planLines([line(['placed', 'huge'])], space(0), costs({ huge: 200 }))
    expect(plan).toEqual({ turns: [], notes: [[]], demoted: ['huge'] })
    expect(plan.demoted).toEqual(['huge'])
  })

  it('keeps the widow rule: the last line never stands alone at a page top', () => {
    // Eight lines fit from 0; a ninth from 0 leaves the last alone, so the eighth goes over too.
    expect(planLines(Array.from({ length: 9 }, () => line()), space(0), costs({})).turns).toEqual([7])
  })
})

/** A heading, then a paragraph calling the note: the blocks the heading test sets. */
const HEADING: Element = { type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: 'Trade' }] }
const AFTER_HEADING: Element = {
  type: 'element', tagName: 'p', properties: {},
  children: [{ type: 'text', value: 'Trade doubled within a decade' }, { type: 'element', tagName: 'sup', properties: {}, children: [{ type: 'element', tagName: 'a', properties: { href: '#fn-1' }, children: [{ type: 'text', value: '1' }] }] }]
}

function noteTree(text: string): { article: Element; edition: Edition } {
  const note: Element = { type: 'element', tagName: 'li', properties: { id: 'fn-1' }, children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] }] }
  const section: Element = {
    type: 'element', tagName: 'section', properties: { dataFootnotes: true },
    children: [{ type: 'element', tagName: 'ol', properties: {}, children: [note] }]
  }
  const call: Element = { type: 'element', tagName: 'a', properties: { href: '#fn-1', id: 'fnref-1', dataFootnoteRef: true }, children: [{ type: 'text', value: '1' }] }
  const article: Element = { type: 'element', tagName: 'article', properties: {}, children: [{ type: 'element', tagName: 'p', properties: {}, children: [call] }, HEADING, AFTER_HEADING, section] }
  const hast: Root = { type: 'root', children: [article] }
  return { article, edition: { locale: 'en', dir: 'ltr', hast } as unknown as Edition }
}

const NOTE_TEXT = 'The figures come from the harbour master’s ledger, which counted every vessel by its tonnage and not by its cargo. '.repeat(3)
const CALLING: Run[] = [{ text: 'Trade doubled within a decade', bold: false, italic: false }, { text: '1', bold: false, italic: false, superscript: true, link: '#fn-1' }]

function noteState(): PdfState {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 76, bottom: 76, left: 105, right: 105 }, bufferPages: true, tagged: true } as PDFKit.PDFDocumentOptions)
  const { article, edition } = noteTree(NOTE_TEXT)
  const root = documentRoot(doc)
  const state = {
    doc, edition, insetStart: 0, missing: [], structure: root,
    all: () => {
      throw new Error('Unexpected block in a note test')
    },
    paragraph: (runs, style, source, type = 'P') => tagged(state, type, {}, () => setParagraph(state, runs, style, source)),
    ensureSpace: (height) => {
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
    },
    heightOf: (runs, style, source) => paragraphHeight(state, runs, style, source),
    lineAdvance: (style) => lineAdvance(state, style)
  } as PdfState
  state.notes = createFootNotes(state, article, root)
  return state
}

describe('the page layout with a note at the foot', () => {
  it('raises the page’s text bottom by the note’s room once the calling line is set', () => {
    const state = noteState()
    const before = state.doc.page.margins.bottom
    setParagraph(state, CALLING, BODY)
    expect(state.doc.bufferedPageRange().count).toBe(1)
    expect(state.doc.page.margins.bottom).toBeGreaterThan(before + 3 * 8)
    expect(state.notes!.atFoot('fn-1')).toBe(true)
  })

  it('turns the page before a calling line whose note no longer fits below it', () => {
    const state = noteState()
    const { doc } = state
    // Room for two lines of text, not for two lines and a three-line note.
    doc.y = doc.page.height - doc.page.margins.bottom - 2 * lineAdvance(state, BODY)
    setParagraph(state, CALLING, BODY)
    expect(doc.bufferedPageRange().count).toBe(2)
    expect(doc.y).toBeLessThan(doc.page.margins.top + 2 * lineAdvance(state, BODY))
    expect(state.notes!.atFoot('fn-1')).toBe(true)
  })

  it('keeps a list item’s marker on the page of its first line when that line’s note sends it over', () => {
    const state = noteState()
    const { doc } = state
    doc.y = doc.page.height - doc.page.margins.bottom - 2 * lineAdvance(state, BODY)
    const pages = markedPages(doc)
    const call: Element = { type: 'element', tagName: 'a', properties: { href: '#fn-1' }, children: [{ type: 'text', value: '1' }] }
    const item: Element = { type: 'element', tagName: 'li', properties: {}, children: [{ type: 'text', value: 'Trade doubled within a decade' }, { type: 'element', tagName: 'sup', properties: {}, children: [call] }] }
    handlers.ul!(state, { type: 'element', tagName: 'ul', properties: {}, children: [item] })
    expect(pages).toEqual([['Lbl', 2], ['P', 2]])
    expect(state.notes!.atFoot('fn-1')).toBe(true)
  })

  it('keeps a paragraph’s first two lines together when the second calls a note that does not fit', () => {
    const state = noteState()
    const { doc } = state
    doc.y = doc.page.height - doc.page.margins.bottom - 2.5 * lineAdvance(state, BODY)
    const pages = markedPages(doc)
    const call: Element = { type: 'element', tagName: 'a', properties: { href: '#fn-1' }, children: [{ type: 'text', value: '1' }] }
    const words = (count: number) => ({ type: 'text' as const, value: 'harbour ledger '.repeat(count) })
    handlers.p!(state, { type: 'element', tagName: 'p', properties: {}, children: [words(7), { type: 'element', tagName: 'sup', properties: {}, children: [call] }, words(12)] })
    expect(pages).toEqual([['P', 2]])
    expect(state.notes!.atFoot('fn-1')).toBe(true)
  })

  it('keeps a heading with the paragraph after it when that paragraph’s note sends it over', () => {
    const state = noteState()
    const { doc } = state
    // Room for the heading and three lines, not for the note as well.
    doc.y = doc.page.height - doc.page.margins.bottom - 5.5 * lineAdvance(state, BODY)
    const pages = markedPages(doc)
    handlers.h2!(state, HEADING)
    handlers.p!(state, AFTER_HEADING)
    expect(pages).toEqual([['H2', 2], ['P', 2]])
  })
})

/** The structure tag and page number of each piece of marked content drawn from now on. */
function markedPages(doc: PDFKit.PDFDocument): Array<[string, number]> {
  const pages: Array<[string, number]> = []
  const marked = doc as unknown as { markStructureContent: (tag: string, options?: object) => unknown }
  const mark = marked.markStructureContent.bind(doc)
  marked.markStructureContent = (tag, options) => {
    pages.push([tag, doc.bufferedPageRange().count])
    return mark(tag, options)
  }
  return pages
}
