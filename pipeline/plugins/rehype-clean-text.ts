/**
 * The last word on characters: content and catalogs are cleaned where they
 * are read (with exact positions), but Markdown can still spell a form feed
 * as `&#12;`, which no XML reader (so no EPUB) accepts. Whatever is left is
 * removed from text and attribute values here, with a message at the node.
 */
import type { Nodes, Root } from 'hast'
import type { VFile } from 'vfile'
import { cleanText, describeProblems } from '../content/untrusted-text.ts'
import { warn } from '../messages.ts'

/**
 * Every node in document order, as unist-util-visit would meet them, by plain recursion: visit's
 * closure and ancestor list per node cost a book's tree 60 ms for a walk that only reads values.
 */
export function cleanTree(tree: Root, file: VFile): void {
  const walk = (node: Nodes) => {
    if (node.type === 'text') node.value = cleaned(node.value, node, file)
    else if (node.type === 'element') {
      for (const name of Object.keys(node.properties)) {
        const value = node.properties[name]
        if (typeof value === 'string') node.properties[name] = cleaned(value, node, file)
      }
    }
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(tree)
}

function cleaned(value: string, node: Nodes, file: VFile): string {
  const { text, problems } = cleanText(value)
  if (problems.length > 0) {
    warn(file, 'invalid-character', `Unexpected ${describeProblems(problems)}, expected printable text: removed`, {
      place: node.position, source: 'rehype-clean-text'
    })
  }
  return text
}

export default function rehypeCleanText() {
  return (tree: Root, file: VFile) => cleanTree(tree, file)
}
