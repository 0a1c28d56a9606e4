import type { Element, Root } from 'hast'
import { toText } from 'hast-util-to-text'
import { h } from 'hastscript'

/**
 * A table wider than a phone's screen scrolls in a box of its own (edition.css: `.table-scroll`), so the
 * page never scrolls sideways and no cell is cut: each table of the web page in a `div`, focusable so
 * that a keyboard scrolls it too. A tab stop says what it holds: the box is a region named by the
 * table's caption, or else by its column headings, the edition's own words (an interface term such as
 * "Table 2" would be one more for every language's catalog). The EPUB and the PDF set their tables as
 * they are.
 */
export function scrollTables(tree: Root | Element): void {
  let count = 0
  const walk = (node: Root | Element) => {
    node.children.forEach((child, index) => {
      if (child.type !== 'element') return
      if (child.tagName === 'table') node.children[index] = scrollBox(child, ++count)
      else walk(child)
    })
  }
  walk(tree)
}

function scrollBox(table: Element, number: number): Element {
  const labels = labelsOf(table, number)
  return h('div.table-scroll', { tabIndex: 0, ...(labels.length > 0 ? { role: 'region', ariaLabelledBy: labels.join(' ') } : {}) }, [table])
}

/** A region's name is read at every visit: a few headings say which table it is. */
const NAMING_HEADINGS = 4

/** The ids of what names the table: its caption, else the first of its first row's header cells that have words. */
function labelsOf(table: Element, number: number): string[] {
  const caption = table.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption')
  if (caption) return [idOf(caption, `table-${number}-caption`)]
  const [head] = elementsOf(table, 'tr')
  const headings = head ? cellsOf(head).filter((cell) => cell.tagName === 'th' && toText(cell).trim() !== '') : []
  return headings.slice(0, NAMING_HEADINGS).map((cell, index) => idOf(cell, `table-${number}-column-${index + 1}`))
}

function idOf(element: Element, id: string): string {
  if (typeof element.properties.id === 'string' && element.properties.id !== '') return element.properties.id
  element.properties.id = id
  return id
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
