/**
 * Footnotes at the foot of the page that calls them. The page layout asks
 * `plan` where a paragraph's lines go (plan.ts), tells `place` which notes a
 * drawn line put on the current page (the page's bottom margin rises by
 * their height, so nothing set later on the page runs into them), and the
 * notes are drawn when the page is done: in the content stream after the
 * page's text, so pdf.js, poppler and MuPDF read them after it.
 *
 * A note goes to the endnotes instead (the notes section where the
 * document ends) when it holds more than paragraphs, when it would take
 * more than half a page (a note that long starves its page of text, and
 * splitting it over pages would part it from its call), or when its line
 * cannot take it even on an empty page.
 */
import type { Element } from 'hast'
import { INK, inlineRuns, sourceOf, type PdfState, type Run, type Style, type TextSource } from '../state.ts'
import { artifact, tagged, type OpenContent } from '../structure.ts'
import { drawLine } from '../text/draw.ts'
import type { Line } from '../text/types.ts'
import { drawSingleLine, figureInLine, fitSingleLine, layoutRuns, linesHeight } from '../typeset.ts'
import { collectNotes, type NoteItem } from './collect.ts'
import { planLines, type LinePlan, type PlanLine } from './plan.ts'

/** Notes: two thirds of the body's size, ragged (start side: the right in Arabic), a little tighter. */
export const NOTE: Style = { font: 'serif', size: 8, color: INK, lineGap: 0, leading: 1.3, align: 'start', gapAfter: 2 }
/** Space above the rule, the rule, space below it. */
const RULE_ABOVE = 8
const RULE_BELOW = 5
const RULE_LENGTH = 72
/** The number's gutter at the note's start side. */
const GUTTER = 14
const LABEL_GAP = 3
/** Share of the text area one note may take at the foot. */
const MAX_SHARE = 0.5

interface FootNote extends NoteItem {
  runs: Run[][]
  sources: TextSource[]
  height: number
}

export interface FootNotes {
  /** Where the lines of a paragraph go, set from the cursor. */
  plan: (lines: readonly Line[]) => LinePlan
  /** The same for a block that is never split (a table row): `lines` are all the lines it holds. */
  planBlock: (height: number, lines: readonly Line[]) => LinePlan
  /** The notes these lines call that may still go to a page foot, each once, in order (a split table row plans its pieces with them). */
  pending: (lines: readonly Line[]) => string[]
  /** The room these notes take at this page's foot, the rule above them included when the page has no notes yet (`fresh`: on a page with none). */
  room: (ids: readonly string[], fresh?: boolean) => number
  /** A line was drawn at `top` on the current page: its planned notes go to this page's foot. */
  place: (ids: readonly string[], top: number) => void
  /** The room at this page's foot that the notes these lines call would add (a paragraph's first lines kept together, a list marker beside its line). */
  roomFor: (lines: readonly Line[]) => number
  /** Whether runs call a note that may go to a page foot (only then is their room worth a layout). */
  calls: (runs: readonly Run[]) => boolean
  /** Notes the plan could not set at any foot. */
  demote: (ids: readonly string[]) => void
  /** Whether a note is set at a page foot (then the endnotes leave it out). */
  atFoot: (id: string) => boolean
  /** Draw the current page's notes (before a page is added, and once the document is set). */
  finishPage: () => void
}

export function createFootNotes(state: PdfState, article: Element, root: PDFKit.PDFStructureElement): FootNotes {
  const { doc, edition } = state
  const baseBottom = doc.page.margins.bottom
  const measure = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const textHeight = doc.page.height - doc.page.margins.top - baseBottom
  const notes = new Map<string, FootNote>()
  for (const item of collectNotes(article, edition.locale).values()) {
    if (!item.paragraphs) continue
    const runs = item.paragraphs.map((p) => inlineRuns(p.children))
    const sources = item.paragraphs.map(sourceOf)
    const height = runs.reduce((sum, each, index) => sum + linesHeight(layoutRuns(edition, each, NOTE, measure - GUTTER, sources[index]).lines), 0) + NOTE.gapAfter * runs.length
    if (height <= textHeight * MAX_SHARE) notes.set(item.id, { ...item, runs, sources, height })
  }
  /** Notes whose place is settled: at a foot (`placed`) or among the endnotes. */
  const decided = new Set<string>()
  const placed = new Set<string>()
  const pages = new Map<PDFKit.PDFPage, FootNote[]>()
  const costs = { height: (id: string) => (decided.has(id) ? undefined : notes.get(id)?.height), separator: RULE_ABOVE + RULE_BELOW }

  const reserved = (list: readonly FootNote[]) => (list.length === 0 ? 0 : list.reduce((sum, note) => sum + note.height, costs.separator))

  const planFromCursor = (lines: readonly PlanLine[]): LinePlan => planLines(lines, {
    y: doc.y,
    bottom: doc.page.height - doc.page.margins.bottom,
    pageTop: doc.page.margins.top,
    pageBottom: doc.page.height - baseBottom,
    hasNotes: (pages.get(doc.page) ?? []).length > 0
  }, costs)

  return {
    plan: (lines) => planFromCursor(lines.map((line) => ({ height: line.height, advance: line.advance, notes: calledIn(line, notes) }))),
    planBlock: (height, lines) => planFromCursor([{ height, advance: height, notes: calledInAll(lines, notes) }]),
    pending: (lines) => calledInAll(lines, notes).filter((id) => costs.height(id) !== undefined),
    room(ids, fresh = false) {
      if (ids.length === 0) return 0
      const rule = fresh || (pages.get(doc.page) ?? []).length === 0 ? costs.separator : 0
      return ids.reduce((sum, id) => sum + (notes.get(id)?.height ?? 0), rule)
    },
    roomFor(lines) {
      const ids = calledInAll(lines, notes).filter((id) => costs.height(id) !== undefined)
      // As the plan does: only the notes an empty page could hold under these lines count (the rest will be endnotes).
      const limit = textHeight - linesHeight(lines)
      const rule = (pages.get(doc.page) ?? []).length === 0 ? costs.separator : 0
      let room = 0
      for (const id of ids) if (rule + room + costs.height(id)! <= limit) room += costs.height(id)!
      return room === 0 ? 0 : rule + room
    },
    calls: (runs) => runs.some((run) => run.link?.startsWith('#') && costs.height(run.link.slice(1)) !== undefined),
    place(ids, top) {
      if (ids.length === 0) return
      const here = pages.get(doc.page) ?? []
      for (const id of ids) {
        const note = notes.get(id)
        if (!note || decided.has(id)) continue
        decided.add(id)
        placed.add(id)
        here.push(note)
        // The note's number links back here.
        if (note.call) doc.addNamedDestination(note.call, 'XYZ', null, top, null)
      }
      pages.set(doc.page, here)
      // A page's own margins (pdfkit shares one object among pages): everything set later on this page stops above the notes.
      doc.page.margins = { ...doc.page.margins, bottom: baseBottom + reserved(here) }
    },
    demote(ids) {
      for (const id of ids) decided.add(id)
    },
    atFoot: (id) => placed.has(id),
    finishPage() {
      const here = pages.get(doc.page)
      if (!here || here.length === 0) return
      pages.set(doc.page, [])
      drawNotes(state, root, here, doc.page.height - baseBottom - reserved(here), measure)
    }
  }
}

