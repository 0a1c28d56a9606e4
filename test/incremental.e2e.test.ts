/**
 * The build as an editor runs it again and again (through bin/press.mjs, as
 * `npm run build:all` does): nothing changed → nothing built; one catalog
 * value changed → only that locale's editions built; a damaged cache entry is
 * never served; shards build disjoint shares that merge into the whole.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { smallProject, REPO } from './helpers/project.ts'

function press(root: string, ...args: string[]) {
  const child = spawnSync(process.execPath, [path.join(REPO, 'bin/press.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } })
  expect(child.status, child.stderr).toBe(0)
  return child.stdout
}

const built = (stdout: string) => [...stdout.matchAll(/^ {2}wrote (\S+)/gm)].map((match) => match[1]!).filter((file) => !file.endsWith(".html")).sort()
const cached = (stdout: string) => [...stdout.matchAll(/^ {2}cached (\S+)/gm)].map((match) => match[1]!).sort()
const manifestOf = (root: string, out = 'output') => JSON.parse(readFileSync(path.join(root, out, 'manifest.json'), 'utf8')) as { files: Array<{ path: string; sha256: string; document: string | null }> }

describe('incremental builds', () => {
  it('build nothing when nothing changed, and only the changed locale after a catalog edit', () => {
    const root = smallProject()
    const first = press(root, 'build')
    const editions = built(first)
    expect(editions).toContain('kk/interview.pdf')
    const times = new Map(readdirSync(path.join(root, 'output/kk')).map((name) => [name, statSync(path.join(root, 'output/kk', name)).mtimeMs]))

    const again = press(root, 'build')
    expect(again).toMatch(/Nothing changed: all \d+ editions .* are up to date/)
    expect(built(again)).toEqual([])
    for (const [name, time] of times) expect(statSync(path.join(root, 'output/kk', name)).mtimeMs).toBe(time)

    const catalog = path.join(root, 'locales/kk/interview.json')
    writeFileSync(catalog, readFileSync(catalog, 'utf8').replace('"Юрген Шток"', '"Юрген Шток (сұхбат)"'))
    const changed = press(root, 'build')
    expect(built(changed)).toEqual(['kk/interview.epub', 'kk/interview.pdf'])
    expect(cached(changed)).toEqual(editions.filter((file) => !file.startsWith('kk/')))

    const forced = press(root, 'build', '--force')
    expect(built(forced)).toEqual(editions)
  })

  it('never serves a damaged cache entry', () => {
    const root = smallProject()
    press(root, 'build', '--locale', 'ru', '--format', 'pdf')
    const good = manifestOf(root).files.find((file) => file.path === 'ru/interview.pdf')!.sha256
    const cacheDir = path.join(root, '.cache/editions')
    for (const dir of readdirSync(cacheDir)) {
      for (const name of readdirSync(path.join(cacheDir, dir))) if (name.endsWith('.bin')) writeFileSync(path.join(cacheDir, dir, name), 'damaged')
    }
    const rebuilt = press(root, 'build', '--locale', 'ru', '--format', 'pdf', '--out', 'again')
    expect(built(rebuilt)).toEqual(['ru/interview.pdf'])
    expect(manifestOf(root, 'again').files.find((file) => file.path === 'ru/interview.pdf')!.sha256).toBe(good)
  })

  it('shards build disjoint shares whose merged manifest is the whole build', () => {
    const root = smallProject()
    const one = built(press(root, 'build', '--shard', '1/2', '--out', 'shard-1', '--format', 'epub,pdf', '--force'))
    const two = built(press(root, 'build', '--shard', '2/2', '--out', 'shard-2', '--format', 'epub,pdf', '--force'))
    expect(one.filter((file) => two.includes(file))).toEqual([])
    const whole = built(press(root, 'build', '--out', 'whole', '--format', 'epub,pdf', '--force'))
    expect([...one, ...two].sort()).toEqual(whole)
    press(root, 'merge-manifests', 'shard-1/manifest.json', 'shard-2/manifest.json', '--out', 'merged.json')
    const merged = JSON.parse(readFileSync(path.join(root, 'merged.json'), 'utf8')) as { files: Array<{ path: string; sha256: string }> }
    const editionsOf = (files: Array<{ path: string; sha256: string }>) => files.filter((file) => /\.(epub|pdf)$/.test(file.path)).map((file) => [file.path, file.sha256])
    expect(editionsOf(merged.files)).toEqual(editionsOf(manifestOf(root, 'whole').files))
  })
})
