/**
 * GFM tables: columns sized to their content within the measure, each
 * cell's text set in its column's alignment (logical: an Arabic edition
 * mirrors the columns and their alignment), tagged Table → THead/TBody → TR
 * → TH/TD. A row goes to the next page whole when it fits there; a row
 * taller than a page, or one whose move would leave more than half a page
 * blank, is split line by line (split-row.ts). The header rows are drawn
 * again at the top of each page the table continues on (as an artifact: the
 * structure holds them once) while they take at most half a page.
 */
import type { Element } from 'hast'
import { BODY, INK, inlineRuns, sourceOf, type Handler, type PdfState, type Run, type Style } from '../state.ts'
import { artifact, grouped, tagged } from '../structure.ts'
import { CAPTION } from './figure.ts'
import { placeSplitRow, splitRowStart } from './split-row.ts'
import { drawLine } from '../text/draw.ts'
import type { Align, Line } from '../text/types.ts'
import { figureInLine, frameOf, layoutRuns, linesHeight } from '../typeset.ts'

const CELL: Style = { ...BODY, font: 'sans', size: 9, lineGap: 1.5, align: 'start', gapAfter: 0 }
export const PAD = 4
const RULE = '#9a9a9a'

export interface Row {
  cells: Element[]
  header: boolean
}

/** What every row of a table is set with: its columns, and the header rows drawn again on each page it continues on. */
interface TableLayout {
  widths: number[]
  /** The header rows drawn again (none when they would take more than half a page), and their height. */
  again: Row[]
  heading: number
}

/** The share of a page's text area the header rows may take and still be drawn again, and that a row may leave blank by going to the next page. */
const HALF = 0.5

export const table: Handler = (state, node: Element) => {
  const head = rowsIn(node, 'thead').map((cells): Row => ({ cells, header: true }))
  const body = rowsIn(node, 'tbody').map((cells): Row => ({ cells, header: false }))
  const columns = Math.max(0, ...[...head, ...body].map((row) => row.cells.length))
  if (columns === 0) return
  const widths = columnWidths(state, [...head, ...body], columns, frameOf(state).width)
  state.doc.moveDown(0.3)
  const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption')
  const heading = head.reduce((sum, row) => sum + rowHeight(state, row, widths), 0)
  const layout: TableLayout = heading <= HALF * textHeight(state) ? { widths, again: head, heading } : { widths, again: [], heading: 0 }
  // The caption and the header rows never stand alone at a page's foot: they keep the first body row with them (a few lines of it when it is split).
  const opening = (y: number) => openingHeight(state, [...head, ...body.slice(0, 1)], layout, y)
  grouped(state, 'Table', () => {
    if (caption) placeCaption(state, caption, opening)
    else if (head.length > 0) keepOnPage(state, opening(state.doc.y))
    if (head.length > 0) grouped(state, 'THead', () => {
      for (const row of head) placeRow(state, row, layout)
    })
    if (body.length > 0) grouped(state, 'TBody', () => {
      for (const row of body) placeRow(state, row, layout)
    })
  })
  state.doc.y += BODY.gapAfter
}

/** The caption above the table (as HTML shows it), tagged Caption inside Table, kept on the page of the table's first rows (`opening` high below it). */
function placeCaption(state: PdfState, caption: Element, opening: (y: number) => number): void {
  const runs = inlineRuns(caption.children)
  if (runs.length === 0) return
  const source = sourceOf(caption)
  const style = { ...CAPTION, gapAfter: PAD }
  const height = state.heightOf(runs, style, source)
  keepOnPage(state, height + opening(state.doc.y + height))
  state.paragraph(runs, style, source, 'Caption')
}

/**
 * A new page when `height` does not fit below the cursor, at most a page's
 * height asked (a first row taller than a page is split), and never from a
 * page's top (within a line of it): a blank page gains nothing.
 */
function keepOnPage(state: PdfState, height: number): void {
  const { doc } = state
  const top = doc.page.margins.top
  const bottom = doc.page.height - doc.page.margins.bottom
  if (doc.y + Math.min(height, bottom - top) > bottom && doc.y > top + state.lineAdvance(BODY)) doc.addPage()
}

