/**
 * A ruby inside a paragraph read as a browser without ruby shows it (raw-html-inline.ts): its base,
 * then its reading in parentheses, the author's `<rp>` where given, else ours, full-width around a CJK
 * reading; read in reading order through emphasis and links, which a ruby may cross.
 */
import type { Parent, PhrasingContent } from 'mdast'
import { hasCjkLetter } from '../render/cjk.ts'
import { type Tag, tagNext, tagOf, text } from './inline-tags.ts'

/** A ruby's parts: inside one, their tags are no words (`<rb>` holds a base, `<rtc>` readings). */
const RUBY_PARTS = new Set(['rb', 'rp', 'rt', 'rtc', 'ruby'])

/** Where a ruby stands while its holder's words are read: how many rubies are open, the reading we opened. */
export interface Ruby {
  depth: number
  /** The parenthesis that closes the reading we opened, until its `</rt>` (or the ruby's tag that ends it). */
  reading: string | undefined
}

/** Reads a holder's words; a reading still open at its end closes there, with its last words. */
export function withReadingClosed(holder: Parent, read: (ruby: Ruby) => void): void {
  const ruby: Ruby = { depth: 0, reading: undefined }
  read(ruby)
  const last = holder.children.at(-1) as PhrasingContent | undefined
  if (ruby.reading === undefined || !last) return
  if (last.type === 'text') holder.children[holder.children.length - 1] = { ...last, value: last.value + ruby.reading }
  else holder.children.push(text(ruby.reading, last))
}

/**
 * Takes a ruby's own tag (`<ruby>`, and inside one `<rb>`, `<rt>`, `<rtc>`, `<rp>`, `</ruby>`) out of the
 * words, with the parentheses of a reading where a browser without ruby would want them: each `<rt>`'s
 * own, and an `<rtc>`'s written without `<rt>`; the author's `<rp>` where given, else ours, full-width
 * around a CJK reading. An `<rt>` outside any ruby is not one's: a browser shows its words inline.
 */
export function rubyWords(tag: Tag, children: PhrasingContent[], index: number, out: PhrasingContent[], ruby: Ruby): boolean {
  if (!RUBY_PARTS.has(tag.name) || (ruby.depth === 0 && (tag.name !== 'ruby' || tag.closing))) return false
  const child = children[index]!
  if (ruby.reading !== undefined) {
    out.push(text(ruby.reading, child))
    ruby.reading = undefined
  }
  if (tag.name === 'ruby') ruby.depth += tag.closing ? -1 : 1
  const reading = !tag.closing && (tag.name === 'rt' || (tag.name === 'rtc' && !tagNext(children, index, ['rp', 'rt'])))
  if (reading && !authoredParentheses(children, index)) {
    const [open, close] = hasCjkLetter(readingAfter(children, index)) ? ['（', '）'] : ['(', ')']
    out.push(text(open, child))
    ruby.reading = close
  }
  return true
}

/** Whether the `<rt>` (or `<rtc>`) at `index` follows the author's `</rp>` (white space between them aside). */
function authoredParentheses(children: PhrasingContent[], index: number): boolean {
  const before = children.slice(0, index).findLast((node) => !(node.type === 'text' && node.value.trim() === ''))
  const tag = before && tagOf(before)
  return tag?.name === 'rp' && tag.closing
}

function readingAfter(children: PhrasingContent[], index: number): string {
  const next = children[index + 1]
  return next?.type === 'text' ? next.value : ''
}
