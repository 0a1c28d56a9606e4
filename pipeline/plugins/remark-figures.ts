/**
 * A figure is its image: a `:::figure` whose image is missing (none given,
 * or refused by remark-local-images) is left out of the edition with its
 * caption and credit, and a warning says where (`--strict` refuses the
 * edition). No edition ever shows a placeholder box.
 */
import type { Nodes, Root } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { warn } from '../messages.ts'

export function dropFiguresWithoutImage(tree: Root, file: VFile): void {
  visit(tree, (node: Nodes, index, parent) => {
    if (node.type !== 'containerDirective' || node.name !== 'figure' || !parent || index === undefined) return undefined
    let image = false
    visit(node, 'image', () => {
      image = true
    })
    if (image) return undefined
    warn(file, 'figure-without-image', 'Unexpected figure without an image, expected `![alt](images/file.png)` inside `:::figure`: the figure, its caption and credit are left out', {
      place: node.position, source: 'remark-figures'
    })
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
}

export default function remarkFigures() {
  return (tree: Root, file: VFile) => dropFiguresWithoutImage(tree, file)
}
