/**
 * The same inputs give the same bytes: two builds in two folders, at
 * different times and in different time zones, publish identical files.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.ts'
import { smallProject } from './helpers/project.ts'

function buildIn(root: string, env: Record<string, string>): Map<string, string> {
  const child = runCli(root, ['--quiet'], env)
  expect(child.code, child.stderr).toBe(0)
  const manifest = JSON.parse(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> }
  return new Map(manifest.files.map((entry) => [entry.path, entry.sha256]))
}

describe('reproducible builds', () => {
  it('publishes byte-identical HTML, EPUB and PDF from the same inputs', () => {
    const first = buildIn(smallProject(), { SOURCE_DATE_EPOCH: '1700000000', TZ: 'UTC' })
    const second = buildIn(smallProject(), { SOURCE_DATE_EPOCH: '1700000000', TZ: 'Asia/Almaty' })
    expect([...first.keys()].filter((file) => /\.(html|epub|pdf)$/.test(file)).length).toBeGreaterThanOrEqual(9)
    expect(second).toEqual(first)
  })

  it('changes the bytes when the date changes, so the date really is in them', () => {
    const first = buildIn(smallProject(), { SOURCE_DATE_EPOCH: '1700000000' })
    const later = buildIn(smallProject(), { SOURCE_DATE_EPOCH: '1800000000' })
    expect(later.get('en/interview.epub')).not.toBe(first.get('en/interview.epub'))
    expect(later.get('en/interview.pdf')).not.toBe(first.get('en/interview.pdf'))
  })
})