/** The room the table's first rows need below `y`: each whole, up to the first that would be split there, of which a few lines. */
function openingHeight(state: PdfState, rows: readonly Row[], layout: TableLayout, y: number): number {
  let height = 0
  for (const row of rows) {
    const own = rowHeight(state, row, layout.widths)
    if (splits(state, row, own, layout, y + height, y + height + own > pageBottom(state))) return height + splitRowStart(state, row, layout.widths)
    height += own
  }
  return height
}

/**
 * Whether a row `height` high is split from `y` on: when no page holds it
 * (under the header rows drawn again), or when it does not fit below `y`
 * (`over`) and going whole to the next page would leave more than half of
 * this page blank: a typesetter fills the page and goes on over the leaf.
 */
function splits(state: PdfState, row: Row, height: number, layout: TableLayout, y: number, over: boolean): boolean {
  if (!fitsOnAPage(state, (row.header ? 0 : layout.heading) + height)) return true
  return over && pageBottom(state) - y > HALF * textHeight(state)
}

/** The PDF's /Scope of a header cell, from the HTML `scope` the hast gives it (rehype-gfm-semantics: `col` in a header row). */
export function scopeOf(cell: Element): 'Column' | 'Row' | 'Both' {
  const scope = cell.properties.scope
  return scope === 'row' ? 'Row' : scope === 'col' ? 'Column' : 'Both'
}

function rowsIn(table: Element, section: 'thead' | 'tbody'): Element[][] {
  const part = table.children.find((child): child is Element => child.type === 'element' && child.tagName === section)
  const rows = (part?.children ?? []).filter((row): row is Element => row.type === 'element' && row.tagName === 'tr')
  return rows.map((row) => row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'th' || cell.tagName === 'td')))
}

function styleOf(cell: Element): Style {
  const classes = Array.isArray(cell.properties.className) ? cell.properties.className : []
  const align: Align = classes.includes('align-center') ? 'center' : classes.includes('align-right') ? 'end' : 'start'
  return { ...CELL, align, font: cell.tagName === 'th' ? 'sansBold' : 'sans' }
}

/**
 * Each cell's runs and styles, made once: layoutRuns keeps a layout by its
 * runs and style, so the row's height, its notes' plan and its drawing all
 * take the one layout instead of setting the cell three times.
 */
const cellParts = new WeakMap<Element, { runs: Run[]; style: Style; measuring: Style }>()

export function laidCell(state: PdfState, cell: Element, width: number, measure = false) {
  let parts = cellParts.get(cell)
  if (!parts) {
    const style = styleOf(cell)
    // Measured from the start: an end-aligned line would start where the huge measuring width ends (see lineWidth).
    parts = { runs: inlineRuns(cell.children), style, measuring: { ...style, align: 'start' } }
    cellParts.set(cell, parts)
  }
  return layoutRuns(state.edition, parts.runs, measure ? parts.measuring : parts.style, width, sourceOf(cell))
}

/** Each column's widest line unbroken; when they do not fit, each gets a fair share and the rest goes where it is wanted. */
function columnWidths(state: PdfState, rows: Row[], columns: number, available: number): number[] {
  const natural = Array.from({ length: columns }, (_, column) => Math.max(
    24,
    ...rows.map((row) => {
      const cell = row.cells[column]
      if (!cell) return 0
      return Math.max(0, ...laidCell(state, cell, 1e5, true).lines.map(lineWidth))
    })
  ) + 2 * PAD + 1)
  const total = natural.reduce((sum, width) => sum + width, 0)
  if (total <= available) return natural
  const share = available / columns
  const widths = natural.map((width) => Math.min(width, share))
  const left = available - widths.reduce((sum, width) => sum + width, 0)
  const wanting = natural.map((width, column) => width - widths[column]!)
  const wanted = wanting.reduce((sum, want) => sum + want, 0)
  return widths.map((width, column) => width + (wanted > 0 ? (left * wanting[column]!) / wanted : 0))
}

/** From the line's first piece to its last: a right-to-left line starts at the far end of the measuring width. */
function lineWidth(line: Line): number {
  if (line.pieces.length === 0) return 0
  return Math.max(...line.pieces.map((piece) => piece.x + piece.width)) - Math.min(...line.pieces.map((piece) => piece.x))
}

