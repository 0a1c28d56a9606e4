/**
 * Says what the sanitizer (rehype-sanitize, see to-hast/schema.ts) is
 * about to drop: raw HTML in the document and links whose protocol could
 * run code (`javascript:`, `data:`, `vbscript:`). Each message is placed in
 * the document and names the segment key, and for text that came from a
 * catalog, the catalog file, line and column of the translation.
 * This plugin only reports; removing is the sanitizer's job.
 */
import type { Definition, Link, Nodes, Parents, Root } from 'mdast'
import type { Position } from 'unist'
import { visitParents } from 'unist-util-visit-parents'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { catalogCause, type RuleId, warn } from '../messages.ts'
import { isSafeUrl, SAFE_PROTOCOLS, schemeOf } from '../to-hast/schema.ts'

const SOURCE = 'remark-unsafe-markup'
const SNIPPET = 40

export function flagUnsafeMarkup(tree: Root, file: VFile): void {
  const translated = new Set(file.data.translation?.translated ?? [])
  visitParents(tree, (node: Nodes, ancestors: Parents[]) => {
    if (node.type === 'html') {
      const key = keyOf(node, ancestors)
      // Catalog values with HTML are reported where the catalog is read (i18n/catalog.ts).
      if (key && translated.has(key)) return
      report(file, `Unexpected raw HTML \`${snippet(node.value)}\`${where(key)}, expected Markdown: it is left out of every edition`, node.position, 'raw-html')
    } else if ((node.type === 'link' || node.type === 'definition') && !isSafeUrl(node.url)) {
      const key = keyOf(node, ancestors)
      const expected = `${SAFE_PROTOCOLS.join(', ')} or a relative link`
      const place = key === undefined ? undefined : file.data.translation?.places[key]
      const cause = key !== undefined && place && translated.has(key) ? catalogCause(place.path, key, place) : undefined
      report(file, `Unexpected \`${snippet(schemeOf(node.url) ?? '')}:\` link${where(key, cause !== undefined)}, expected ${expected}: ${linkFate(node)}`, node.position, 'unsafe-url', cause)
    }
  })
}

function keyOf(node: Nodes, ancestors: Parents[]): string | undefined {
  for (const parent of [node, ...[...ancestors].reverse()]) {
    const key = (parent.data as { segmentKey?: string } | undefined)?.segmentKey
    if (key) return key
  }
  return undefined
}

function where(key: string | undefined, fromCatalog = false): string {
  if (!key) return ''
  return fromCatalog ? ` in the translation of \`${key}\`` : ` in \`${key}\``
}

function linkFate(node: Link | Definition): string {
  return node.type === 'link' ? 'the text stays, the link is removed' : 'links to it keep their text and lose the link'
}

/** The start of a piece of markup, on one line, for a message. */
export function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > SNIPPET ? `${line.slice(0, SNIPPET)}…` : line
}

function report(file: VFile, reason: string, place: Position | undefined, ruleId: RuleId, cause?: VFileMessage): void {
  warn(file, ruleId, reason, { place, source: SOURCE, cause })
}

export default function remarkUnsafeMarkup() {
  return (tree: Root, file: VFile) => flagUnsafeMarkup(tree, file)
}
