import type { Element, Root } from 'hast'
import { h } from 'hastscript'

/**
 * A table wider than a phone's screen scrolls in a box of its own (edition.css: `.table-scroll`), so the
 * page never scrolls sideways and no cell is cut: each table of the web page in a `div`, focusable so
 * that a keyboard scrolls it too. The EPUB and the PDF set their tables as they are.
 */
export function scrollTables(tree: Root | Element): void {
  tree.children.forEach((child, index) => {
    if (child.type !== 'element') return
    if (child.tagName === 'table') tree.children[index] = h('div.table-scroll', { tabIndex: 0 }, [child])
    else scrollTables(child)
  })
}
