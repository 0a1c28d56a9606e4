/** A document's keys are assigned once, then shared by every locale's edition. */
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseLoaded } from '../pipeline/content/load-document.ts'
import { assignKeys } from '../pipeline/segments/assign-keys.ts'
import { documentKeys, keyedUnits } from '../pipeline/segments/keyed-units.ts'
import { bodyUnits, metaUnits } from '../pipeline/segments/segment-units.ts'

const { tree, meta } = parseLoaded('doc', new VFile({ path: 'content/doc.md', value: '---\ntitle: The title\n---\n\nA first paragraph here.\n\nA second paragraph here.\n\n| City |\n| --- |\n| Almaty |\n' }), 'en')

/** A register that counts how often it is read (assignKeys reads it whole, a few times per call). */
function countingRegister(entries: Array<[string, string]>): { register: ReadonlyMap<string, string>; reads: () => number } {
  const register = new Map(entries)
  let reads = 0
  const iterate = register[Symbol.iterator].bind(register)
  register[Symbol.iterator] = () => {
    reads++
    return iterate()
  }
  return { register, reads: () => reads }
}

describe('documentKeys', () => {
  it('assigns once per document and register, whatever the number of locales', () => {
    const { register, reads } = countingRegister([['p.a-first-paragraph-here', 'A first paragraph here.']])
    const keys = documentKeys(tree, meta, register)
    const assigning = reads()
    expect(assigning).toBeGreaterThan(0)
    for (const _locale of ['kk', 'ru', 'ar', 'zh']) {
      expect(documentKeys(tree, meta, register)).toBe(keys)
      // Each edition translates its own copy of the tree, keyed from the document's keys.
      keyedUnits(structuredClone(tree), structuredClone(meta), register, keys)
    }
    expect(reads()).toBe(assigning)
    expect(keys).toEqual(assignKeys([...metaUnits(meta), ...bodyUnits(tree)], register))
    expect(keys).toEqual(['meta.title', 'p.a-first-paragraph-here', 'p.a-second-paragraph-here', 'cell.city', 'cell.almaty'])
  })

  it('assigns again against another register (the source catalog was edited)', () => {
    const first = documentKeys(tree, meta, new Map())
    const edited = documentKeys(tree, meta, new Map([['p.renamed', 'A second paragraph here.']]))
    expect(edited).not.toBe(first)
    expect(edited[2]).toBe('p.renamed')
  })
})
