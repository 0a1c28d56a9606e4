/**
 * A block of raw HTML in a document (`<div class="note">…</div>`) is never published as HTML: the
 * sanitizer would drop it whole, and its words with it. Its words become paragraphs of plain text
 * where it stood, at parse time, so they are keyed, extracted and translated as any paragraph, and no
 * markup reaches an edition (a paragraph's text is text: no tag in it is ever parsed again). Raw HTML
 * inside a paragraph needs nothing: its tags are nodes of their own, its words the paragraph's.
 */
import type { Paragraph, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { warn } from '../messages.ts'
import { snippet } from '../plugins/remark-unsafe-markup.ts'

/** Where a block of HTML stands among blocks (inside a paragraph or heading it is inline HTML). */
const FLOW = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective'])

/** `linesOf` reads an HTML block's words (html-text.ts); without it, a block is left to the sanitizer. */
export function keepRawHtmlWords(tree: Root, file: VFile, linesOf: ((html: string) => string[]) | undefined): void {
  if (!linesOf) return
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined || !FLOW.has(parent.type)) return
    const lines = linesOf(node.value)
    const paragraphs = lines.map((line): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value: line, position: node.position }], position: node.position }))
    const fate = lines.length > 0 ? 'its tags are left out of every edition and its words kept as text' : 'it holds no words and is left out of every edition'
    warn(file, 'raw-html', `Unexpected raw HTML \`${snippet(node.value)}\`, expected Markdown: ${fate}`, { place: node.position, source: 'load-document' })
    parent.children.splice(index, 1, ...(paragraphs as typeof parent.children))
    return index + paragraphs.length
  })
}
