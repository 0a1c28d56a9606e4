/**
 * A tag inside a paragraph (`<b>`, `<option>`, `<rt>`) is a node of its own that the sanitizer would
 * drop from every edition while the catalog kept it: a translator was asked to keep a code no reader
 * ever sees. So, at parse time, with the same rules as a block of raw HTML (html-text.ts), every tag
 * leaves the tree and what a browser shows of it stays, as text:
 * - an element a browser does not show (`<script>…</script>`, unshown-html.ts, or one marked `hidden`
 *   or `style="display: none"`) goes, tags and text; so does a comment;
 * - an `<img>` or an `<input>` that shows words becomes those words, where it stood: the alt text, a
 *   field's value; a drop-down `<select>` its selected option;
 * - a ruby becomes its base with the reading in parentheses after it (`漢(kan)`), as a browser without
 *   ruby shows it: the author's `<rp>` where given, else ours, decided for each reading; read in
 *   reading order through emphasis and links, which a ruby may cross; a translator's ruby the same;
 * - a tag of a box a browser draws apart leaves a space between words;
 * - any other tag (`<span>`, `<b>`) goes, its words stay.
 * Each element taken out is one warning at its place (from its opening to its closing tag). The catalog,
 * XLIFF and PO then hold plain text, the words every edition prints. Its parts: inline-tags.ts (tags
 * and where they close), inline-unshown.ts (hidden elements), inline-ruby.ts (ruby), shown-markdown.ts
 * (a catalog text read the same way, for an imported translation).
 */
import type { Parent, PhrasingContent, Root } from 'mdast'
import type { Position } from 'unist'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { warn } from '../messages.ts'
import { snippet } from '../plugins/remark-unsafe-markup.ts'
import { closingIndex, spanned, tagOf, text, VOID } from './inline-tags.ts'
import { type Ruby, rubyWords, withReadingClosed } from './inline-ruby.ts'
import { withoutUnshown } from './inline-unshown.ts'

/** Where inline HTML can stand: the words of these take the text beside their tags. */
const HOLDERS = new Set(['delete', 'emphasis', 'heading', 'link', 'linkReference', 'paragraph', 'strong', 'tableCell'])
/** Where a browser starts a new box or line: between two of them, words are apart. */
const BOXES = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'button', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hr', 'li', 'ol', 'optgroup', 'option', 'p', 'section', 'select', 'summary', 'table', 'td', 'textarea', 'th', 'tr', 'ul'])
/** Empty elements that show words of their own: an image's alt text, a field's value or label. */
const SHOWS_WORDS: Record<string, string> = { img: 'the image', input: 'the field' }

/** What reads HTML as a browser does (html-text.ts), loaded for a document with a `<` in it. */
export interface HtmlReader {
  /** The words a piece of HTML shows, by lines. */
  htmlLines: (html: string) => string[]
  /** Whether an opening tag read alone hides its element (`hidden`, `style="display: none"`). */
  hiddenTag: (tag: string) => boolean
}

/** Without a reader (no `<` in the document), there is no tag to take out. */
export function keepInlineHtmlWords(tree: Root, file: VFile, html: HtmlReader | undefined): void {
  if (!html) return
  const report = (source: string, place: Position | undefined) => warn(file, 'raw-html', `Unexpected raw HTML \`${snippet(source)}\`, expected Markdown: a browser shows none of its text, so no edition prints it and no catalog holds it`, { place, source: 'load-document' })
  const shown = (parent: Parent, ruby: Ruby): void => {
    // Not a holder (a text directive): the holders inside it are read, in their turn.
    if (!HOLDERS.has(parent.type)) {
      for (const child of parent.children) if ('children' in child) shown(child, ruby)
      return
    }
    const children = parent.children as PhrasingContent[]
    if (!children.some((child) => child.type === 'html')) {
      parent.children = withWords(children, file, html.htmlLines, ruby, shown)
      return
    }
    const kept = withoutUnshown(children, String(file.value), report, html.hiddenTag)
    parent.children = joinTexts(withWords(kept, file, html.htmlLines, ruby, shown))
  }
  visit(tree, (node) => {
    if (!HOLDERS.has(node.type)) return
    // The holders inside it (emphasis, a link) are read with it, in reading order: a ruby may cross them.
    withReadingClosed(node as Parent, (ruby) => shown(node as Parent, ruby))
    return SKIP
  })
}

