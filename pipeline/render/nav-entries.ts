/**
 * Entries of a table of contents: one short line per heading. A question's
 * entry is its `label` attribute when the document gives one (translated like
 * any segment), else its first words, cut at a line-break opportunity (UAX #14,
 * so Chinese is cut between words too) and ended with an ellipsis. The
 * closing question that asks nothing (the thanks at the end of an interview)
 * is no entry.
 */
import type { Element, Root as HastRoot } from 'hast'
import { breakOpportunities } from './break-opportunities.ts'
import { isCjkChar } from './cjk.ts'
import { headingsOf } from './article.ts'

export interface NavEntry {
  id: string
  depth: number
  /** The short label for the contents. */
  label: string
}

/** Width budget of a label, in Latin characters; a wide (CJK) character counts two. */
export const MAX_LABEL_WIDTH = 60
const ELLIPSIS = '…'
/** A question mark in any script: Latin/Cyrillic, Arabic, full-width, Greek. */
const ASKS = /[?؟？;]/u

export function navEntries(tree: Element | HastRoot): NavEntry[] {
  const headings = headingsOf(tree)
  const questions = headings.filter((heading) => heading.question)
  const closing = questions.at(-1)
  return headings
    .filter((heading) => !(heading === closing && questions.length > 1 && !ASKS.test(heading.text)))
    .map((heading) => ({ id: heading.id, depth: heading.depth, label: heading.label ?? (heading.question ? shortLabel(heading.text) : heading.text) }))
}

/** The text itself when it fits, else its first words within MAX_LABEL_WIDTH and an ellipsis. */
export function shortLabel(text: string, maxWidth = MAX_LABEL_WIDTH): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (width(clean) <= maxWidth) return clean
  let cut = 0
  for (const { position } of breakOpportunities(clean)) {
    if (width(clean.slice(0, position).trimEnd()) + 1 > maxWidth) break
    cut = position
  }
  // One word longer than the whole budget: cut inside it, at a character.
  const head = cut > 0 ? clean.slice(0, cut) : [...clean].slice(0, maxWidth - 1).join('')
  return head.replace(/[\s\p{P}]+$/u, '') + ELLIPSIS
}

/** An entry of the contents with the entries of the sections under it. */
export type NavTree<T> = T & { children: Array<NavTree<T>> }

/**
 * The entries nested as their headings are: each under the nearest heading
 * before it of a higher level (an h3 under its h2), so a reading system
 * shows sections inside their chapters. The title (level 1) heads the list
 * and takes none: an interview's questions stay one flat list beside it.
 */
export function nestEntries<T extends { depth: number }>(entries: readonly T[]): Array<NavTree<T>> {
  const top: Array<NavTree<T>> = []
  const open: Array<NavTree<T>> = []
  for (const entry of entries) {
    const node: NavTree<T> = { ...entry, children: [] }
    while (open.length > 0 && open.at(-1)!.depth >= entry.depth) open.pop()
    const parent = open.at(-1)
    if (parent) parent.children.push(node)
    else top.push(node)
    if (entry.depth > 1) open.push(node)
  }
  return top
}

function width(text: string): number {
  let total = 0
  for (const char of text) total += isCjkChar(char) ? 2 : 1
  return total
}
