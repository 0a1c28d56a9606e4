/**
 * The hash of pipeline/'s bytes goes into every edition key and the
 * no-change check. Kept in .cache/ under what bin/press.mjs saw of the files,
 * it must be the hash of the bytes, be made again when the files look
 * different or the kept one is damaged, and never be kept without that line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { pipelineFilesDigest } from '../pipeline/output/edition-cache.ts'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function cacheDir(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'press-digest-'))
  folders.push(folder)
  return path.join(folder, '.cache')
}

describe("the pipeline's digest", () => {
  it('is kept under the files press.mjs saw, and read back while they look the same', () => {
    const dir = cacheDir()
    const made = pipelineFilesDigest(dir)
    expect(made).toMatch(/^[0-9a-f]{64}$/)
    expect(pipelineFilesDigest(dir, 'build.ts:100:1:1:7')).toBe(made)
    const file = path.join(dir, 'pipeline-files.json')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ files: 'build.ts:100:1:1:7', digest: made })
    // Read back, not made again: a kept digest stands for the bytes while the files look the same.
    writeFileSync(file, JSON.stringify({ files: 'build.ts:100:1:1:7', digest: 'a'.repeat(64) }))
    expect(pipelineFilesDigest(dir, 'build.ts:100:1:1:7')).toBe('a'.repeat(64))
  })

  it('is made again when a file looks different, or the kept one is damaged', () => {
    const dir = cacheDir()
    const file = path.join(dir, 'pipeline-files.json')
    const made = pipelineFilesDigest(dir, 'build.ts:100:1:1:7')
    writeFileSync(file, JSON.stringify({ files: 'build.ts:100:1:1:7', digest: 'a'.repeat(64) }))
    expect(pipelineFilesDigest(dir, 'build.ts:100:2:2:7')).toBe(made)
    for (const damaged of ['{"files":', 'null', JSON.stringify({ files: 'build.ts:100:2:2:7', digest: 'not a digest' })]) {
      writeFileSync(file, damaged)
      expect(pipelineFilesDigest(dir, 'build.ts:100:2:2:7')).toBe(made)
    }
  })

  it('is not kept when nothing says how the files looked (run outside bin/press.mjs)', () => {
    const dir = cacheDir()
    pipelineFilesDigest(dir)
    expect(() => readFileSync(path.join(dir, 'pipeline-files.json'))).toThrow()
  })
})
