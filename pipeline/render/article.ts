/**
 * The article as hast: title block and body. HTML wraps it in a page, EPUB
 * puts it in a chapter; the PDF writer walks the same tree.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import { toText } from 'hast-util-to-text'
import { h } from 'hastscript'
import type { PreparedEdition } from '../prepare-edition.ts'
import { withSegmentKey } from '../to-hast/handlers.ts'
import { scriptOfLocale } from './script-of-locale.ts'

const WORDS_PER_MINUTE = 200

/** `copy: false` for a writer that only reads the tree (the PDF's); HTML and EPUB rewrite image sources in theirs. */
export function articleTree(edition: PreparedEdition, { copy = true } = {}): Element {
  const { meta, t } = edition
  const header: ElementContent[] = [withSegmentKey(h('h1', { id: 'title' }, meta.title), 'meta.title')]
  if (meta.interviewee) {
    header.push(h('p.byline', [
      withSegmentKey(h('bdi.interviewee', meta.interviewee), 'meta.interviewee'),
      meta.intervieweeRole ? [comma(edition.locale), withSegmentKey(h('bdi.role', meta.intervieweeRole), 'meta.intervieweeRole')] : []
    ]))
  }
  header.push(withSegmentKey(h('p.reading-time', t('readingTime', { count: readingMinutes(edition.hast) })), 'ui:readingTime'))
  // The edition's tree is shared by all three writers.
  const body = (copy ? structuredClone(edition.hast.children) : edition.hast.children) as ElementContent[]
  return h('article', [h('header.article-header', header), ...body])
}

const COMMAS = { arabic: '، ', cjk: '，', latin: ', ' } as const

/** The comma between a name and a role, in the language's own punctuation: “، ” in Arabic, “，” in Chinese. */
function comma(locale: string): string {
  return COMMAS[scriptOfLocale(locale)]
}

/**
 * Minutes at an average reading pace. Words are runs of letters; an
 * ideograph reads like about two-thirds of a word. (Intl.Segmenter would be
 * more exact but is quadratic on book-length text in V8.)
 */
function readingMinutes(tree: HastRoot): number {
  let minutes = minutesOf.get(tree)
  if (minutes === undefined) minutesOf.set(tree, (minutes = countMinutes(tree)))
  return minutes
}

/** Once per edition tree: HTML, EPUB and PDF each build the article from the same tree. */
const minutesOf = new WeakMap<HastRoot, number>()

function countMinutes(tree: HastRoot): number {
  const text = toText(tree)
  const ideograph = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
  const ideographs = text.match(ideograph)?.length ?? 0
  const words = text.replace(ideograph, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  return Math.max(1, Math.round((words + ideographs * 0.66) / WORDS_PER_MINUTE))
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
