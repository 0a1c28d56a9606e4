/**
 * A language's rules for where a line must not break, applied to the tree
 * every writer takes, so HTML, EPUB and PDF break alike. Russian and Kazakh
 * typography ties a one-letter word (в, с, и, а, я, о…) to the word after it
 * and a spaced dash to the word before it: a line never ends in "в" nor
 * starts with "—". English, Arabic and Chinese need no such ties. A text's
 * language is the nearest `lang` above it, else the edition's. Code is left
 * as it is written.
 */
import type { Element, Root, Text } from 'hast'
import { visitParents } from 'unist-util-visit-parents'

const NBSP = '\u00a0'

type Rule = (text: string) => string

/** One letter, not part of a longer word, then a space: the space becomes unbreakable. */
const tieOneLetterWords: Rule = (text) => text.replace(/(?<![\p{L}\p{M}\p{N}\-.'’])(\p{L}) (?=\S|$)/gu, `$1${NBSP}`)
/** The space before a spaced dash (word — word) becomes unbreakable. */
const tieDashToWordBefore: Rule = (text) => text.replace(/(?<=\S) (?=[—–](?:\s|$))/gu, NBSP)

const RULES: Record<string, readonly Rule[]> = {
  ru: [tieOneLetterWords, tieDashToWordBefore],
  kk: [tieOneLetterWords, tieDashToWordBefore]
}

export function rulesFor(lang: string): readonly Rule[] {
  return RULES[lang.toLowerCase().split('-')[0]!] ?? []
}

export function tieSpaces(tree: Root, locale: string): void {
  visitParents(tree, 'text', (node: Text, ancestors) => {
    if (ancestors.some((parent) => parent.type === 'element' && (parent.tagName === 'code' || parent.tagName === 'pre'))) return
    const rules = rulesFor(languageOf(ancestors) ?? locale)
    for (const rule of rules) node.value = rule(node.value)
  })
}

function languageOf(ancestors: ReadonlyArray<Root | Element>): string | undefined {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const node = ancestors[index]!
    if (node.type === 'element' && typeof node.properties.lang === 'string' && node.properties.lang) return node.properties.lang
  }
  return undefined
}

export default function rehypeNonbreakingSpaces(options: { locale: string }) {
  return (tree: Root) => tieSpaces(tree, options.locale)
}
