/**
 * A table row taller than a page, set line by line: each page takes from
 * every cell the lines that fit above its foot, in the cell's own column,
 * with a rule below that page's piece; the next page (the header row drawn
 * again by `turn`) goes on from each cell's next line. Each cell is one
 * TD/TH whose marked content comes in one piece per page. Notes the row
 * calls are endnotes: no page foot holds the row with them.
 */
import type { PdfState } from '../state.ts'
import { grouped, taggedInPieces } from '../structure.ts'
import { drawLine } from '../text/draw.ts'
import type { Line } from '../text/types.ts'
import { figureInLine, linesHeight } from '../typeset.ts'
import { columnLeft, drawRule, laidCell, PAD, type Row, scopeOf } from './table.ts'

export function placeSplitRow(state: PdfState, row: Row, widths: number[], turn: () => void): void {
  const { doc } = state
  const cells = row.cells.map((cell, column) => laidCell(state, cell, widths[column]! - 2 * PAD))
  // A block no page can hold: the plan makes every note it calls an endnote.
  state.notes?.demote(state.notes.planBlock(Number.POSITIVE_INFINITY, cells.flatMap((laid) => laid.lines)).demoted)
  row.cells.forEach((cell, column) => {
    state.missing.push(...cells[column]!.missing.map((item) => ({ ...item, place: cell.position })))
  })
  const next = cells.map(() => 0)
  // Less than a few lines' room left: the row starts on the next page.
  if (doc.y + splitRowStart(state, row, widths) > doc.page.height - doc.page.margins.bottom) turn()
  grouped(state, 'TR', () => {
    const elements = row.cells.map((cell) => taggedInPieces(state, cell.tagName === 'th' ? 'TH' : 'TD', cell.tagName === 'th' ? { scope: scopeOf(cell) } : {}))
    for (;;) {
      const top = doc.y
      const room = doc.page.height - doc.page.margins.bottom - top - 2 * PAD
      const pieces = cells.map((laid, column) => linesFitting(laid.lines, next[column]!, room))
      // A line taller than a whole page goes on its page alone rather than never.
      if (pieces.every((piece) => piece.length === 0)) {
        const column = next.findIndex((from, each) => from < cells[each]!.lines.length)
        pieces[column] = [cells[column]!.lines[next[column]!]!]
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
      if (next.every((from, column) => from >= cells[column]!.lines.length)) break
      turn()
    }
    for (const element of elements) element.end()
  })
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
