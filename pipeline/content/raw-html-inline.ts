/**
 * A tag inside a paragraph (`<b>`, `<option>`, `<rt>`) is a node of its own that the sanitizer drops,
 * reported by remark-unsafe-markup; the words between tags stay the paragraph's. Dropping the tags alone
 * would publish words a browser never shows (a script's code), lose an image's alt text, glue the words
 * of boxes a browser draws apart (`<option>Ebb</option><option>Flood</option>` as "EbbFlood") and a ruby
 * base to its reading; the text is keyed and sent to translators that way. So, at parse time, with the
 * same rules as a block of raw HTML (html-text.ts):
 * - an element a browser does not show (`<script>…</script>`, unshown-html.ts) goes, tags and text;
 * - an `<img>` or an `<input>` that shows words becomes those words, where it stood: the alt text, a
 *   field's value; translators see them once, as text, and every edition prints them (the tag itself
 *   was never published);
 * - a ruby becomes its base with the reading in parentheses after it (`漢(kan)`), as a browser without
 *   ruby shows it: the author's `<rp>` where given, else ours, decided for each reading;
 * - a tag of a box a browser draws apart leaves a space between words.
 * Each element taken out is one warning at its place; a tag left in is reported when the edition is made.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast'
import type { Position } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { warn } from '../messages.ts'
import { hasCjkLetter } from '../render/cjk.ts'
import { snippet } from '../plugins/remark-unsafe-markup.ts'
import { RAW_TEXT, UNSHOWN } from './unshown-html.ts'

/** Where inline HTML can stand: the words of these take the text beside their tags. */
const HOLDERS = new Set(['delete', 'emphasis', 'heading', 'link', 'linkReference', 'paragraph', 'strong', 'tableCell'])
/** Where a browser starts a new box or line: between two of them, words are apart. */
const BOXES = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'button', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hr', 'li', 'ol', 'optgroup', 'option', 'p', 'section', 'select', 'summary', 'table', 'td', 'textarea', 'th', 'tr', 'ul'])
/** Empty elements that show words of their own: an image's alt text, a field's value or label. */
const SHOWS_WORDS: Record<string, string> = { img: 'the image', input: 'the field' }
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/

/** `linesOf` reads the words of a tag (html-text.ts); without it (no `<` in the document), nothing to do. */
export function keepInlineHtmlWords(tree: Root, file: VFile, linesOf: ((html: string) => string[]) | undefined): void {
  if (!linesOf) return
  visit(tree, (node) => {
    const parent = node as Parent
    if (!HOLDERS.has(node.type) || !parent.children.some((child) => child.type === 'html')) return
    const report = (source: string, place: Position | undefined) => warn(file, 'raw-html', `Unexpected raw HTML \`${snippet(source)}\`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it`, { place, source: 'load-document' })
    parent.children = withWords(withoutUnshown(parent.children as PhrasingContent[], String(file.value), report), file, linesOf)
  })
}

/**
 * A translation's phrasing without the elements a browser does not show, at every depth: a catalog
 * value's HTML is reported where the catalog is read (i18n/catalog.ts), its tags never published, and
 * a script's text in it is no more printed than the source's.
 */
export function dropUnshownHtml(children: PhrasingContent[]): PhrasingContent[] {
  return withoutUnshown(children, '', () => {}).map((child) => ('children' in child ? { ...child, children: dropUnshownHtml(child.children as PhrasingContent[]) } : child) as PhrasingContent)
}

interface Tag {
  closing: boolean
  name: string
}

function tagOf(node: PhrasingContent): Tag | undefined {
  if (node.type !== 'html') return undefined
  const [, closing, name] = TAG.exec(node.value) ?? []
  return name === undefined ? undefined : { closing: closing === '/', name: name.toLowerCase() }
}

/**
 * The children without each unshown element that closes among them: its tags and everything between.
 * Raw text ends at the first closing tag of its name, as HTML's parser reads it; a template or a
 * datalist at its own closing tag. An SVG's `<title>` is its name, words a screen reader says: kept.
 * One without its closing tag here keeps its words (a browser would hide the rest of the page, more
 * than the author can have meant): its tag is dropped and reported as any other.
 */
