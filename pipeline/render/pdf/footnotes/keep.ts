/**
 * Keeping things together when notes take room at the page foot: the first
 * lines of a paragraph, a list marker with its line, a heading with the
 * paragraph after it. Each asks how much room the notes those lines call
 * would add on this page, so the handler's own keep (ensureSpace) counts it.
 */
import type { Element, ElementContent, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { BODY, inlineRuns, sourceOf, type PdfState, type Run, type Style, type TextSource } from '../state.ts'
import { frameOf, layoutRuns } from '../typeset.ts'

/** The room the notes called in the first `count` lines of a paragraph would take at this page's foot. */
export function noteRoom(state: PdfState, runs: readonly Run[], style: Style, source: TextSource | undefined, count: number): number {
  if (!state.notes?.calls(runs)) return 0
  return state.notes.roomFor(layoutRuns(state.edition, runs, style, frameOf(state).width, source).lines.slice(0, count))
}

/** The room the notes called in the first two lines of the paragraph right after a heading would take. */
export function roomAfterHeading(state: PdfState, heading: Element): number {
  const next = paragraphsAfterHeadings(state.edition.hast).get(heading)
  return next ? noteRoom(state, inlineRuns(next.children), BODY, sourceOf(next), 2) : 0
}

const cache = new WeakMap<Root, WeakMap<Element, Element>>()

/** Each heading followed by a paragraph (hast has no links between siblings). */
function paragraphsAfterHeadings(tree: Root): WeakMap<Element, Element> {
  let found = cache.get(tree)
  if (found) return found
  const map = new WeakMap<Element, Element>()
  visit(tree, (node) => {
    if (!('children' in node)) return
    const blocks = (node.children as ElementContent[]).filter((child): child is Element => child.type === 'element')
    blocks.forEach((block, index) => {
      const next = blocks[index + 1]
      if (/^h[1-6]$/.test(block.tagName) && next?.tagName === 'p') map.set(block, next)
    })
  })
  cache.set(tree, (found = map))
  return found
}
