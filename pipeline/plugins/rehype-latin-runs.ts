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

/**
 * Latin words and the spaces between them (Jürgen Stock, O’Neill, Jean-Luc):
 * punctuation only inside a word, never at its end, where it belongs to the
 * sentence around (a full stop after "Kazinform" ends an Arabic sentence, on its left).
 */
const WORD = String.raw`\p{Script=Latin}[\p{Script=Latin}\p{M}]*(?:['\u2019.\-&]\p{Script=Latin}[\p{Script=Latin}\p{M}]*)*`
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
  for (const piece of latinPieces(text)) parts.push(piece.latin ? runSpan([piece.node], lang, dir) : piece.node)
  return parts
}

function latinPieces(text: string): Array<{ node: Text; latin: boolean }> {
  const pieces: Array<{ node: Text; latin: boolean }> = []
  let from = 0
  for (const match of text.matchAll(LATIN_RUN)) {
    if (match.index > from) pieces.push({ node: { type: 'text', value: text.slice(from, match.index) }, latin: false })
    pieces.push({ node: { type: 'text', value: match[0] }, latin: true })
    from = match.index + match[0].length
  }
  if (from < text.length) pieces.push({ node: { type: 'text', value: text.slice(from) }, latin: false })
  return pieces
}

function runSpan(children: ElementContent[], lang: string, dir: 'ltr' | 'rtl'): Element {
  return { type: 'element', tagName: 'span', properties: dir === 'rtl' ? { lang, dir: 'ltr' } : { lang }, children }
}

/**
 * Formatting inside a Latin phrase ("the *Caspian* shore", a link on some of its words) does not
 * cut it: the words and the elements wholly of Latin words between them go into one span, as
 * UAX #9 makes them one left-to-right run. A span each would be an isolate each (HTML's `dir`),
 * which a right-to-left paragraph orders right to left: "shore Caspian the".
 */
export function tagLatinRuns(tree: Root | Element, options: LatinRunOptions): void {
  const lang = latinRunLanguage(options.locale, options.sourceLocale)
  if (lang && !(tree.type === 'element' && ownLanguage(tree))) tagChildren(tree, lang, options.dir)
}

function tagChildren(parent: Root | Element, lang: string, dir: 'ltr' | 'rtl'): void {
  if (!parent.children.some(mayHoldLatin)) return
  const out: ElementContent[] = []
  let run: ElementContent[] = []
  let gap: Text[] = []
  const close = () => {
    const only = run.length === 1 ? run[0]! : undefined
    // An element alone keeps its span inside it, as before phrases were joined.
    if (only?.type === 'element') {
      tagChildren(only, lang, dir)
      out.push(only)
    } else if (run.length > 0) out.push(runSpan(run, lang, dir))
    out.push(...gap)
    run = []
    gap = []
  }
  const addLatin = (node: ElementContent) => {
    run.push(...gap, node)
    gap = []
  }
  for (const child of parent.children as ElementContent[]) {
    if (child.type === 'text') {
      for (const piece of latinPieces(child.value)) {
        if (piece.latin) addLatin(piece.node)
        else if (run.length > 0 && SPACES.test(piece.node.value)) gap.push(piece.node)
        else {
          close()
          out.push(piece.node)
        }
      }
    } else if (child.type === 'element' && wholeLatin(child)) {
      addLatin(child)
    } else {
      if (child.type === 'element' && !ownLanguage(child)) tagChildren(child, lang, dir)
      close()
      out.push(child)
    }
  }
  close()
  parent.children = out as typeof parent.children
}

const SPACES = /^[ \u00a0]+$/
/** Inline formatting a Latin phrase may run through. */
const PHRASING = new Set(['a', 'abbr', 'b', 'del', 'em', 'i', 'mark', 's', 'small', 'span', 'strong', 'u'])
const WHOLE_RUN = new RegExp(`^${LATIN_RUN.source}$`, 'u')

function ownLanguage(node: Element): boolean {
  return SKIP.has(node.tagName) || typeof node.properties.lang === 'string'
}

function mayHoldLatin(node: Root['children'][number]): boolean {
  return node.type === 'element' ? !ownLanguage(node) : node.type === 'text' && HAS_LATIN.test(node.value)
}

/** Formatting around Latin words only (nested formatting too), which joins the run around it. */
function wholeLatin(node: Element): boolean {
  return PHRASING.has(node.tagName) && !ownLanguage(node) && WHOLE_RUN.test(textOf(node))
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  return node.children.map(textOf).join('')
}

export default function rehypeLatinRuns(options: LatinRunOptions) {
  return (tree: Root) => tagLatinRuns(tree, options)
}