function withoutUnshown(children: PhrasingContent[], text: string, report: (source: string, place: Position | undefined) => void): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let svgDepth = 0
  let removedLast = false
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    const tag = tagOf(child)
    if (tag?.name === 'svg') svgDepth = Math.max(0, svgDepth + (tag.closing ? -1 : /\/>$/.test((child as { value: string }).value) ? 0 : 1))
    const end = tag && !tag.closing && UNSHOWN.has(tag.name) && !(tag.name === 'title' && svgDepth > 0) ? closingIndex(children, index, tag.name) : undefined
    if (end === undefined) {
      out.push(child)
      removedLast = false
      continue
    }
    const last = children[end]!
    const place: Position | undefined = child.position && last.position ? { start: child.position.start, end: last.position.end } : undefined
    report(place ? text.slice(place.start.offset, place.end.offset) : `<${tag!.name}>`, place)
    joinAround(out, children[end + 1], (next) => (children[end + 1] = next))
    index = end
    removedLast = end === children.length - 1
  }
  const lastText = out.at(-1)
  // Nothing after it: the paragraph ends where its words do.
  if (removedLast && lastText?.type === 'text') out[out.length - 1] = { ...lastText, value: lastText.value.trimEnd() }
  return out.filter((node) => node.type !== 'text' || node.value !== '')
}

/** The index of the tag that closes the element opened at `open`, if it is among the children. */
function closingIndex(children: PhrasingContent[], open: number, name: string): number | undefined {
  let depth = 0
  for (let index = open + 1; index < children.length; index++) {
    const tag = tagOf(children[index]!)
    if (tag?.name !== name) continue
    if (!tag.closing && !RAW_TEXT.has(name)) depth++
    else if (tag.closing && depth-- === 0) return index
  }
  return undefined
}

/** Where an element went, one space is left between the words around it, none at the paragraph's start. */
function joinAround(out: PhrasingContent[], next: PhrasingContent | undefined, replaceNext: (node: PhrasingContent) => void): void {
  if (next?.type !== 'text') return
  const before = out.at(-1)
  if (before === undefined || (before.type === 'text' && /\s$/.test(before.value))) replaceNext({ ...next, value: next.value.trimStart() })
}

function withWords(children: PhrasingContent[], file: VFile, linesOf: (html: string) => string[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  /** The parenthesis that closes the reading we opened, until its `</rt>` (or the tag that ends it). */
  let reading: string | undefined
  let rubyDepth = 0
  children.forEach((child, index) => {
    const tag = tagOf(child)
    if (!tag) {
      out.push(child)
      return
    }
    const html = (child as { value: string }).value
    const endsReading = tag.name === 'rp' || (tag.name === 'rt' && !tag.closing) || (tag.name === 'ruby' && tag.closing)
    if (reading !== undefined && endsReading) {
      out.push(text(reading, child))
      reading = undefined
    }
    const wordFollows = wordNext(children, index)
    const what = SHOWS_WORDS[tag.name]
    const words = what && !tag.closing ? linesOf(html).join(' ') : ''
    if (what && words !== '') {
      warn(file, 'raw-html', `Unexpected raw HTML \`${snippet(html)}\`, expected Markdown: ${what} is left out of every edition, the words a browser shows for it kept where it stood`, { place: child.position, source: 'load-document' })
      out.push(text(`${wordBefore(out) ? ' ' : ''}${words}${wordFollows ? ' ' : ''}`, child))
      return
    }
    if (tag.name === 'ruby' && !tag.closing) {
      const end = children[closingIndex(children, index, 'ruby') ?? index]!
      const place: Position | undefined = child.position && end.position ? { start: child.position.start, end: end.position.end } : child.position
      warn(file, 'raw-html', `Unexpected raw HTML \`${snippet(place ? String(file.value).slice(place.start.offset, place.end.offset) : html)}\`, expected Markdown: its tags are left out of every edition and catalog, its base kept as text with the reading in parentheses after it`, { place, source: 'load-document' })
    }
    if (tag.name === 'ruby') rubyDepth = Math.max(0, rubyDepth + (tag.closing ? -1 : 1))
    // A ruby's tags are text to no one: its base and reading (in parentheses) are the words, as in a block.
    const rubyTag = tag.name === 'ruby' || ((tag.name === 'rt' || tag.name === 'rp') && rubyDepth > 0)
    if (!rubyTag) out.push(child)
    if (BOXES.has(tag.name)) {
      if (wordBefore(out) && wordFollows) out.push(text(' ', child))
    } else if (tag.name === 'rt' && !tag.closing && !authoredParentheses(children, index)) {
      // Each reading's own: the author's `<rp>` before this `<rt>`, else ours, full-width around a CJK reading.
      const [open, close] = hasCjkLetter(readingAfter(children, index)) ? ['（', '）'] : ['(', ')']
      out.push(text(open, child))
      reading = close
    } else if (tag.name === 'rt' && reading !== undefined) {
      out.push(text(reading, child))
      reading = undefined
    }
  })
  if (reading !== undefined) out.push(text(reading, children.at(-1)!))
  return out
}

/** Whether the `<rt>` at `index` follows the author's `</rp>` (white space between them aside). */
function authoredParentheses(children: PhrasingContent[], index: number): boolean {
  const before = children.slice(0, index).findLast((node) => !(node.type === 'text' && node.value.trim() === ''))
  const tag = before && tagOf(before)
  return tag?.name === 'rp' && tag.closing
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
