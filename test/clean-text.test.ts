/**
 * The last clean of an edition's tree (rehype-clean-text.ts) walks it by
 * plain recursion, and cleanText first scans for the units a forbidden
 * character is made of: the same values and the same messages, in the same
 * order, as unist-util-visit and the full expression gave, on random trees.
 */
import fc from 'fast-check'
import type { Element, ElementContent, Root } from 'hast'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { cleanText } from '../pipeline/content/untrusted-text.ts'
import { cleanTree } from '../pipeline/plugins/rehype-clean-text.ts'
import { referenceCleanText, referenceCleanTree } from './helpers/clean-text-reference.ts'

const UNITS = ['a', 'Ж', 'ب', '中', ' ', '\t', '\n', '\r', '\u0000', '\u0007', '\u000c', '\u007f', '\u0085', '\u009f', '\u00a0', '\ufdd0', '\ufdef', '\ufffe', '\uffff', '\ufffd',
  '\u{1fffe}', '\u{10ffff}', '\u{1fffd}', '😀', '\ud800', '\udfff', '\ud83d']
const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 8 }).map((units) => units.join(''))

describe('the last clean of an edition', () => {
  it('cleans a text as the full expression did', () => {
    fc.assert(fc.property(text, (value) => {
      expect(cleanText(value)).toEqual(referenceCleanText(value))
    }), { numRuns: 3000, seed: 17 })
  })

  it('cleans a tree as the visit did: values, messages and their order', () => {
    const tree = fc.letrec<{ node: ElementContent }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text.map((value): ElementContent => ({ type: 'text', value, position: { start: { line: value.length + 1, column: 1 }, end: { line: value.length + 1, column: 2 } } })),
        fc.record({ title: text, lang: fc.constantFrom('en', 'ar'), children: fc.array(tie('node'), { maxLength: 3 }) })
          .map(({ title, lang, children }): Element => ({ type: 'element', tagName: 'p', properties: { title, lang, hidden: false }, children }))
      )
    })).node
    fc.assert(fc.property(fc.array(tree, { maxLength: 4 }), (children) => {
      const mine: Root = { type: 'root', children: structuredClone(children) }
      const theirs: Root = { type: 'root', children: structuredClone(children) }
      const [a, b] = [new VFile({ path: 'x' }), new VFile({ path: 'x' })]
      cleanTree(mine, a)
      referenceCleanTree(theirs, b)
      expect(mine).toEqual(theirs)
      expect(a.messages.map(String)).toEqual(b.messages.map(String))
    }), { numRuns: 800, seed: 17 })
  })
})
