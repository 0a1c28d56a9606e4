/**
 * bin/native-inflate.cjs stands in for tiny-inflate in the bundle
 * (bin/press.mjs): Node.js's zlib must give what tiny-inflate gives, for the
 * Unicode tables unicode-trie inflates and when the data fills less than
 * the room given.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const root = path.resolve(import.meta.dirname, '..')
type Inflate = (source: Uint8Array, dest: Uint8Array) => Uint8Array
const tinyInflate = require('tiny-inflate') as Inflate
const nativeInflate = require('../bin/native-inflate.cjs') as Inflate

/** A trie file's data as unicode-trie reads it: a 12-byte header, then the table deflated twice. */
function trieTable(inflate: Inflate, file: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(path.join(root, 'node_modules/fontkit/src/opentype/shapers', file)))
  const length = new DataView(bytes.buffer).getUint32(8, true)
  return inflate(inflate(bytes.subarray(12), new Uint8Array(length)), new Uint8Array(length))
}

describe('tiny-inflate done by zlib', () => {
  it.each(['data.trie', 'indic.trie', 'use.trie'])('inflates unicode-trie\'s %s to the same table', (file) => {
    const table = trieTable(nativeInflate, file)
    expect(table.length).toBeGreaterThan(1000)
    expect(Buffer.from(table).equals(Buffer.from(trieTable(tinyInflate, file)))).toBe(true)
  })

  it('gives a copy of what the data filled when the room is larger, and the room itself when it is filled', () => {
    const text = new TextEncoder().encode('Knuth and Plass, '.repeat(50))
    const deflated = deflateRawSync(text)
    for (const room of [text.length, text.length + 40]) {
      const [ours, theirs] = [nativeInflate, tinyInflate].map((inflate) => {
        const dest = new Uint8Array(room)
        return { dest, out: inflate(deflated, dest) }
      })
      expect(Buffer.from(ours!.out).equals(Buffer.from(theirs!.out))).toBe(true)
      expect(ours!.out === ours!.dest).toBe(theirs!.out === theirs!.dest)
    }
  })

  it('is what bin/press.mjs bundles for tiny-inflate', () => {
    const press = readFileSync(path.join(root, 'bin/press.mjs'), 'utf8')
    expect(press).toContain("build.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: path.join(root, 'bin', 'native-inflate.cjs') }))")
    expect(press).toMatch(/plugins: \[[^\]]*nativeInflate[^\]]*\]/)
  })
})
