import type { Nodes } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'

/** Plain text of a node, for metadata fields that cannot carry markup. */
export function plainText(node: Nodes): string {
  return mdastToString(node, { includeImageAlt: false })
}
