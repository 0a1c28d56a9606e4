import type { Element, ElementContent, Root } from 'hast'
import { displayBreaks } from '../cover-lines.ts'
import { scriptOfLocale } from '../script-of-locale.ts'
import { eachElement } from './each-element.ts'

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/**
 * A Chinese heading on the web page and in the e-book breaks where the PDF's and the cover's may: between
 * words, never inside one (国际, 犯罪) and never before a mark no line starts with. Chinese may otherwise
 * break between any two characters, and a browser did (国|际). The stylesheets set headings
 * `word-break: keep-all`, so a `<wbr>` at each such place is where the line may break; a word wider than
 * the line still breaks (`overflow-wrap`). The words are the same: `<wbr>` holds no text.
 */
export function headlineBreaks(tree: Root | Element, locale: string): void {
  if (scriptOfLocale(locale) !== 'cjk') return
  eachElement(tree, (element) => {
    if (HEADINGS.has(element.tagName)) breakBetweenWords(element, locale)
  })
}

function breakBetweenWords(heading: Element, locale: string): void {
  const texts: Array<{ parent: Element; index: number; value: string; start: number }> = []
  let text = ''
  const collect = (parent: Element) => {
    parent.children.forEach((child, index) => {
      if (child.type === 'text') {
        texts.push({ parent, index, value: child.value, start: text.length })
        text += child.value
      } else if (child.type === 'element') collect(child)
    })
  }
  collect(heading)
  const breaks = displayBreaks(text, locale)
  // Last first, so that splitting a text node leaves the earlier indexes true.
  for (const { parent, index, value, start } of texts.reverse()) {
    const inside = breaks.filter((position) => position >= start && position > 0 && position < start + value.length).map((position) => position - start)
    if (inside.length === 0) continue
    const pieces: ElementContent[] = []
    let last = 0
    for (const position of inside) {
      pieces.push({ type: 'text', value: value.slice(last, position) }, { type: 'element', tagName: 'wbr', properties: {}, children: [] })
      last = position
    }
    pieces.push({ type: 'text', value: value.slice(last) })
    parent.children.splice(index, 1, ...pieces)
  }
}
