/**
 * Pattern tables kept between builds in the project's cache
 * (.cache/hyphenation/), as JSON: compiling Kazakh's 5,766 patterns costs
 * about 16 ms of CPU in a fresh process (8–10 ms of a PDF build's profile),
 * and loading npm `hyphen`'s English and Russian modules (their tables
 * written as JavaScript) about 19 ms; reading the same tables as JSON takes
 * about 1 and 3 ms. An entry is named by a hash of the pattern file (and of
 * the compiler's code), so a new file or a changed compiler makes a new one;
 * one that cannot be read is made again and rewritten, and a cache that
 * cannot be written is left alone (the table is still made).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { writeAtomicSync } from '../output/write-atomic.ts'
import type { HyphenTable } from './liang.ts'
import { compileTexPatterns, insertPattern, type PatternTable } from './tex-patterns.ts'

const require = createRequire(import.meta.url)

/** The patterns of pipeline/hyphenation/<file> (copied from hyph-utf8: see README.md there), compiled or from `cacheDir`. */
export function readTexPatterns(file: string, cacheDir?: string): PatternTable {
  // From pipeline/hyphenation/ and from the bundle in pipeline/.build/ alike.
  const source = readFileSync(new URL(`../hyphenation/${file}`, import.meta.url), 'utf8')
  if (!cacheDir) return compileTexPatterns(source)
  const key = [source, compileTexPatterns.toString(), insertPattern.toString()]
  return cached(cacheDir, file, key, () => compileTexPatterns(source)) as PatternTable
}

/** npm `hyphen`'s table in the module `spec` (`hyphen/patterns/<language>.js`), loaded or from `cacheDir`. */
export function readHyphenPatterns(spec: string, cacheDir?: string): HyphenTable {
  if (!cacheDir) return require(spec) as HyphenTable
  const file = require.resolve(spec)
  return cached(cacheDir, path.basename(file), [readFileSync(file, 'utf8')], () => require(spec) as HyphenTable)
}

function cached(cacheDir: string, name: string, key: readonly string[], make: () => HyphenTable): HyphenTable {
  const hash = createHash('sha256')
  for (const part of key) hash.update(part)
  const entry = path.join(cacheDir, 'hyphenation', `${path.basename(name)}.${hash.digest('hex').slice(0, 24)}.json`)
  const kept = readEntry(entry)
  if (kept) return kept
  const table = make()
  // A cache that cannot be written is left alone: the table was made, which is all the build needs.
  writeAtomicSync(entry, JSON.stringify(table))
  return table
}

function readEntry(entry: string): HyphenTable | undefined {
  try {
    const table: unknown = JSON.parse(readFileSync(entry, 'utf8'))
    const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value)
    // An empty table is no language's (it would hyphenate nothing, silently): made again.
    const wellFormed = Array.isArray(table) && (table.length === 2 || (table.length === 3 && isObject(table[2]))) && Array.isArray(table[0]) && table[0].length > 0 && isObject(table[1]) && Object.keys(table[1]).length > 0
    return wellFormed ? (table as HyphenTable) : undefined
  } catch {
    return undefined
  }
}
