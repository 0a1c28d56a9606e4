/**
 * Preview only: carries each segment's catalog key into the HTML as a
 * `data-key` attribute, so the live preview can tell a translator which key,
 * in which catalog file, holds a sentence. Shipped editions never run it
 * (create-processor adds it only when `previewKeys` is set).
 */
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast'
import { visit } from 'unist-util-visit'

/** Class of the span that wraps a caption's text (see below); the preview's strip step looks for it. */
export const PREVIEW_SEGMENT_CLASS = 'preview-segment'

export function markSegmentKeys(tree: Root): void {
  visit(tree, (node: Nodes, _index, parent: Parents | undefined) => {
    const key = node.data?.segmentKey
    if (!key) return
    if (node.type === 'paragraph' && parent?.type === 'containerDirective' && (parent.name === 'figure' || parent.name === 'table')) {
      // The figure and table handlers unwrap caption paragraphs, so the key rides on a span around the text.
      const segment = {
        type: 'previewSegment',
        data: { hName: 'span', hProperties: { dataKey: key, className: [PREVIEW_SEGMENT_CLASS] } },
        children: node.children
      }
      node.children = [segment as unknown as PhrasingContent]
      return 'skip'
    }
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataKey: key } }
    return undefined
  })
}

export default function remarkPreviewKeys() {
  return (tree: Root) => markSegmentKeys(tree)
}
