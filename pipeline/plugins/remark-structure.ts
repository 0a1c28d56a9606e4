/**
 * Turns our interview directives into plain mdast the writers understand:
 * `:::question` becomes a heading one level below the current section (so a
 * reader, a screen reader and the PDF outline can jump between questions).
 * Runs after translation, so headings carry translated text.
 */
import type { BlockContent, Heading, PhrasingContent, Root, RootContent } from 'mdast'
import type { ContainerDirective } from 'mdast-util-directive'

export function structureTree(tree: Root): void {
  let depth = 1
  tree.children = tree.children.map((node: RootContent) => {
    if (node.type === 'heading') depth = node.depth
    if (node.type === 'containerDirective' && node.name === 'question') return questionHeading(node, Math.min(depth + 1, 6))
    return node
  })
}

function questionHeading(node: ContainerDirective, depth: number): Heading | ContainerDirective {
  const paragraphs = node.children.filter((child: BlockContent | RootContent) => child.type === 'paragraph')
  if (paragraphs.length !== node.children.length || paragraphs.length === 0) return node
  const children: PhrasingContent[] = []
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) children.push({ type: 'break' })
    children.push(...paragraph.children)
  })
  const key = paragraphs[0]!.data?.segmentKey
  const label = node.attributes?.label?.trim()
  return {
    type: 'heading',
    depth: depth as Heading['depth'],
    children,
    position: node.position,
    data: {
      ...(key ? { segmentKey: key } : {}),
      ...(label ? { navLabel: label } : {}),
      hProperties: { className: ['question'] }
    }
  }
}

export default function remarkStructure() {
  return (tree: Root) => structureTree(tree)
}
