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
import { isPairAt } from '../content/utf16.ts'

const WORDS_PER_MINUTE = 200

/** The parsed source is shared by every edition of a document: counted once. */
const minutesOf = new WeakMap<Root, number>()

export function readingMinutes(source: Root, meta: Pick<DocumentMeta, 'title'>): number {
  let minutes = minutesOf.get(source)
  if (minutes === undefined) minutesOf.set(source, (minutes = minutesOfTexts([meta.title ?? '', ...textsOf(source)])))
  return minutes
}

export function minutesOfText(text: string): number {
  return minutesOfTexts([text])
}

/** The minutes of texts read apart (as if joined by spaces): an ideograph (Han, kana) reads like two-thirds of a word. */
function minutesOfTexts(texts: readonly string[]): number {
  const { words, ideographs: ideographCount } = readingCounts(texts)
  return Math.max(1, Math.round((words + ideographCount * 0.66) / WORDS_PER_MINUTE))
}

/**
 * The words (runs of letters and digits) and ideographs of texts read apart; an ideograph ends a
 * word. Counted in one pass over the characters, each BMP character classed once by the same
 * expressions, rather than matching the whole text three times and making an array of its words
 * (a book's 74,000 words: 0.1 s of a build).
 */
export function readingCounts(texts: readonly string[]): { words: number; ideographs: number } {
  let words = 0
  let ideographCount = 0
  for (const text of texts) {
    let inWord = false
    for (let index = 0; index < text.length; index++) {
      let kind: number
      if (isPairAt(text, index)) {
        kind = kindOfChar(text.slice(index, index + 2))
        index++
      } else {
        const unit = text.charCodeAt(index)
        kind = kinds[unit] ||= kindOfChar(String.fromCharCode(unit))
      }
      if (kind === IDEOGRAPH) ideographCount++
      if (kind === WORD && !inWord) words++
      inWord = kind === WORD
    }
  }
  return { words, ideographs: ideographCount }
}

const OTHER = 1
const WORD = 2
const IDEOGRAPH = 3
/** Each BMP character's kind, found on first use (0: not yet). */
const kinds = new Uint8Array(0x10000)
const IDEOGRAPH_CHAR = new RegExp(`^(?:${ideographs().source})$`, 'u')
const WORD_CHAR = /^[\p{L}\p{N}]$/u

function kindOfChar(char: string): number {
  return IDEOGRAPH_CHAR.test(char) ? IDEOGRAPH : WORD_CHAR.test(char) ? WORD : OTHER
}

/** Every text the reader reads (alt texts too), apart, so words of two paragraphs never run together. */
function textsOf(node: Nodes): string[] {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return [node.value]
  if (node.type === 'image') return [node.alt ?? '']
  return 'children' in node ? node.children.flatMap((child) => textsOf(child as Nodes)) : []
}
