/**
 * A table row split across pages (taller than a page, or one whose move
 * would leave half a page blank), set line by line: each page takes from
 * every cell the lines that fit above its foot, in the cell's own column,
 * with a rule below that page's piece (a cell's last line never goes over
 * alone); the next page (the header rows drawn again by `turn`) goes on
 * from each cell's next line. Each cell is one
 * TD/TH whose marked content comes in one piece per page. A note the row
 * calls goes to the foot of the page its call is set on, as a paragraph's:
 * a page's piece ends higher to leave it room (the line with its call goes
 * over to the next page), and only a note that no page could hold beside
 * its line (under the header rows drawn again, `again` high) becomes an
 * endnote.
 */
import type { PdfState } from '../state.ts'
import { grouped, taggedInPieces } from '../structure.ts'
import { drawLine } from '../text/draw.ts'
import type { Line } from '../text/types.ts'
import { figureInLine, linesHeight } from '../typeset.ts'
import { columnLeft, drawRule, laidCell, PAD, type Row, scopeOf, textHeight } from './table.ts'

type LaidCell = ReturnType<typeof laidCell>

export function placeSplitRow(state: PdfState, row: Row, widths: number[], turn: () => void, again: number): void {
  const { doc } = state
  const cells = row.cells.map((cell, column) => laidCell(state, cell, widths[column]! - 2 * PAD))
  demoteUnheld(state, cells, textHeight(state) - again)
  row.cells.forEach((cell, column) => {
    state.missing.push(...cells[column]!.missing.map((item) => ({ ...item, place: cell.position })))
  })
  const next = cells.map(() => 0)
  // Less than a few lines' room left: the row starts on the next page.
  const starts = doc.y + splitRowStart(state, row, widths) > doc.page.height - doc.page.margins.bottom
  if (starts) turn()
  grouped(state, 'TR', () => {
    const elements = row.cells.map((cell) => taggedInPieces(state, cell.tagName === 'th' ? 'TH' : 'TD', cell.tagName === 'th' ? { scope: scopeOf(cell) } : {}))
    for (let fresh = starts || doc.y <= doc.page.margins.top + 1; ;) {
      const top = doc.y
      const { pieces, notes } = pageOfRow(state, cells, next, fresh)
      if (!pieces) {
        // Not one line fits here with the notes it calls: the row goes on over the leaf.
        turn()
        fresh = true
        continue
      }
      pieces.forEach((lines, column) => {
        if (lines.length === 0) return
        const left = columnLeft(state, widths, column)
        elements[column]!.piece(() => {
          let y = top + PAD
          for (const line of lines) {
            drawLine(doc, line, left + PAD, y, figureInLine(state))
            y += line.advance
          }
        })
        next[column]! += lines.length
      })
      const height = Math.max(0, ...pieces.map(linesHeight)) + 2 * PAD
      drawRule(state, row, widths, top + height, true)
      doc.y = top + height
      state.notes?.place(notes, top)
      if (next.every((from, column) => from >= cells[column]!.lines.length)) break
      turn()
      fresh = true
    }
    for (const element of elements) element.end()
  })
}

/**
 * The lines of each cell, from `next` on, that this page takes below the
 * cursor, and the notes they call that go to its foot: the page's piece is
 * shortened, a line at a time from its tallest cells, until the notes its
 * lines call fit under it (a line with a call goes over with its note, as a
 * paragraph's does). Undefined when not one line fits with its notes. On a
 * `fresh` page (nothing gains by turning it) the fewest lines go with those
 * of their notes that fit beside them and the rest become endnotes; a line
 * taller than the page goes alone.
 */
function pageOfRow(state: PdfState, cells: readonly LaidCell[], next: readonly number[], fresh: boolean): { pieces?: Line[][]; notes: readonly string[] } {
  const { doc, notes } = state
  const room = doc.page.height - doc.page.margins.bottom - doc.y
  const fit = (height: number) => cells.map((laid, column) => {
    const lines = linesFitting(laid.lines, next[column]!, height)
    // No cell's last line goes over alone (a widow): one more goes with it, when three stay here.
    return next[column]! + lines.length === laid.lines.length - 1 && lines.length >= 3 ? lines.slice(0, -1) : lines
  })
  let pieces = fit(room - 2 * PAD)
  /** The fewest lines tried: each cell's first (the lowest of them). */
  let fewest: Line[][] | undefined
  while (pieces.some((piece) => piece.length > 0)) {
    const height = Math.max(...pieces.map(linesHeight))
    const ids = notes?.pending(pieces.flat()) ?? []
    if (height + 2 * PAD + (notes?.room(ids) ?? 0) <= room) return { pieces, notes: ids }
    fewest = pieces
    pieces = fit(height - 0.01)
  }
  if (!fresh) return { notes: [] }
  if (!fewest) {
    // A line taller than a whole page goes on its page alone rather than never.
    const column = next.findIndex((from, each) => from < cells[each]!.lines.length)
    pieces[column] = [cells[column]!.lines[next[column]!]!]
    notes?.demote(notes.pending(pieces.flat()))
    return { pieces, notes: [] }
  }
  // Each note fits beside its own line (demoteUnheld), but the first lines of two cells may call more than the page holds.
  const height = Math.max(...fewest.map(linesHeight)) + 2 * PAD
  const kept: string[] = []
  for (const id of notes?.pending(fewest.flat()) ?? []) {
    if (height + notes!.room([...kept, id]) <= room) kept.push(id)
    else notes!.demote([id])
  }
  return pageOfRow(state, cells, next, fresh)
}

/**
 * The notes that no page could hold beside the line calling them (that line
 * at a fresh page's top, under the header rows drawn again: `room` is what
 * such a page leaves the row) become endnotes, as a paragraph's do
 * (plan.ts); each of the others goes to the foot of its call's page. A
 * note called twice counts at its first call.
 */
function demoteUnheld(state: PdfState, cells: readonly LaidCell[], room: number): void {
  const { notes } = state
  if (!notes) return
  const seen = new Set<string>()
  for (const { lines } of cells) {
    for (const line of lines) {
      const kept: string[] = []
      for (const id of notes.pending([line])) {
        if (seen.has(id)) continue
        seen.add(id)
        if (line.advance + 2 * PAD + notes.room([...kept, id], true) <= room) kept.push(id)
        else notes.demote([id])
      }
    }
  }
}

/** The room a split row needs to start on a page: a few lines of its cells. */
export function splitRowStart(state: PdfState, row: Row, widths: number[]): number {
  const first = row.cells.map((cell, column) => laidCell(state, cell, widths[column]! - 2 * PAD).lines[0]?.advance ?? 0)
  return 2 * PAD + 3 * Math.max(0, ...first)
}

/** The cell's lines from `from` whose height fits in `room`. */
function linesFitting(lines: readonly Line[], from: number, room: number): Line[] {
  let to = from
  let height = 0
  while (to < lines.length && height + lines[to]!.advance <= room) height += lines[to++]!.advance
  return lines.slice(from, to)
}
