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

/** The source catalog a document should have: key → source text, in document order. */
export function sourceEntries(tree: Root, meta: DocumentMeta, register: ReadonlyMap<string, string>): Map<string, string> {
  const entries = new Map<string, string>()
  // Reading only: keying leaves the tree and meta as they are.
  for (const unit of keyedUnits(tree, meta, register)) {
    if (!entries.has(unit.key)) entries.set(unit.key, unit.text)
  }
  return entries
}
