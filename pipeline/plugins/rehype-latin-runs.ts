/**
 * Latin-script words inside an edition written in another script (a name
 * such as "Kazinform" or "QAZINFORM" in the Arabic, Chinese, Kazakh or
 * Russian text) say which language they are in, so a screen reader reads
 * them with a voice that can (WCAG 3.1.2 exempts proper names from the
 * requirement; voice and direction are why we tag them anyway), and, in a
 * right-to-left edition, that they run left to right: `<span lang dir>` in
 * HTML and EPUB, `/Lang` on their marked content in the PDF (see
 * render/pdf/text/draw.ts).
 *
 * Which language: a translation keeps a Latin name as the source document
 * writes it, so the source's language when that is written in Latin script
 * (English for the interview: an English voice says "Kazinform" far better
 * than an Arabic or Chinese one, which spells it out or skips it), else
 * `und-Latn`, "some language in Latin script", which screen readers read
 * in their default voice. A run already inside an element with its own
 * `lang` (a missing translation's source text) is left alone, as is code.
 */
import type { Element, ElementContent, Root, Text } from 'hast'
import { visitParents } from 'unist-util-visit-parents'

/**
 * Latin words and the spaces between them (Jürgen Stock, O’Neill, Jean-Luc):
 * punctuation only inside a word, never at its end, where it belongs to the
 * sentence around (a full stop after "Kazinform" ends an Arabic sentence, on its left).
 */
const WORD = String.raw`\p{Script=Latin}[\p{Script=Latin}\p{M}]*(?:['’.\-&]\p{Script=Latin}[\p{Script=Latin}\p{M}]*)*`
const LATIN_RUN = new RegExp(String.raw`${WORD}(?:[ \u00a0]+${WORD})*`, 'gu')
const HAS_LATIN = /\p{Script=Latin}/u
const SKIP = new Set(['code', 'pre'])

export interface LatinRunOptions {
  /** The edition's language. */
  locale: string
  /** The document's source language. */
  sourceLocale: string
  dir: 'ltr' | 'rtl'
}

/** The `lang` a Latin run takes in this edition; undefined where the edition itself is written in Latin script. */
export function latinRunLanguage(locale: string, sourceLocale: string): string | undefined {
  if (scriptOf(locale) === 'Latn') return undefined
  return scriptOf(sourceLocale) === 'Latn' ? sourceLocale : 'und-Latn'
}

/** The language's usual script (ISO 15924), from CLDR's likely subtags. */
function scriptOf(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().script
  } catch {
    return undefined
  }
}

/** The text as its pieces, each Latin run in a span of its language. */
export function latinSpans(text: string, lang: string, dir: 'ltr' | 'rtl'): ElementContent[] {
  const parts: ElementContent[] = []
  let from = 0
  for (const match of text.matchAll(LATIN_RUN)) {
    if (match.index > from) parts.push({ type: 'text', value: text.slice(from, match.index) })
    const properties = dir === 'rtl' ? { lang, dir: 'ltr' } : { lang }
    parts.push({ type: 'element', tagName: 'span', properties, children: [{ type: 'text', value: match[0] }] })
    from = match.index + match[0].length
  }
  if (from < text.length) parts.push({ type: 'text', value: text.slice(from) })
  return parts
}

export function tagLatinRuns(tree: Root | Element, options: LatinRunOptions): void {
  const lang = latinRunLanguage(options.locale, options.sourceLocale)
  if (!lang) return
  const found: Array<{ node: Text; parent: Root | Element }> = []
  visitParents(tree, 'text', (node: Text, ancestors) => {
    if (ancestors.some((each) => each.type === 'element' && (SKIP.has(each.tagName) || typeof each.properties.lang === 'string'))) return
    if (HAS_LATIN.test(node.value)) found.push({ node, parent: ancestors[ancestors.length - 1] as Root | Element })
  })
  for (const { node, parent } of found) {
    const index = parent.children.indexOf(node)
    parent.children.splice(index, 1, ...(latinSpans(node.value, lang, options.dir) as typeof parent.children))
  }
}

export default function rehypeLatinRuns(options: LatinRunOptions) {
  return (tree: Root) => tagLatinRuns(tree, options)
}
