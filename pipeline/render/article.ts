/**
 * The article as hast: title block and body. HTML wraps it in a page, EPUB
 * puts it in a chapter; the PDF writer walks the same tree.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast'
import { toText } from 'hast-util-to-text'
import { h } from 'hastscript'
import type { Edition } from './edition.ts'
import { titleContent } from '../to-hast/title.ts'
import { withSegmentKey } from '../to-hast/handlers.ts'
import { scriptOfLocale } from './script-of-locale.ts'
import { tagLatinRuns } from '../plugins/rehype-latin-runs.ts'
import { headingLevel } from './heading-level.ts'

/** `copy: false` for a writer that only reads the tree (the PDF's); HTML and EPUB rewrite image sources in theirs. */
export function articleTree(edition: Edition, { copy = true } = {}): Element {
  const { meta, metaKeys, terms } = edition
  const headline = meta.titleMarkdown ? titleContent(meta.titleMarkdown) : [meta.title]
  const header: ElementContent[] = [keyed(h('h1', { id: 'title', ...sourceLanguageOf(edition, metaKeys.title) }, headline), metaKeys.title)]
  if (meta.interviewee) {
    header.push(h('p.byline', [
      keyed(h('bdi.interviewee', meta.interviewee), metaKeys.interviewee),
      meta.intervieweeRole ? [comma(edition.locale), keyed(h('bdi.role', meta.intervieweeRole), metaKeys.intervieweeRole)] : []
    ]))
  }
  header.push(keyed(h('p.reading-time', terms.readingTime.text), terms.readingTime.key))
  // The body's Latin names are tagged with the edition's tree (create-processor.ts); the title block's here.
  for (const element of header) if (typeof element === 'object' && element.type === 'element') tagLatinRuns(element, edition)
  // The edition's tree is shared by all three writers.
  const body = (copy ? structuredClone(edition.hast.children) : edition.hast.children) as ElementContent[]
  return h('article', [h('header.article-header', header), ...body])
}

/**
 * A title not yet translated stands in the source's language and direction, as a body segment does
 * (remark-translate): an English title in the Arabic edition runs left to right, its words in order,
 * instead of Latin runs isolated one by one inside a right-to-left heading ("shore Caspian A field…").
 */
function sourceLanguageOf(edition: Edition, key: string | undefined): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (!key || !edition.file.data.translation?.missing.includes(key)) return {}
  return { lang: edition.sourceLocale, dir: scriptOfLocale(edition.sourceLocale) === 'arabic' ? 'rtl' : 'ltr' }
}

/** The element with the catalog key of its text, when it has one. */
function keyed(element: Element, key: string | undefined): Element {
  return key ? withSegmentKey(element, key) : element
}

const COMMAS = { arabic: '، ', cjk: '，', latin: ', ' } as const

/** The comma between a name and a role, in the language's own punctuation: “، ” in Arabic, “，” in Chinese. */
export function comma(locale: string): string {
  return COMMAS[scriptOfLocale(locale)]
}

export interface HeadingEntry {
  id: string
  depth: number
  text: string
  /** A question of the interview (`:::question`). */
  question: boolean
  /** The short label the document gives for the contents (`:::question{label="…"}`), translated. */
  label?: string
}

/** Headings with ids, for tables of contents and outlines. */
export function headingsOf(tree: Element | HastRoot): HeadingEntry[] {
  const found: HeadingEntry[] = []
  const walk = (node: Element | HastRoot) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      const depth = headingLevel(child)
      if (depth !== undefined && typeof child.properties.id === 'string') {
        const className = child.properties.className
        found.push({
          id: child.properties.id, depth, text: toText(child).replace(/\s+/g, ' ').trim(),
          question: Array.isArray(className) && className.includes('question'),
          ...(child.data?.navLabel ? { label: child.data.navLabel } : {})
        })
      } else walk(child)
    }
  }
  walk(tree)
  return found
}
