/**
 * A title's inline Markdown as hast for the headline: emphasis, strong,
 * code and strikethrough only. Anything else (a link, an image, raw HTML)
 * gives its text, so a title or its translation can never inject markup.
 */
import type { ElementContent } from 'hast'
import { toHast } from 'mdast-util-to-hast'
import { markdownToPhrasing } from '../content/markdown.ts'

const KEPT = new Set(['em', 'strong', 'code', 'del'])

export function titleContent(markdown: string): ElementContent[] {
  const paragraph = toHast({ type: 'paragraph', children: markdownToPhrasing(markdown) })
  return paragraph.type === 'element' ? kept(paragraph.children) : []
}

function kept(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'text') return [node]
    if (node.type !== 'element') return []
    if (node.tagName === 'img') return typeof node.properties.alt === 'string' ? [{ type: 'text', value: node.properties.alt }] : []
    const children = kept(node.children)
    return KEPT.has(node.tagName) ? [{ type: 'element', tagName: node.tagName, properties: {}, children }] : children
  })
}
