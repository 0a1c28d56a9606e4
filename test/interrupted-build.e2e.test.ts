/**
 * A build killed part-way (SIGKILL: no clean-up runs) and two builds started
 * at once into the same folder: afterwards every file under output/ is a
 * complete, valid edition, the manifest describes exactly the bytes on disk,
 * and nothing of the previous editions is lost.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { finished, startCli } from './helpers/cli.ts'
import { smallProject, tempDir } from './helpers/project.ts'
import { outputProblems } from './helpers/validate.ts'

const EDITIONS = ['en', 'ar', 'kk', 'ru', 'zh'].flatMap((locale) => ['epub', 'html', 'pdf'].map((format) => `${locale}/interview.${format}`))

/** Change the title in every language, so every edition of the next build differs from the last. */
function retitle(root: string, suffix: string): void {
  const content = path.join(root, 'content/interview.md')
  writeFileSync(content, readFileSync(content, 'utf8').replace(/^title: "(.*)"$/m, `title: "$1 ${suffix}"`))
  for (const locale of ['kk', 'ru']) {
    const file = path.join(root, `locales/${locale}/interview.json`)
    const catalog = JSON.parse(readFileSync(file, 'utf8')) as { meta: { title: string } }
    catalog.meta.title += ` ${suffix}`
    writeFileSync(file, JSON.stringify(catalog, null, 2) + '\n')
  }
}

/** Start a build and SIGKILL it as soon as it has written `after` editions. */
async function killAfter(root: string, after: number): Promise<string> {
  const child = startCli(root, [])
  let wrote = 0
  child.stdout.on('data', (chunk: Buffer) => {
    wrote += (chunk.toString().match(/ wrote /g) ?? []).length
    if (wrote >= after) child.kill('SIGKILL')
  })
  const result = await finished(child)
  expect(result.signal).toBe('SIGKILL')
  return result.stdout
}

describe('an interrupted build', () => {
  for (const after of [1]) {
    it(`killed after ${after} edition(s) leaves every file whole and the manifest true`, async () => {
      const root = smallProject()
      await build({ root })
      retitle(root, '(revised)')
      const stdout = await killAfter(root, after)
      expect(stdout).toContain(' wrote ')

      const output = path.join(root, 'output')
      const report = await outputProblems(output)
      expect(report.problems).toEqual([])
      // Nothing lost: every edition is there, from the killed build or the one before.
      expect(report.files).toEqual(expect.arrayContaining(EDITIONS))
      const manifest = JSON.parse(readFileSync(path.join(output, 'manifest.json'), 'utf8')) as { files: Array<{ path: string }> }
      // Listed: every edition, old or new, except at most the one being replaced when the build died.
      const listed = manifest.files.map((entry) => entry.path)
      expect(EDITIONS.filter((edition) => !listed.includes(edition)).length).toBeLessThanOrEqual(1)

      // The next build takes over the dead build's lock and removes its leftovers.
      const next = await build({ root })
      expect(next.failures).toEqual([])
      const after2 = await outputProblems(output)
      expect(after2.problems).toEqual([])
      expect(after2.temporaries).toEqual([])
      expect(JSON.parse(readFileSync(path.join(output, 'manifest.json'), 'utf8')).files.map((entry: { path: string }) => entry.path))
        .toEqual(expect.arrayContaining([...EDITIONS, 'index.html']))
    })
  }
})

describe('two builds started at once into one folder', () => {
  it('both finish, and every file is whole and described by the manifest', async () => {
    const out = tempDir('press-shared-')
    const first = smallProject()
    const second = smallProject()
    retitle(second, '(second)')
    const results = await Promise.all([first, second].map((root) => finished(startCli(root, ['--out', out]))))
    for (const result of results) {
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(new RegExp(`${EDITIONS.length} editions written`))
    }
    const report = await outputProblems(out)
    expect(report.problems).toEqual([])
    expect(report.temporaries).toEqual([])
    expect(report.files).toEqual(expect.arrayContaining([...EDITIONS, 'index.html', 'manifest.json']))
  })
})
