/**
 * A tag inside a paragraph (`<img>`, `<option>`, `<rt>`) is a node of its own that the sanitizer drops,
 * reported by remark-unsafe-markup; the words between tags stay the paragraph's. Dropping the tags alone
 * would lose an image's alt text and glue the words of boxes a browser draws apart
 * (`<option>Ebb</option><option>Flood</option>` as "EbbFlood") and a ruby base to its reading; the text
 * is keyed and sent to translators that way. So, at parse time, each such tag gets the text a browser
 * without images or ruby would show beside it: the alt text, a space, or the reading's parentheses
 * (the same rules as a block of raw HTML, html-text.ts).
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast'
import { visit } from 'unist-util-visit'

/** Where inline HTML can stand: the words of these take the text beside their tags. */
const HOLDERS = new Set(['delete', 'emphasis', 'heading', 'link', 'linkReference', 'paragraph', 'strong', 'tableCell'])
/** Where a browser starts a new box or line: between two of them, words are apart. */
const BOXES = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'button', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hr', 'li', 'ol', 'optgroup', 'option', 'p', 'section', 'select', 'summary', 'table', 'td', 'textarea', 'th', 'tr', 'ul'])
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/** `linesOf` reads an `<img>`'s alt text (html-text.ts); without it (no `<` in the document), nothing to do. */
export function keepInlineHtmlWords(tree: Root, linesOf: ((html: string) => string[]) | undefined): void {
  if (!linesOf) return
  visit(tree, (node) => {
    const parent = node as Parent
    if (!HOLDERS.has(node.type) || !parent.children.some((child) => child.type === 'html')) return
    parent.children = withWords(parent.children as PhrasingContent[], linesOf)
  })
}

function withWords(children: PhrasingContent[], linesOf: (html: string) => string[]): PhrasingContent[] {
  const authoredParentheses = children.some((child) => child.type === 'html' && /^<rp[\s>]/i.test(child.value))
  const out: PhrasingContent[] = []
  let parentheses = ['(', ')']
  children.forEach((child, index) => {
    out.push(child)
    if (child.type !== 'html') return
    const [, closing, name = ''] = TAG.exec(child.value) ?? []
    const tag = name.toLowerCase()
    const wordFollows = wordNext(children, index)
    if (tag === 'img') {
      const alt = linesOf(child.value).join(' ')
      if (alt !== '') out.push(text(`${wordBefore(out) ? ' ' : ''}${alt}${wordFollows ? ' ' : ''}`, child))
    } else if (BOXES.has(tag)) {
      if (wordBefore(out) && wordFollows) out.push(text(' ', child))
    } else if (tag === 'rt' && !authoredParentheses) {
      if (!closing) parentheses = CJK.test(readingAfter(children, index)) ? ['（', '）'] : ['(', ')']
      out.push(text((closing ? parentheses[1] : parentheses[0]) ?? '', child))
    }
  })
  return out
}

function text(value: string, at: PhrasingContent): Text {
  return { type: 'text', value, position: at.position }
}

/** Whether the words so far end in a word, not a space (a tag has no words). */
function wordBefore(out: PhrasingContent[]): boolean {
  const last = out.findLast((node) => node.type !== 'html')
  return last !== undefined && (last.type !== 'text' || /[^\s]$/.test(last.value))
}

/** Whether the next words (past any tag) start with a letter or digit, not a space or punctuation. */
function wordNext(children: PhrasingContent[], index: number): boolean {
  const next = children.slice(index + 1).find((node) => node.type !== 'html')
  return next !== undefined && (next.type !== 'text' || /^[\p{L}\p{N}]/u.test(next.value))
}

function readingAfter(children: PhrasingContent[], index: number): string {
  const next = children[index + 1]
  return next?.type === 'text' ? next.value : ''
}
