import type { Root } from 'mdast'
import { bodyUnits, metaUnits, type Unit } from './segment-units.ts'
import type { DocumentMeta } from '../types.ts'
import { assignKeys } from './assign-keys.ts'

export type KeyedUnit = Unit & { key: string }

/**
 * Units of a document (front matter first, then the body in order), each with its key. `keys`: the
 * document's keys from `documentKeys`, when `tree` and `meta` are a copy of that document.
 */
export function keyedUnits(tree: Root, meta: DocumentMeta, register: ReadonlyMap<string, string>, keys?: readonly string[]): KeyedUnit[] {
  const units = [...metaUnits(meta), ...bodyUnits(tree)]
  const assigned = keys?.length === units.length ? keys : assignKeys(units, register)
  return units.map((unit, index) => Object.assign(unit, { key: assigned[index]! }))
}

const assignedKeys = new WeakMap<Root, { register: ReadonlyMap<string, string>; keys: string[] }>()

/**
 * A parsed document's keys, in unit order: assigned once per document and register, then shared by
 * every locale's edition (keys depend on the source text and the register, never on the locale).
 */
export function documentKeys(tree: Root, meta: DocumentMeta, register: ReadonlyMap<string, string>): string[] {
  const known = assignedKeys.get(tree)
  if (known?.register === register) return known.keys
  const keys = assignKeys([...metaUnits(meta), ...bodyUnits(tree)], register)
  assignedKeys.set(tree, { register, keys })
  return keys
}

/**
 * The source catalog a document should have: key → source text. Keys the
 * register has keep its order (reordering paragraphs rewrites no catalog
 * and no record); a new key goes after the key before it in the document.
 */
export function sourceEntries(tree: Root, meta: DocumentMeta, register: ReadonlyMap<string, string>): Map<string, string> {
  const inDocument = new Map<string, string>()
  // Reading only: keying leaves the tree and meta as they are.
  for (const unit of keyedUnits(tree, meta, register, documentKeys(tree, meta, register))) {
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
