/**
 * Table captions. GFM has no syntax for one; we read Pandoc's: a paragraph
 * that starts with `Table:` right before or right after a table is its
 * caption (Pandoc's `table_captions` extension, which editors who know
 * Pandoc, Quarto or R Markdown already write). The pair becomes one
 * `:::table` container holding the caption paragraph, then the table, so
 * the caption is a translation segment of kind `caption` (the marker is not
 * part of it: a translator sees only the words), and writers find it beside
 * its table (to-hast/handlers.ts makes it the table's `<caption>`).
 */
import type { Paragraph, Parent, Root, RootContent, Table } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'
import { visit } from 'unist-util-visit'

/** The marker, as Pandoc writes it; case as written, spaces after it optional. */
const MARKER = /^Table:[ \t]*/

export const TABLE_DIRECTIVE = 'table'

export function attachTableCaptions(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node) || node.type === 'table') return
    // A captioned table already: its caption is not read again.
    if (node.type === 'containerDirective' && node.name === TABLE_DIRECTIVE) return 'skip'
    const parent = node as Parent
    for (let index = 0; index < parent.children.length; index++) {
      const child = parent.children[index] as RootContent
      if (child.type !== 'table') continue
      // Before the table first (as Pandoc reads it), then after.
      for (const at of [index - 1, index + 1]) {
        const candidate = parent.children[at] as RootContent | undefined
        if (candidate?.type !== 'paragraph' || !stripMarker(candidate)) continue
        const first = Math.min(at, index)
        parent.children.splice(first, 2, captioned(candidate, child))
        index = first
        break
      }
    }
    return undefined
  })
}

/** A paragraph that opens with the marker loses it; false when it does not, or when nothing would be left. */
function stripMarker(paragraph: Paragraph): boolean {
  const head = paragraph.children[0]
  if (head?.type !== 'text' || !MARKER.test(head.value)) return false
  const rest = head.value.replace(MARKER, '')
  if (rest === '' && paragraph.children.length === 1) return false
  if (rest === '') paragraph.children.shift()
  else head.value = rest
  return true
}

function captioned(caption: Paragraph, table: Table): ContainerDirective {
  const starts = [caption.position?.start, table.position?.start].filter((point) => point !== undefined)
  const ends = [caption.position?.end, table.position?.end].filter((point) => point !== undefined)
  const position = starts.length === 2 && ends.length === 2
    ? { start: starts.reduce((a, b) => (a.offset! <= b.offset! ? a : b)), end: ends.reduce((a, b) => (a.offset! >= b.offset! ? a : b)) }
    : table.position
  return { type: 'containerDirective', name: TABLE_DIRECTIVE, attributes: {}, children: [caption, table], ...(position ? { position } : {}) }
}
