/**
 * Font subsets kept in .cache/fonts/ are found by a key that holds the code
 * and locked libraries that made them: a file an older encoder or subsetter
 * left under the key of the same face and characters is never served.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pipelineVersion } from '../pipeline/output/edition-cache.ts'
import { npmFace } from '../pipeline/render/fonts/npm-faces.ts'
import { cachedSubset, subsetKey } from '../pipeline/render/fonts/web-fonts.ts'
import { tempDir } from './helpers/project.ts'

const CODES = [0x41, 0x42, 0x43]

describe('the subset cache', () => {
  it('keys a subset by the code that makes it, besides the face, the format and the characters', () => {
    const { file } = npmFace('notoSerif')
    expect(subsetKey(file, 'woff2', CODES, 'a')).toBe(subsetKey(file, 'woff2', CODES, 'a'))
    expect(subsetKey(file, 'woff2', CODES, 'b')).not.toBe(subsetKey(file, 'woff2', CODES, 'a'))
    expect(subsetKey(file, 'truetype', CODES, 'a')).not.toBe(subsetKey(file, 'woff2', CODES, 'a'))
    expect(subsetKey(file, 'woff2', [0x41], 'a')).not.toBe(subsetKey(file, 'woff2', CODES, 'a'))
  })

  it('serves what the current code kept, and never a file kept under a key without it', async () => {
    const root = tempDir('press-subsets-')
    const cacheDir = path.join(root, '.cache')
    mkdirSync(path.join(cacheDir, 'fonts'), { recursive: true })
    const { file } = npmFace('notoSerif')
    const { size, mtimeMs } = statSync(file)
    // As builds before the code was in the key named the file.
    const codeless = createHash('sha256').update(`${file}\u0000${size}\u0000${mtimeMs}\u0000truetype\u0000ABC`).digest('hex')
    writeFileSync(path.join(cacheDir, 'fonts', `${codeless}.truetype`), 'an older encoder')
    const made = await cachedSubset('notoSerif', CODES, 'truetype', cacheDir)
    expect(made.data.subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]))
    // And a file under the current key is what a later build gets.
    const current = path.join(cacheDir, 'fonts', `${subsetKey(file, 'truetype', CODES, pipelineVersion(root))}.truetype`)
    expect(made.file).toBe(current)
    writeFileSync(current, 'kept')
    expect((await cachedSubset('notoSerif', CODES, 'truetype', cacheDir)).data.toString()).toBe('kept')
  })
})
