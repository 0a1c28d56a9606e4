import type { Root } from 'mdast'
import { bodyUnits, metaUnits, type Unit } from './segment-units.ts'
import type { DocumentMeta } from '../types.ts'
import { assignKeys } from './assign-keys.ts'

export type KeyedUnit = Unit & { key: string }

/** Units of a document (front matter first, then the body in order), each with its key. */
export function keyedUnits(tree: Root, meta: DocumentMeta, register: ReadonlyMap<string, string>): KeyedUnit[] {
  const units = [...metaUnits(meta), ...bodyUnits(tree)]
  const keys = assignKeys(units, register)
  return units.map((unit, index) => Object.assign(unit, { key: keys[index]! }))
}

/**
 * The source catalog a document should have: key → source text. Keys the
 * register has keep its order (reordering paragraphs rewrites no catalog
 * and no record); a new key goes after the key before it in the document.
 */
export function sourceEntries(tree: Root, meta: DocumentMeta, register: ReadonlyMap<string, string>): Map<string, string> {
  const inDocument = new Map<string, string>()
  // Reading only: keying leaves the tree and meta as they are.
  for (const unit of keyedUnits(tree, meta, register)) {
    if (!inDocument.has(unit.key)) inDocument.set(unit.key, unit.text)
  }
  const order = [...register.keys()].filter((key) => inDocument.has(key))
  let previous: string | undefined
  for (const key of inDocument.keys()) {
    if (!register.has(key)) order.splice(previous === undefined ? 0 : order.indexOf(previous) + 1, 0, key)
    previous = key
  }
  return new Map(order.map((key) => [key, inDocument.get(key)!]))
}