/**
 * A translation's phrasing without the elements a browser does not show, at every depth: a catalog
 * value's HTML is reported where the catalog is read (i18n/catalog.ts), its tags never published, and
 * a script's text in it is no more printed than the source's. A ruby in it reads as the source's does,
 * its base with the reading in parentheses after it, its tags gone.
 */
export function dropUnshownHtml(children: PhrasingContent[]): PhrasingContent[] {
  const holder: Parent = { type: 'paragraph', children }
  const shown = (parent: Parent, ruby: Ruby) => {
    const out: PhrasingContent[] = []
    const kept = withoutUnshown(parent.children as PhrasingContent[], '', () => {}, () => false)
    kept.forEach((child, index) => {
      const tag = tagOf(child)
      if (tag && rubyWords(tag, kept, index, out, ruby)) return
      if ('children' in child) shown(child, ruby)
      out.push(child)
    })
    parent.children = out
  }
  withReadingClosed(holder, (ruby) => shown(holder, ruby))
  return holder.children as PhrasingContent[]
}

function withWords(children: PhrasingContent[], file: VFile, linesOf: (html: string) => string[], ruby: Ruby, shown: (parent: Parent, ruby: Ruby) => void): PhrasingContent[] {
  const out: PhrasingContent[] = []
  const source = String(file.value)
  const sourceOf = (place: Position | undefined, html: string) => (place ? source.slice(place.start.offset, place.end.offset) : html)
  const report = (html: string, place: Position | undefined, fate: string) => warn(file, 'raw-html', `Unexpected raw HTML \`${snippet(sourceOf(place, html))}\`, expected Markdown: ${fate}`, { place, source: 'load-document' })
  /** Closing tags whose element was reported at its opening tag. */
  const reported = new Set<number>()
  /** Past a drop-down list, whose shown option stands for all its nodes. */
  let skipTo = -1
  children.forEach((child, index) => {
    if (index <= skipTo) return
    const tag = tagOf(child)
    if (!tag) {
      if ('children' in child) shown(child, ruby)
      out.push(child)
      return
    }
    const html = (child as { value: string }).value
    const wordFollows = wordNext(children, index)
    const what = SHOWS_WORDS[tag.name]
    const words = what && !tag.closing ? linesOf(html).join(' ') : ''
    if (what && words !== '') {
      report(html, child.position, `${what} is left out of every edition, the words a browser shows for it kept where it stood`)
      out.push(text(`${wordBefore(out) ? ' ' : ''}${words}${wordFollows ? ' ' : ''}`, child))
      return
    }
    const closing = tag.closing || VOID.has(tag.name) ? undefined : closingIndex(children, index, tag.name)
    const place = closing === undefined ? child.position : spanned(child, children[closing]!)
    if (tag.name === 'select' && closing !== undefined && place) {
      // A drop-down list shows one option (html-text.ts reads which), a list box all: as a browser draws it.
      const shown = linesOf(sourceOf(place, html)).join(' ')
      report(html, place, 'its tags are left out of every edition and catalog, the options a browser shows kept as text')
      if (shown !== '') out.push(text(`${wordBefore(out) ? ' ' : ''}${shown}${wordNext(children, closing) ? ' ' : ''}`, child))
      skipTo = closing
      return
    }
    if (tag.name === 'ruby' && !tag.closing) {
      report(html, place, 'its tags are left out of every edition and catalog, its base kept as text with the reading in parentheses after it')
    }
    // A ruby's tags are text to no one: its base and reading (in parentheses) are the words, as in a block.
    if (rubyWords(tag, children, index, out, ruby)) return
    if (!reported.has(index)) {
      report(html, place, closing === undefined ? 'it is left out of every edition and catalog' : 'its tags are left out of every edition and catalog, its words kept as text')
      if (closing !== undefined) reported.add(closing)
    }
    if (BOXES.has(tag.name) && wordBefore(out) && wordFollows) out.push(text(' ', child))
  })
  return out
}

/**
 * Neighbouring texts as one (where a tag stood between them), white space where they meet collapsed
 * to one as a browser draws it: the catalog holds one run of words, not pieces.
 */
function joinTexts(children: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const child of children) {
    const before = out.at(-1)
    if (child.type !== 'text' || before?.type !== 'text') {
      out.push(child)
      continue
    }
    const value = /\s$/.test(before.value) ? child.value.trimStart() : child.value
    const position = before.position && child.position ? { start: before.position.start, end: child.position.end } : before.position
    out[out.length - 1] = { ...before, value: before.value + value, position }
  }
  return out.filter((node) => node.type !== 'text' || node.value !== '')
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

