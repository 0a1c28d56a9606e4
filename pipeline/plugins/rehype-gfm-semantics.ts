/**
 * What GitHub's extensions need beyond mdast-util-to-hast's output to be
 * read right by every reader:
 *   - a table's header cells name their column (`scope="col"`), and a
 *     column's alignment is a class (HTML's `align` attribute is obsolete);
 *   - a task item's checkbox is labelled by the item's own words (a
 *     `<label>` around box and text), so a screen reader says what is done.
 */
import type { Element, ElementContent, Root } from 'hast'
import { visit } from 'unist-util-visit'

const ALIGNMENTS = new Set(['left', 'center', 'right'])

export function gfmSemantics(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'th' || node.tagName === 'td') cell(node)
    if (node.tagName === 'li' || node.tagName === 'p') labelTaskBox(node)
  })
}

function cell(node: Element): void {
  const align = node.properties.align
  delete node.properties.align
  if (typeof align === 'string' && ALIGNMENTS.has(align)) node.properties.className = [`align-${align}`]
  if (node.tagName === 'th') node.properties.scope = 'col'
}

/** `<input type=checkbox>` and the phrasing after it → `<label><input> words</label>`. */
function labelTaskBox(node: Element): void {
  const at = node.children.findIndex((child) => child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox')
  if (at === -1) return
  let end = at + 1
  while (end < node.children.length && isPhrasing(node.children[end]!)) end++
  const label: Element = { type: 'element', tagName: 'label', properties: {}, children: node.children.slice(at, end) }
  node.children.splice(at, end - at, label)
}

const BLOCKS = new Set(['p', 'ul', 'ol', 'pre', 'blockquote', 'div', 'table', 'figure', 'section', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

function isPhrasing(node: ElementContent): boolean {
  return node.type === 'text' || (node.type === 'element' && !BLOCKS.has(node.tagName))
}

export default function rehypeGfmSemantics() {
  return (tree: Root) => gfmSemantics(tree)
}
