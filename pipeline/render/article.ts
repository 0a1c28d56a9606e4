/**
 * The article as hast: title block and body. HTML wraps it in a page, EPUB
 * puts it in a chapter; the PDF writer walks the same tree.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import { toText } from 'hast-util-to-text'
import { h } from 'hastscript'
import type { PreparedEdition } from '../prepare-edition.ts'

const WORDS_PER_MINUTE = 200

export function articleTree(edition: PreparedEdition): Element {
  const { meta, t } = edition
  const header: ElementContent[] = [keyed(h('h1', { id: 'title' }, meta.title), 'meta.title')]
  if (meta.interviewee) {
    header.push(h('p.byline', [
      keyed(h('span.interviewee', meta.interviewee), 'meta.interviewee'),
      meta.intervieweeRole ? [', ', keyed(h('span.role', meta.intervieweeRole), 'meta.intervieweeRole')] : []
    ]))
  }
  header.push(h('p.reading-time', t('readingTime', { count: readingMinutes(edition.hast, edition.locale) })))
  // A copy: writers rewrite image sources, and the edition's tree is shared by all three.
  const body = structuredClone(edition.hast.children) as ElementContent[]
  return h('article', [h('header.article-header', header), ...body])
}

/** Metadata elements carry their fixed key, so writers' messages can name it. */
function keyed(element: Element, key: string): Element {
  element.data = Object.assign(element.data ?? {}, { segmentKey: key }) as Element['data']
  return element
}

const minutesOf = new WeakMap<HastRoot, number>()

/** Minutes at an average reading pace, counting words the way the language segments them; once per edition tree. */
export function readingMinutes(tree: HastRoot, locale: string): number {
  let minutes = minutesOf.get(tree)
  if (minutes === undefined) minutesOf.set(tree, (minutes = countMinutes(tree, locale)))
  return minutes
}

function countMinutes(tree: HastRoot, locale: string): number {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' })
  let words = 0
  for (const chunk of chunksOf(toText(tree))) {
    for (const part of segmenter.segment(chunk)) if (part.isWordLike) words++
  }
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE))
}

const SEGMENT_CHUNK = 4096

/**
 * Intl.Segmenter slows down worse than quadratically on long strings (a 1 MB
 * paragraph took minutes), so text is segmented in chunks cut at white space
 * where there is some; a cut inside a word in a script without spaces
 * miscounts by one word at most, which reading time does not notice.
 */
export function* chunksOf(text: string, size = SEGMENT_CHUNK): Generator<string> {
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + size)
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end)
      if (space > start) end = space + 1
      else if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end-- // never split a surrogate pair
    }
    yield text.slice(start, end)
    start = end
  }
}

/** Headings with ids, for tables of contents and outlines. */
export function headingsOf(tree: Element | HastRoot): Array<{ id: string; depth: number; text: string }> {
  const found: Array<{ id: string; depth: number; text: string }> = []
  const walk = (node: Element | HastRoot) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      const match = /^h([1-6])$/.exec(child.tagName)
      if (match && typeof child.properties.id === 'string') {
        found.push({ id: child.properties.id, depth: Number(match[1]), text: toText(child).replace(/\s+/g, ' ').trim() })
      } else walk(child)
    }
  }
  walk(tree)
  return found
}
