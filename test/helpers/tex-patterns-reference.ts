/**
 * compileTexPatterns as it was first written (pipeline/hyphenation/
 * tex-patterns.ts at 6a966c5): a regular expression per character, a
 * closure per letter. The optimised one must make the same table
 * (test/pdf-speed.test.ts).
 */
import type { PatternTable } from '../../pipeline/hyphenation/tex-patterns.ts'

type Trie = PatternTable[1]

export function referenceCompileTexPatterns(source: string): PatternTable {
  const levels: number[][] = []
  const indexOf = new Map<string, number>()
  const root: Trie = {}
  for (const raw of source.split('\n')) {
    const pattern = raw.replace(/%.*/, '').trim()
    if (pattern === '') continue
    const letters: string[] = []
    const values: number[] = [0]
    for (const char of pattern) {
      if (/\d/.test(char)) values[values.length - 1] = Number(char)
      else {
        letters.push(char)
        values.push(0)
      }
    }
    if (letters[0] === '.') values.shift()
    while (values.length > 0 && values[values.length - 1] === 0) values.pop()
    const key = values.join(',')
    let index = indexOf.get(key)
    if (index === undefined) {
      index = levels.push(values) - 1
      indexOf.set(key, index)
    }
    insert(root, letters, index)
  }
  return [levels, root]
}

function insert(root: Trie, letters: readonly string[], index: number): void {
  let trie = root
  letters.forEach((letter, position) => {
    const node = trie[letter]
    const last = position === letters.length - 1
    if (last) {
      trie[letter] = node === undefined || typeof node === 'number' ? index : [Array.isArray(node) ? node[0] : node, index]
      return
    }
    if (node === undefined) trie = trie[letter] = {}
    else if (typeof node === 'number') trie = (trie[letter] = [{}, node])[0]
    else if (Array.isArray(node)) trie = node[0]
    else trie = node
  })
}
