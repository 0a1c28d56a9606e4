/**
 * tiny-inflate's `inflate(source, dest)` done by Node.js's own zlib: the raw
 * DEFLATE data of `source` inflated into `dest`, which is returned filled,
 * or a copy of as much of it as the data filled. bin/press.mjs bundles this
 * in tiny-inflate's place (unicode-trie inflates its tables with it whenever
 * its module loads: about 20 ms of every build on Node.js 20 in JavaScript).
 * CommonJS, as tiny-inflate is: unicode-trie require()s it, fontkit imports its default.
 */
const { inflateRawSync } = require('node:zlib')

module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source)
  const length = Math.min(out.length, dest.length)
  dest.set(out.subarray(0, length))
  return length < dest.length ? dest.slice(0, length) : dest
}
