/**
 * The words of a block of raw HTML, as lines of plain text: the sanitizer publishes no raw HTML, but the
 * words an author wrote inside a `<div>` or a `<details>` are the document's. HTML's own parser
 * (parse5, through hast-util-from-html) reads it as a browser would, entities decoded; what a browser
 * does not show (comments, scripts, styles) has no words; a block element or a `<br>` ends a line
 * (hast-util-to-text, the innerText algorithm). Loaded only for a document with a `<` in it
 * (load-document.ts), so builds of others never load an HTML parser.
 */
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'

const UNSHOWN = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'head', 'title'])

export function htmlLines(html: string): string[] {
  const tree = fromHtml(html, { fragment: true })
  prune(tree)
  return toText(tree).split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '')
}

function prune(node: Root | Element): void {
  node.children = node.children.filter((child) => child.type !== 'comment' && !(child.type === 'element' && UNSHOWN.has(child.tagName))) as typeof node.children
  for (const child of node.children) if (child.type === 'element') prune(child)
}
