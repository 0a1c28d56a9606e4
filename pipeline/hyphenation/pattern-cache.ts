/**
 * Compiled TeX patterns kept between builds in the project's cache
 * (.cache/hyphenation/), as JSON: compiling Kazakh's 5,766 patterns costs
 * about 16 ms of CPU in a fresh process (8–10 ms of a PDF build's profile),
 * reading the compiled table back under 1 ms. An entry is named by a hash of the pattern file and of the
 * compiler's own code, so a new file or a changed compiler makes a new one;
 * one that cannot be read is compiled again and rewritten, and a cache that
 * cannot be written is left alone (the table is still compiled).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { compileTexPatterns, insertPattern, type PatternTable } from './tex-patterns.ts'

/** The patterns of pipeline/hyphenation/<file> (copied from hyph-utf8: see README.md there), compiled or from `cacheDir`. */
export function readTexPatterns(file: string, cacheDir?: string): PatternTable {
  // From pipeline/hyphenation/ and from the bundle in pipeline/.build/ alike.
  const source = readFileSync(new URL(`../hyphenation/${file}`, import.meta.url), 'utf8')
  if (!cacheDir) return compileTexPatterns(source)
  const key = createHash('sha256').update(source).update(compileTexPatterns.toString()).update(insertPattern.toString()).digest('hex').slice(0, 24)
  const entry = path.join(cacheDir, 'hyphenation', `${path.basename(file)}.${key}.json`)
  const kept = readEntry(entry)
  if (kept) return kept
  const table = compileTexPatterns(source)
  writeEntry(entry, JSON.stringify(table))
  return table
}

function readEntry(entry: string): PatternTable | undefined {
  try {
    const table: unknown = JSON.parse(readFileSync(entry, 'utf8'))
    const wellFormed = Array.isArray(table) && table.length === 2 && Array.isArray(table[0]) && typeof table[1] === 'object' && table[1] !== null && !Array.isArray(table[1])
    return wellFormed ? (table as PatternTable) : undefined
  } catch {
    return undefined
  }
}

function writeEntry(entry: string, json: string): void {
  const temporary = `${entry}.${process.pid}.tmp`
  try {
    mkdirSync(path.dirname(entry), { recursive: true })
    // Renamed into place whole: a build reading it meanwhile sees the old entry or none.
    writeFileSync(temporary, json)
    renameSync(temporary, entry)
  } catch {
    // A read-only cache: the table was compiled, which is all the build needs.
  }
}
