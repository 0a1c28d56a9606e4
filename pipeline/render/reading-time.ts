/**
 * Minutes a reader needs for a document, counted once on the SOURCE text and
 * shown the same in every edition. Word counts differ between languages for
 * the same content (Kazakh is agglutinative: fewer, longer words; Chinese
 * has no spaces), while the time to take in the content does not, so
 * counting each translation's words made Kazakh say 3 minutes where the
 * others said 4. Words are runs of letters; an ideograph reads like about
 * two-thirds of a word, for a Chinese or Japanese source.
 */
import type { Nodes, Root } from 'mdast'
import type { DocumentMeta } from '../types.ts'
import { ideographs } from './cjk.ts'

const WORDS_PER_MINUTE = 200

/** The parsed source is shared by every edition of a document: counted once. */
const minutesOf = new WeakMap<Root, number>()

export function readingMinutes(source: Root, meta: Pick<DocumentMeta, 'title'>): number {
  let minutes = minutesOf.get(source)
  if (minutes === undefined) minutesOf.set(source, (minutes = minutesOfText([meta.title ?? '', ...textsOf(source)].join(' '))))
  return minutes
}

export function minutesOfText(text: string): number {
  const ideograph = ideographs()
  const ideographCount = text.match(ideograph)?.length ?? 0
  const words = text.replace(ideograph, ' ').match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  return Math.max(1, Math.round((words + ideographCount * 0.66) / WORDS_PER_MINUTE))
}

/** Every text the reader reads (alt texts too), apart, so words of two paragraphs never run together. */
function textsOf(node: Nodes): string[] {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return [node.value]
  if (node.type === 'image') return [node.alt ?? '']
  return 'children' in node ? node.children.flatMap((child) => textsOf(child as Nodes)) : []
}
