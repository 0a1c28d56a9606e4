/**
 * Reference-style links and images (`[text][ref]` with `[ref]: url`) become
 * inline links and images, and their definitions leave the tree. A segment
 * then carries its link target with it into a catalog: a translator sees
 * `[text](url)`, never a label whose definition is elsewhere, and the lint
 * can compare link targets across languages.
 */
import type { Definition, Image, Link, Nodes, Parents, Root } from 'mdast'
import { visit, SKIP } from 'unist-util-visit'

export function resolveReferences(tree: Root): void {
  const definitions = new Map<string, Definition>()
  visit(tree, 'definition', (node: Definition) => {
    // The first definition of a label wins (CommonMark).
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
  })
  if (definitions.size === 0) return
  visit(tree, (node: Nodes, index, parent: Parents | undefined) => {
    if (!parent || index === undefined) return undefined
    if (node.type === 'definition') {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    if (node.type !== 'linkReference' && node.type !== 'imageReference') return undefined
    const definition = definitions.get(node.identifier)
    if (!definition) return undefined
    const resolved: Link | Image = node.type === 'linkReference'
      ? { type: 'link', url: definition.url, title: definition.title, children: node.children, position: node.position }
      : { type: 'image', url: definition.url, title: definition.title, alt: node.alt, position: node.position }
    ;(parent.children as Nodes[])[index] = resolved
    return undefined
  })
}
