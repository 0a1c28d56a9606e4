/**
 * Liang patterns as TeX writes them (`а1ба`, `.у2т`, one a line) turned into
 * the table npm `hyphen` hyphenates with, so a language that package does
 * not ship (Kazakh) is looked up as English and Russian are (liang.ts).
 * `hyphen`'s table is [levels, trie]: the trie's nodes are an
 * object of children, a number (a leaf: an index into levels) or
 * [children, index]; a pattern's levels are the values between its letters,
 * the value before a leading `.` left out (it is always 0).
 */
type Trie = { [letter: string]: TrieNode }
type TrieNode = Trie | number | [Trie, number]
export type PatternTable = [number[][], Trie]

/**
 * Every pattern passes here once per build that sets Kazakh (5,766 of them),
 * before V8 has optimised this code: characters by index, no regular
 * expression per character, no closure per letter.
 */
export function compileTexPatterns(source: string): PatternTable {
  const levels: number[][] = []
  const indexOf = new Map<string, number>()
  const root: Trie = {}
  const lines = source.split('\n')
  for (let line = 0; line < lines.length; line++) {
    const raw = lines[line]!
    const pattern = (raw.includes('%') ? raw.replace(/%.*/, '') : raw).trim()
    if (pattern === '') continue
    const letters: string[] = []
    const values: number[] = [0]
    for (let at = 0; at < pattern.length;) {
      const code = pattern.codePointAt(at)!
      const length = code > 0xffff ? 2 : 1
      if (code >= 0x30 && code <= 0x39) values[values.length - 1] = code - 0x30
      else {
        letters.push(length === 1 ? pattern[at]! : pattern.slice(at, at + 2))
        values.push(0)
      }
      at += length
    }
    if (letters[0] === '.') values.shift()
    while (values.length > 0 && values[values.length - 1] === 0) values.pop()
    const key = values.join(',')
    let index = indexOf.get(key)
    if (index === undefined) {
      index = levels.push(values) - 1
      indexOf.set(key, index)
    }
    insertPattern(root, letters, index)
  }
  return [levels, root]
}

export function insertPattern(root: Trie, letters: readonly string[], index: number): void {
  let trie = root
  const last = letters.length - 1
  for (let position = 0; position < last; position++) {
    const letter = letters[position]!
    const node = trie[letter]
    if (node === undefined) trie = trie[letter] = {}
    else if (typeof node === 'number') trie = (trie[letter] = [{}, node])[0]
    else if (Array.isArray(node)) trie = node[0]
    else trie = node
  }
  if (last < 0) return
  const letter = letters[last]!
  const node = trie[letter]
  trie[letter] = node === undefined || typeof node === 'number' ? index : [Array.isArray(node) ? node[0] : node, index]
}
