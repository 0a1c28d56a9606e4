/**
 * The inline markup of a catalog value, read as mdast phrasing (the way the
 * build reads it), so `*a*` and `_a_` are the same emphasis and a `*` in a
 * word is not one. Compared by what a reader sees: how many emphases,
 * strongs, code spans and links, and where each link goes.
 */
import type { Nodes, PhrasingContent } from 'mdast'
import { markdownToPhrasing } from '../../content/markdown.ts'

export interface MarkupSignature {
  counts: Map<string, number>
  /** Link and image targets, sorted: word order may change in translation, targets may not. */
  targets: string[]
}

const MARKUP = new Set(['emphasis', 'strong', 'delete', 'inlineCode', 'link', 'image', 'break', 'html'])

export function markupOf(value: string): MarkupSignature {
  const counts = new Map<string, number>()
  const targets: string[] = []
  const visit = (nodes: PhrasingContent[]) => {
    for (const node of nodes as Nodes[]) {
      if (MARKUP.has(node.type)) counts.set(node.type, (counts.get(node.type) ?? 0) + 1)
      if (node.type === 'link' || node.type === 'image') targets.push(node.url)
      if ('children' in node) visit(node.children as PhrasingContent[])
    }
  }
  visit(markdownToPhrasing(value))
  return { counts, targets: targets.sort() }
}

/** What differs, in words; empty when the markup is the same. */
export function markupDifferences(source: string, translation: string): string[] {
  const want = markupOf(source)
  const got = markupOf(translation)
  const differences: string[] = []
  for (const type of new Set([...want.counts.keys(), ...got.counts.keys()])) {
    const expected = want.counts.get(type) ?? 0
    const actual = got.counts.get(type) ?? 0
    if (expected !== actual) differences.push(`${actual} ${type}, expected ${expected}`)
  }
  const missing = want.targets.filter((url, index) => want.targets.indexOf(url) === index && count(got.targets, url) < count(want.targets, url))
  const extra = got.targets.filter((url, index) => got.targets.indexOf(url) === index && count(want.targets, url) < count(got.targets, url))
  if (missing.length > 0 || extra.length > 0) {
    differences.push(`link target ${extra.map((url) => `\`${url}\``).join(', ') || 'none'}, expected ${missing.map((url) => `\`${url}\``).join(', ') || 'none'}`)
  }
  return differences
}

function count(list: string[], item: string): number {
  return list.filter((other) => other === item).length
}
