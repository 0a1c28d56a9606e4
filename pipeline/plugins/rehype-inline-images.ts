/**
 * An image inside a line of text (`text ![alt](x.png) text`) is set at text
 * size in every format, as the PDF sets it (render/pdf/typeset.ts): the web
 * page and the e-book get the class `inline` for their stylesheets, which
 * make it 1 em high. An image alone in its paragraph, or in a figure, is a
 * block and keeps its own size within the measure.
 */
import type { Element, Root } from 'hast'
import { toText } from 'hast-util-to-text'
import { visitParents } from 'unist-util-visit-parents'

/** The elements whose content is one line of text, or a block holding one. */
const TEXT_HOLDERS = new Set(['p', 'li', 'td', 'th', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'label', 'figcaption'])

export const INLINE_IMAGE_CLASS = 'inline'

export function markInlineImages(tree: Root): void {
  visitParents(tree, 'element', (node: Element, ancestors) => {
    if (node.tagName !== 'img') return
    const holder = [...ancestors].reverse().find((ancestor): ancestor is Element => ancestor.type === 'element' && (TEXT_HOLDERS.has(ancestor.tagName) || ancestor.tagName === 'figure'))
    if (!holder || holder.tagName === 'figure') return
    const images = countImages(holder)
    if (toText(holder).trim() !== '' || images > 1) node.properties.className = [INLINE_IMAGE_CLASS]
  })
}

function countImages(node: Element): number {
  return node.children.reduce((sum, child) => sum + (child.type !== 'element' ? 0 : child.tagName === 'img' ? 1 : countImages(child)), 0)
}

export default function rehypeInlineImages() {
  return (tree: Root) => markInlineImages(tree)
}
