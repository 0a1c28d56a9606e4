/**
 * The built-in pseudo-locale `en-XA`, made from the source catalogs: every
 * letter accented, each value about a third longer and in brackets, so
 * untranslated text (plain letters), clipped text (a missing `]`) and
 * layouts too tight for longer languages show at a glance. Interpolation
 * variables, link targets and inline markup are kept as they are. Every
 * letter used is in the PDF fonts (Noto Serif and Sans; a test checks).
 */
import type { PhrasingContent } from 'mdast'
import { markdownToPhrasing, phrasingToMarkdown } from '../content/markdown.ts'
import { kindOf, PLAIN_KINDS } from '../segments/assign-keys.ts'
import { emptyCatalog, nest, valuesOf, type Catalog, type CatalogEntry } from './catalog.ts'

export const PSEUDO_LOCALE = 'en-XA'

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ACCENTED = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅßÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'
export const PSEUDO_LETTERS: ReadonlyMap<string, string> = new Map([...PLAIN].map((letter, index) => [letter, [...ACCENTED][index]!]))
const PADDING = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
/** Translations run longer than English; a third more is the usual allowance. */
const EXPANSION = 1 / 3
const PLACEHOLDER = /(\{\{[^}]*\}\}|\$t\([^)]*\))/

export function accent(text: string): string {
  return [...text].map((char) => PSEUDO_LETTERS.get(char) ?? char).join('')
}

/** Accented filler of about a third of `length` characters. */
function padding(length: number): string {
  const want = Math.max(1, Math.round(length * EXPANSION))
  const words: string[] = []
  for (let index = 0; words.join(' ').length < want; index++) words.push(PADDING[index % PADDING.length]!)
  return accent(words.join(' '))
}

/** A plain-text or interface value: placeholders such as `{{count}}` stay as they are. */
export function pseudoText(text: string): string {
  const accented = text.split(PLACEHOLDER).map((part, index) => (index % 2 === 1 ? part : accent(part))).join('')
  return `[${accented} ${padding(text.length)}]`
}

/** A segment of inline Markdown: text accented, markup and link targets kept. */
export function pseudoMarkdown(value: string): string {
  const children = markdownToPhrasing(value)
  let length = 0
  const visit = (nodes: PhrasingContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        length += node.value.length
        node.value = accent(node.value)
      } else if ('children' in node) visit(node.children as PhrasingContent[])
    }
  }
  visit(children)
  return phrasingToMarkdown([{ type: 'text', value: '[' }, ...children, { type: 'text', value: ` ${padding(length)}]` }])
}

export function pseudoValue(ns: string, key: string, value: string): string {
  return ns === 'ui' || PLAIN_KINDS.has(kindOf(key)) ? pseudoText(value) : pseudoMarkdown(value)
}

/** Pseudo catalogs from the source locale's catalogs, namespace by namespace. */
export function pseudoCatalogs(source: ReadonlyMap<string, Catalog>): Map<string, Catalog> {
  const out = new Map<string, Catalog>()
  for (const [ns, catalog] of source) {
    const entries = new Map<string, CatalogEntry>()
    for (const [key, entry] of catalog.entries) entries.set(key, { ...entry, value: pseudoValue(ns, key, entry.value) })
    const path = `${PSEUDO_LOCALE} (generated from ${catalog.path})`
    out.set(ns, { ...emptyCatalog(path), entries, resources: nest(valuesOf({ entries })) })
  }
  return out
}
