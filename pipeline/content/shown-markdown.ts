/** A catalog text read as the source's paragraphs are now (raw-html-inline.ts), for an imported translation. */
import type { Paragraph } from 'mdast'
import { VFile } from 'vfile'
import { markdownToPhrasing, phrasingToMarkdown } from './markdown.ts'
import { type HtmlReader, keepInlineHtmlWords } from './raw-html-inline.ts'

/**
 * A catalog text (inline Markdown) as a paragraph of the source now reads it: its tags out, what a
 * browser shows of them kept, as text. For a translation made while its source still held tags
 * (an exchange file from before they left the catalog): it is taken as the source is now read.
 */
export function shownMarkdown(markdown: string, html: HtmlReader): string {
  const paragraph: Paragraph = { type: 'paragraph', children: markdownToPhrasing(markdown) }
  keepInlineHtmlWords({ type: 'root', children: [paragraph] }, new VFile({ value: markdown }), html)
  return phrasingToMarkdown(paragraph.children)
}
