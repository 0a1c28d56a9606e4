/**
 * GFM footnotes as EPUB 3 notes: each call is a `noteref`, each note an
 * `aside` of type `footnote` (reading systems show it in a pop-up, and skip
 * it in the linear reading), with its number and its links back to the text.
 * ARIA roles say the same for assistive technology (Ace checks both agree).
 */
import type { Element, ElementContent } from 'hast'
import { eachElement } from './hast/each-element.ts'

export function epubNotes(article: Element): void {
  eachElement(article, (node: Element) => {
    if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined) {
      node.properties['epub:type'] = 'noteref'
      node.properties.role = 'doc-noteref'
    } else if (node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined) {
      node.properties.role = 'doc-backlink'
    } else if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
      node.children = node.children.flatMap(asides)
    }
  })
}

/** The notes' `<ol>` becomes numbered asides; the heading stays. */
function asides(child: ElementContent): ElementContent[] {
  if (child.type !== 'element' || child.tagName !== 'ol') return [child]
  const items = child.children.filter((item): item is Element => item.type === 'element' && item.tagName === 'li')
  return items.map((item, index): Element => {
    const number: Element = { type: 'element', tagName: 'span', properties: { className: ['note-number'] }, children: [{ type: 'text', value: `${index + 1}. ` }] }
    const first = item.children.find((part): part is Element => part.type === 'element' && part.tagName === 'p')
    if (first) first.children.unshift(number)
    else item.children.unshift(number)
    return { type: 'element', tagName: 'aside', properties: { id: item.properties.id, 'epub:type': 'footnote', role: 'doc-footnote' }, children: item.children }
  })
}
