/**
 * Undo remark-preview-keys on a hast tree: the preview's EPUB and PDF are
 * made from the same prepared edition as its HTML, and must be the shipped
 * editions' bytes, with no trace of the preview.
 */
import type { Element, Root } from 'hast'
import { SKIP, visit } from 'unist-util-visit'
import { PREVIEW_SEGMENT_CLASS } from '../plugins/remark-preview-keys.ts'

export function stripPreviewKeys(tree: Root): Root {
  visit(tree, 'element', (node: Element, index, parent) => {
    delete node.properties.dataKey
    const className = node.properties.className
    if (parent && index !== undefined && Array.isArray(className) && className.includes(PREVIEW_SEGMENT_CLASS)) {
      parent.children.splice(index, 1, ...node.children)
      return [SKIP, index]
    }
    return undefined
  })
  return tree
}