/** The notes a block of lines calls, each once, in order. */
function calledInAll(lines: readonly Line[], notes: ReadonlyMap<string, FootNote>): string[] {
  return [...new Set(lines.flatMap((line) => calledIn(line, notes)))]
}

/** The ids of notes a line calls: its links to a note. */
function calledIn(line: Line, notes: ReadonlyMap<string, FootNote>): string[] {
  const ids: string[] = []
  for (const piece of line.pieces) {
    const link = piece.span.run.link
    if (link?.startsWith('#') && notes.has(link.slice(1)) && !ids.includes(link.slice(1))) ids.push(link.slice(1))
  }
  return ids
}

/**
 * A short rule at the start side, then each note: tagged Note (with its id,
 * as PDF/UA asks) holding Lbl (the number, in the gutter at the start side,
 * linked back to the call) and a P per paragraph. A note in another
 * direction than the edition's (an English note not yet translated in the
 * Arabic edition) is set in its own, its number beside its text.
 */
function drawNotes(state: PdfState, root: PDFKit.PDFStructureElement, list: readonly FootNote[], top: number, measure: number): void {
  const { doc, edition } = state
  const left = doc.page.margins.left
  const ruleY = top + RULE_ABOVE
  const ruleX = edition.dir === 'rtl' ? left + measure - RULE_LENGTH : left
  artifact(doc, 'Layout', () => doc.save().moveTo(ruleX, ruleY).lineTo(ruleX + RULE_LENGTH, ruleY).lineWidth(0.5).stroke(INK).restore())
  let y = ruleY + RULE_BELOW
  for (const note of list) {
    const dir = note.sources[0]?.dir ?? edition.dir
    const rtl = dir === 'rtl'
    // The number stands in the gutter, LABEL_GAP from the text: at the right of it in Arabic.
    const gutter = { left: rtl ? left + measure - GUTTER + LABEL_GAP : left, width: GUTTER - LABEL_GAP }
    const textLeft = rtl ? left : left + GUTTER
    const element = (doc as PDFKit.PDFDocument & { struct: (type: string) => PDFKit.PDFStructureElement }).struct('Note')
    ;(element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.ID = new String(note.id)
    root.add(element)
    const inside: { doc: PDFKit.PDFDocument; structure: PDFKit.PDFStructureElement; open?: OpenContent } = { doc, structure: element }
    doc.addNamedDestination(note.id, 'XYZ', null, y, null)
    const label = fitSingleLine(edition, note.label, { ...NOTE, align: 'end' }, gutter.width, { dir })
    tagged(inside, 'Lbl', {}, () => state.missing.push(...drawSingleLine(doc, label, gutter, y)))
    if (note.call) doc.goTo(gutter.left, y, gutter.width, label.line?.height ?? NOTE.size, note.call)
    note.runs.forEach((runs, index) => {
      const source = note.sources[index]!
      const laid = layoutRuns(edition, runs, NOTE, measure - GUTTER, source)
      state.missing.push(...laid.missing.map((item) => ({ ...item, place: source.place })))
      tagged(inside, 'P', source.lang ? { lang: source.lang } : {}, () => {
        for (const line of laid.lines) {
          drawLine(doc, line, textLeft, y, figureInLine(inside))
          y += line.advance
        }
      })
      y += NOTE.gapAfter
    })
    element.end()
  }
}

/**
 * A page's notes are drawn as the page is left: pdfkit's page turns (ours
 * and continueOnNewPage's) all go through addPage. Marked content still
 * open there is closed first and opened again on the new page.
 */
export function drawNotesOnPageTurn(doc: PDFKit.PDFDocument, notes: FootNotes): void {
  const marked = doc as PDFKit.PDFDocument & { endPageMarkings: (page: PDFKit.PDFPage) => unknown[]; initPageMarkings: (markings: unknown[]) => void }
  const addPage = doc.addPage.bind(doc)
  doc.addPage = (options) => {
    const open = marked.endPageMarkings(doc.page)
    notes.finishPage()
    addPage(options)
    marked.initPageMarkings(open)
    return doc
  }
}
