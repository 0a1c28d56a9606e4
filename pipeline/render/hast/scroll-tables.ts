import type { Element, Root } from 'hast'
import { toText } from 'hast-util-to-text'
import { h } from 'hastscript'

/**
 * A table wider than a phone's screen scrolls in a box of its own (edition.css: `.table-scroll`), so the
 * page never scrolls sideways and no cell is cut: each table of the web page in a `div`, focusable so
 * that a keyboard scrolls it too. The EPUB and the PDF set their tables as they are.
 */
export function scrollTables(tree: Root | Element): void {
  tree.children.forEach((child, index) => {
    if (child.type !== 'element') return
    if (child.tagName === 'table') tree.children[index] = h('div.table-scroll', { tabIndex: 0 }, [child])
    else scrollTables(child)
  })
}

/** A table of this many columns or more does not fit a phone's page with its words whole. */
const MANY_COLUMNS = 6
/** A word longer than this may not fit a phone's column (about 20 em wide) beside another. */
const LONG_WORD = /\S{17}/

/**
 * The e-book's tables fit the page, as a paginated reading system cannot scroll them (epub/book.css):
 * a table of many columns, and a cell holding a long word, are marked as ones that may break a word.
 */
export function markTablesToFit(tree: Root | Element): void {
  for (const child of tree.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'table') markTable(child)
    else markTablesToFit(child)
  }
}

function markTable(table: Element): void {
  const rows = elementsOf(table, 'tr')
  if (Math.max(0, ...rows.map((row) => cellsOf(row).length)) >= MANY_COLUMNS) addClass(table, 'many-columns')
  else for (const cell of rows.flatMap(cellsOf)) if (LONG_WORD.test(toText(cell))) addClass(cell, 'long-word')
}

function elementsOf(node: Element, tagName: string): Element[] {
  return node.children.flatMap((child) => child.type !== 'element' ? [] : child.tagName === tagName ? [child] : elementsOf(child, tagName))
}

const cellsOf = (row: Element) => row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'))

function addClass(element: Element, name: string): void {
  const className = Array.isArray(element.properties.className) ? element.properties.className : []
  element.properties.className = [...className, name]
}