/** Set a row, starting a page (with the header rows again) where it does not fit, with the notes its cells call at that page's foot. */
function placeRow(state: PdfState, row: Row, layout: TableLayout): void {
  const { doc } = state
  const { widths } = layout
  const height = rowHeight(state, row, widths)
  const turn = () => {
    doc.addPage()
    // Header rows are being set: none is drawn again above them.
    if (!row.header) artifact(doc, 'Pagination', () => {
      for (const again of layout.again) drawRow(state, again, widths, false)
    })
  }
  const lines = row.cells.flatMap((cell, column) => laidCell(state, cell, widths[column]! - 2 * PAD).lines)
  const plan = state.notes?.planBlock(height, lines)
  const over = plan ? plan.turns.length > 0 : doc.y + height > pageBottom(state)
  if (splits(state, row, height, layout, doc.y, over)) {
    placeSplitRow(state, row, widths, turn, row.header ? 0 : layout.heading)
    return
  }
  state.notes?.demote(plan?.demoted ?? [])
  if (over && doc.y > doc.page.margins.top + 1) turn()
  const top = doc.y
  grouped(state, 'TR', () => drawRow(state, row, widths, true))
  state.notes?.place(plan?.notes[0] ?? [], top)
}

/** Where the current page's text ends (raised by the notes at its foot). */
function pageBottom(state: PdfState): number {
  return state.doc.page.height - state.doc.page.margins.bottom
}

/** A fresh page's text height (the document's margins: the current page's bottom may be raised by its notes). */
export function textHeight(state: PdfState): number {
  const { doc } = state
  const margins = doc.options.margins as { top: number; bottom: number } | undefined
  return doc.page.height - (margins?.top ?? doc.page.margins.top) - (margins?.bottom ?? doc.page.margins.bottom)
}

/** Whether `height` fits on a fresh page. */
function fitsOnAPage(state: PdfState, height: number): boolean {
  return height <= textHeight(state)
}

export function rowHeight(state: PdfState, row: Row, widths: number[]): number {
  const cells = row.cells.map((cell, column) => linesHeight(laidCell(state, cell, widths[column]! - 2 * PAD).lines))
  return Math.max(CELL.size, ...cells) + 2 * PAD
}

/** Where a cell's column starts on the page (an Arabic edition's columns run from the right). */
export function columnLeft(state: PdfState, widths: number[], column: number): number {
  const frame = frameOf(state)
  const offset = widths.slice(0, column).reduce((sum, each) => sum + each, 0)
  return state.edition.dir === 'rtl' ? frame.left + frame.width - offset - widths[column]! : frame.left + offset
}

/** The row's cells side by side from the start side, and a rule below it; `tag` wraps each cell in TH/TD. */
function drawRow(state: PdfState, row: Row, widths: number[], tag: boolean): void {
  const { doc } = state
  const top = doc.y
  const height = rowHeight(state, row, widths)
  row.cells.forEach((cell, column) => {
    const left = columnLeft(state, widths, column)
    const laid = laidCell(state, cell, widths[column]! - 2 * PAD)
    state.missing.push(...laid.missing.map((item) => ({ ...item, place: cell.position })))
    const draw = () => {
      let y = top + PAD
      for (const line of laid.lines) {
        drawLine(doc, line, left + PAD, y, tag ? figureInLine(state) : undefined)
        y += line.advance
      }
    }
    if (tag) tagged(state, cell.tagName === 'th' ? 'TH' : 'TD', cell.tagName === 'th' ? { scope: scopeOf(cell) } : {}, draw)
    else draw()
  })
  drawRule(state, row, widths, top + height, tag)
  doc.y = top + height
}

/** The rule below a row (or below a split row's piece on a page); `tagged`: drawn inside tagged content, so as its own artifact. */
export function drawRule(state: PdfState, row: Row, widths: number[], y: number, tagged: boolean): void {
  const { doc } = state
  const frame = frameOf(state)
  const width = widths.reduce((sum, each) => sum + each, 0)
  const x = state.edition.dir === 'rtl' ? frame.left + frame.width - width : frame.left
  const rule = () => doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(row.header ? 1 : 0.4).stroke(row.header ? INK : RULE).restore()
  // An untagged row is drawn inside an artifact already, and pdfkit closes an open artifact when another opens.
  if (tagged) artifact(doc, 'Layout', rule)
  else rule()
}
