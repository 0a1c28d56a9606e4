import type { Element, Root } from 'hast'

/**
 * Every element of a tree (the tree itself too, when it is one) in document
 * order, as unist-util-visit's `visit(tree, 'element', …)` meets them, by
 * plain recursion: visit keeps a list of ancestors per element and a closure
 * per node, which cost the book's tree 15–40 ms a walk, four walks a build.
 * An element's children are read after it is visited, so children it was
 * given are walked, as visit walks them.
 */
export function eachElement(tree: Root | Element, visit: (node: Element) => void): void {
  if (tree.type === 'element') visit(tree)
  for (const child of tree.children) {
    if (child.type === 'element') eachElement(child, visit)
  }
}
