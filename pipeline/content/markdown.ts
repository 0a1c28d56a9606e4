/**
 * The one definition of our Markdown dialect: CommonMark plus GitHub's
 * extensions (tables, footnotes, strikethrough, task lists, autolink
 * literals) and generic directives (`:::question`, `:::figure{credit="…"}`).
 * The document parser (remarkDialect, with front matter on top) and the
 * parser of translated segments both use these lists, so a segment reads
 * back exactly as it was written out.
 */
import type { PhrasingContent, Root } from 'mdast'
import { directiveToMarkdown } from 'mdast-util-directive'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown'
import { toString as mdastToString } from 'mdast-util-to-string'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'

/** The dialect as one unified plugin for remark-parse: GFM, then directives. */
export function remarkDialect(this: Processor): void {
  remarkGfm.call(this)
  remarkDirective.call(this)
}

/**
 * The same extensions for writing a segment out as for reading it. Made once: they hold no state
 * between runs, and mdast-util-to-markdown compiles an unsafe pattern once per pattern object.
 */
const WRITE_OPTIONS: ToMarkdownOptions = { extensions: [gfmToMarkdown(), directiveToMarkdown()], bullet: '*', emphasis: '*', strong: '*' }

const segmentParser = unified().use(remarkParse).use(remarkDialect).freeze()

/** Inline Markdown of phrasing content: how a segment appears in a catalog. */
export function phrasingToMarkdown(children: PhrasingContent[]): string {
  return plainMarkdown(children) ?? writePhrasing(children)
}

/**
 * The Markdown mdast-util-to-markdown writes, without a run of it, for phrasing that is plain text
 * (writesAsItself) with emphasis and strong emphasis around plain text that starts and ends with an
 * ASCII letter or digit (so `*` and `**` open and close wherever they stand), never two side by
 * side (the writer alternates `*` and `_` there), spaces allowed beside them (not at the ends of the
 * paragraph, where the writer encodes them). Else undefined. Checked against the writer over the
 * corpus and thousands of random segments of this shape (test/plain-markdown-out.test.ts).
 */
export function plainMarkdown(children: readonly PhrasingContent[]): string | undefined {
  let markdown = ''
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type === 'text') {
      const inner = node.value.slice(index > 0 ? leadingSpaces(node.value) : 0, index < children.length - 1 ? trailingStart(node.value) : undefined)
      if (inner === '' ? node.value === '' || index === 0 || index === children.length - 1 : !writesAsItself(inner)) return undefined
      markdown += node.value
    } else if (node.type === 'emphasis' || node.type === 'strong') {
      const only = node.children.length === 1 ? node.children[0] : undefined
      if (only?.type !== 'text' || (index > 0 && children[index - 1]!.type !== 'text') || !plainAttention(only.value)) return undefined
      const marker = node.type === 'emphasis' ? '*' : '**'
      markdown += marker + only.value + marker
    } else {
      return undefined
    }
  }
  return children.length > 0 ? markdown : undefined
}

const ALPHANUMERIC = /^[A-Za-z0-9]$/
const plainAttention = (value: string) => writesAsItself(value) && ALPHANUMERIC.test(value[0]!) && ALPHANUMERIC.test(value[value.length - 1]!)
const leadingSpaces = (value: string) => value.length - value.replace(/^ +/, '').length
const trailingStart = (value: string) => value.replace(/ +$/, '').length

/** mdast-util-to-markdown's writing of phrasing content (phrasingToMarkdown skips it for plain text). */
export function writePhrasing(children: PhrasingContent[]): string {
  return toMarkdown({ type: 'paragraph', children }, WRITE_OPTIONS).replace(/\n$/, '')
}

/**
 * Whether a text node of this value is written out as the value itself: it holds none of the
 * characters mdast-util-to-markdown escapes in a paragraph (its `unsafe` patterns, GFM's and the
 * directives') where it would escape them. isPlainText's characters, less `!` (escaped only before
 * `[`) and a colon before a space (a directive's name, a URL's `://` and a table's `:-` need
 * something else after it). Most of a book's paragraphs and headings (`Chapter 1: Legislation`)
 * are such sentences: keying the book's 1,700 segments took 0.26 s, a toMarkdown run each.
 */
export function writesAsItself(value: string): boolean {
  return value !== '' && !WRITTEN_SYNTAX.test(value) && !SYNTAX_EVERYWHERE.test(value)
}

/** What both the reader and the writer take for syntax: control characters, `www.`, a line's start, a trailing space. */
const SYNTAX_EVERYWHERE = /\p{Cc}|www\.|^[\s\d+-]|\s$/iu

const WRITTEN_SYNTAX = /[\\`*_[\]<>&~@|#=]|:(?! )/

/** The plain text of inline Markdown (`*Harbour* notes` → `Harbour notes`). */
export function inlineMarkdownText(value: string): string {
  return mdastToString({ type: 'paragraph', children: markdownToPhrasing(value) }, { includeImageAlt: false })
}

/** A title as written → its plain text, and the Markdown when it holds any. */
export function titleForms(written: string): { title: string; titleMarkdown: string | undefined } {
  const title = inlineMarkdownText(written)
  return { title, titleMarkdown: title !== written ? written : undefined }
}

/** `[^label]` calls in a segment: footnote labels the segment refers to. */
const FOOTNOTE_CALL = /\[\^([^\]\s]+)\]/g

/**
 * Parse a catalog value back to phrasing content. Block syntax (a value that
 * starts with `#` or `1.`) is read as literal text: a translation is always
 * one paragraph. A footnote call is only a call where its note is defined,
 * so the segment is parsed with a stand-in definition for each label it
 * calls (the notes themselves are segments of their own).
 */
export function markdownToPhrasing(value: string): PhrasingContent[] {
  return isPlainText(value) ? [plainText(value)] : parsePhrasing(value)
}

/**
 * Whether a value holds nothing Markdown could read as syntax, so that it
 * parses to one text node of itself: one line without a control character,
 * nothing the inline constructs open with (emphasis, code, links, images,
 * references, HTML, escapes, strikethrough, directives, autolink literals),
 * nothing a block opens with at its start (a list's digit, `+` or `-`), no
 * white space at either end. Most translated segments are such sentences;
 * they skip the parser (a micromark run each, per segment and edition).
 */
export function isPlainText(value: string): boolean {
  return value !== '' && !SYNTAX.test(value) && !SYNTAX_EVERYWHERE.test(value)
}

const SYNTAX = /[\\`*_[\]!<>&~:@|#=]/

/** The text node the parser makes of a plain one-line value, with its position in the value. */
function plainText(value: string): PhrasingContent {
  return { type: 'text', value, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: value.length + 1, offset: value.length } } }
}

/** The parser's reading of a value (markdownToPhrasing skips it for plain text). */
export function parsePhrasing(value: string): PhrasingContent[] {
  const labels = new Set([...value.matchAll(FOOTNOTE_CALL)].map((match) => match[1]!))
  const definitions = [...labels].map((label) => `\n\n[^${label}]: note`).join('')
  const root = segmentParser.parse(value + definitions) as Root
  const body = root.children.filter((node) => node.type !== 'footnoteDefinition')
  const only = body[0]
  if (body.length === 1 && only?.type === 'paragraph') return only.children
  return value === '' ? [] : [{ type: 'text', value }]
}
