/**
 * bin/bundle-parts.mjs writes the bundle in ASCII, escaping each other character as \uXXXX: the same
 * character in a comment or a regular expression, but six characters in a String.raw text. So the
 * pipeline writes its String.raw texts in ASCII (a pattern's ’ as \u2019, which RegExp reads).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'

const PIPELINE = path.resolve(import.meta.dirname, '..', 'pipeline')

it('no String.raw text in the pipeline holds a character outside ASCII', () => {
  const found: string[] = []
  for (const entry of readdirSync(PIPELINE, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.parentPath.includes('.build')) continue
    const file = path.join(entry.parentPath, entry.name)
    for (const [raw] of readFileSync(file, 'utf8').matchAll(/String\.raw`[^`]*`/g)) {
      if (/[^\0-\x7f]/.test(raw)) found.push(`${path.relative(PIPELINE, file)}: ${raw.slice(0, 60)}`)
    }
  }
  expect(found).toEqual([])
})
