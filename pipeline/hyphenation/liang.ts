/**
 * One word's hyphenation points from a Liang pattern table as npm `hyphen`
 * ships it ([levels, trie, exceptions?]; tex-patterns.ts makes Kazakh's),
 * the same points as that package's `hyphenateSync` gives the word, without
 * its text scanner: `hyphenateSync` reads its input a character at a time
 * through closures and an array per character to find the words, slices
 * the word once per position and makes an object per trie step, about
 * 30 ms of CPU for the five PDFs' words in a cold build (README, "Where the
 * time goes"). The pattern walk below is `hyphen`'s `hyphenateWord`
 * (1.14.1, ISC), step for step with its edge cases (the level table may
 * grow past the word, its first two and last two entries are cleared
 * after), so that both give the same points: test/pdf-speed.test.ts
 * compares them on the editions' words.
 */
import type { PatternTable } from './tex-patterns.ts'

/** `hyphen`'s table: levels, trie, and words with their points given outright (English has 14). */
export type HyphenTable = PatternTable | [...PatternTable, Record<string, number[]>]

type TrieStep = PatternTable[1][string]
const NO_CHILDREN: PatternTable[1] = {}

/** The UTF-16 offsets in `word` a hyphen may go before, as `hyphenateSync(word)` marks them. */
export function liangPoints(table: HyphenTable, word: string): number[] {
  const lowered = word.toLocaleLowerCase()
  const exceptions = table[2]
  const markers = exceptions && Object.hasOwn(exceptions, lowered) ? exceptions[lowered]! : patternMarkers(word, lowered, table[0], table[1])
  // `hyphen` inserts its hyphen character at each marker; one past the word's end lands at its end.
  const points: number[] = []
  for (let at = 0; at < markers.length; at++) points.push(Math.min(markers[at]!, word.length))
  return points
}

function patternMarkers(word: string, lowered: string, levelTable: readonly number[][], trie: PatternTable[1]): number[] {
  const dotted = `.${lowered}.`
  const levels: number[] = new Array(word.length + 1)
  for (let at = 0; at < levels.length; at++) levels[at] = 0
  // `hyphen` walks from every position with at least three characters left; the first two both apply at level 0.
  for (let from = 0; dotted.length - from >= 3; from++) {
    const entity = from === 0 ? 0 : from - 1
    let children = trie
    for (let at = from; at < dotted.length; at++) {
      const step: TrieStep | undefined = children[dotted[at]!]
      if (step === undefined) break
      let index = -1
      if (Array.isArray(step)) {
        children = step[0]
        index = step[1]
      } else if (typeof step === 'number') {
        children = NO_CHILDREN
        index = step
      } else children = step
      if (index < 0) continue
      const values = levelTable[index]!
      for (let k = 0; k < values.length; k++) levels[entity + k] = Math.max(values[k]!, levels[entity + k]!)
    }
  }
  levels[0] = levels[1] = levels[levels.length - 1] = levels[levels.length - 2] = 0
  const markers: number[] = []
  for (let at = 0; at < levels.length; at++) if ((levels[at]! & 1) === 1) markers.push(at)
  return markers
}
