/**
 * render/hast/each-element.ts walks a tree's elements by recursion instead of
 * unist-util-visit (mapImages, the EPUB's notes, the PDF's notes): it must
 * meet the same elements in the same order, the tree itself when it is an
 * element, and children a visitor gave an element.
 */
import type { Element, ElementContent, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { eachElement } from '../pipeline/render/hast/each-element.ts'

const element = (tagName: string, id: string, children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties: { id }, children })
const text = (value: string): ElementContent => ({ type: 'text', value })

function tree(): Root {
  return {
    type: 'root',
    children: [
      element('h1', 'a', [text('Title')]),
      element('p', 'b', [text('x '), element('em', 'c', [element('strong', 'd')]), element('img', 'e')]),
      { type: 'comment', value: 'c' },
      element('section', 'f', [element('ol', 'g', [element('li', 'h', [element('p', 'i')])])])
    ]
  }
}

/** The ids met, when each section's list is replaced by asides as the EPUB's notes do. */
function walked(walk: (tree: Root | Element, visitor: (node: Element) => void) => void, root: Root | Element): string[] {
  const met: string[] = []
  walk(root, (node) => {
    met.push(String(node.properties.id))
    if (node.tagName === 'section') node.children = [element('aside', 'new', [element('span', 'newer')])]
  })
  return met
}

const byVisit = (root: Root | Element, visitor: (node: Element) => void) => visit(root, 'element', visitor)

describe('each element of a tree', () => {
  it('is met as visit meets it, children a visitor gave included', () => {
    expect(walked(eachElement, tree())).toEqual(walked(byVisit, tree()))
    expect(walked(eachElement, tree())).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'new', 'newer'])
  })

  it('includes the tree itself when it is an element', () => {
    const article = element('article', 'root', tree().children as ElementContent[])
    expect(walked(eachElement, article)).toEqual(walked(byVisit, element('article', 'root', tree().children as ElementContent[])))
  })
})
