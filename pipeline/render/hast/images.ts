import type { Element, Root } from 'hast'
import { eachElement } from './each-element.ts'

/** Point every checked local image at what a format needs (a copied file, a file:// URL). */
export function mapImages(tree: Root | Element, src: (localPath: string) => string): void {
  eachElement(tree, (node: Element) => {
    const localPath = node.properties.dataLocalPath
    if (node.tagName !== 'img' || typeof localPath !== 'string') return
    node.properties.src = src(localPath)
    delete node.properties.dataLocalPath
  })
}
