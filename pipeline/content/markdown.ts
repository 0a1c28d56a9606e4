/**
 * The one definition of our Markdown dialect: CommonMark plus YAML front
 * matter and generic directives (`:::question`, `:::figure{credit="…"}`).
 * Both the document parser and the parser of translated segments use it, so a
 * segment reads back exactly as it was written out.
 */
import type { PhrasingContent, Root } from 'mdast'
import { directive } from 'micromark-extension-directive'
import { directiveFromMarkdown, directiveToMarkdown } from 'mdast-util-directive'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { toMarkdown } from 'mdast-util-to-markdown'

/** Inline Markdown of phrasing content: how a segment appears in a catalog. */
export function phrasingToMarkdown(children: PhrasingContent[]): string {
  const out = toMarkdown(
    { type: 'paragraph', children },
    { extensions: [directiveToMarkdown()], bullet: '*', emphasis: '*', strong: '*' }
  )
  return out.replace(/\n$/, '')
}

/**
 * Parse a catalog value back to phrasing content. Block syntax (a value that
 * starts with `#` or `1.`) is read as literal text: a translation is always
 * one paragraph.
 */
export function markdownToPhrasing(value: string): PhrasingContent[] {
  const root: Root = fromMarkdown(value, {
    extensions: [directive()],
    mdastExtensions: [directiveFromMarkdown()]
  })
  const only = root.children[0]
  if (root.children.length === 1 && only?.type === 'paragraph') return only.children
  return value === '' ? [] : [{ type: 'text', value }]
}
