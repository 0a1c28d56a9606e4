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
import type { Catalog } from '../i18n/catalog.ts'
import { isSafeUrl, SAFE_PROTOCOLS, schemeOf } from '../to-hast/schema.ts'

export interface Options {
  /** The locale's catalog, to name where a translation is. */
  catalog: Catalog
}

const SOURCE = 'remark-unsafe-markup'
const SNIPPET = 40

export function flagUnsafeMarkup(tree: Root, file: VFile, options: Options): void {
  const translated = new Set(file.data.translation?.translated ?? [])
  visitParents(tree, (node: Nodes, ancestors: Parents[]) => {
    if (node.type === 'html') {
      const key = keyOf(node, ancestors)
      // Catalog values with HTML are reported where the catalog is read (i18n/catalog.ts).
      if (key && translated.has(key)) return
      report(file, `Unexpected raw HTML \`${snippet(node.value)}\`${where(key, false, options)}, expected Markdown: it is left out of every edition`, node.position, 'raw-html')
    } else if ((node.type === 'link' || node.type === 'definition') && !isSafeUrl(node.url)) {
      const key = keyOf(node, ancestors)
      const expected = `${SAFE_PROTOCOLS.join(', ')} or a relative link`
      report(file, `Unexpected \`${snippet(schemeOf(node.url) ?? '')}:\` link${where(key, key !== undefined && translated.has(key), options)}, expected ${expected}: ${linkFate(node)}`, node.position, 'unsafe-url')
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

function where(key: string | undefined, fromCatalog: boolean, options: Options): string {
  if (!key) return ''
  const entry = fromCatalog ? options.catalog.entries.get(key) : undefined
  return entry ? ` in the translation of \`${key}\` (${options.catalog.path}:${entry.line}:${entry.column})` : ` in \`${key}\``
}

function linkFate(node: Link | Definition): string {
  return node.type === 'link' ? 'the text stays, the link is removed' : 'links to it keep their text and lose the link'
}

function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > SNIPPET ? `${line.slice(0, SNIPPET)}…` : line
}

function report(file: VFile, reason: string, place: Position | undefined, ruleId: string): void {
  file.message(reason, { place, ruleId, source: SOURCE })
}

export default function remarkUnsafeMarkup(options: Options) {
  return (tree: Root, file: VFile) => flagUnsafeMarkup(tree, file, options)
}
