/**
 * Every input that changes an edition's bytes is in its cache key and in the
 * no-change check: a trial font (PRESS_FONTS, by path and by content) or a
 * date (SOURCE_DATE_EPOCH) rebuilds, and going back gives the original bytes
 * from the cache. A missing font file fails every build, not only the first.
 */
import { copyFileSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.ts'
import { makeProject, REPO, tempDir } from './helpers/project.ts'

const require = createRequire(path.join(REPO, 'package.json'))
const SANS = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')
const MONO = require.resolve('@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf')
const ARGS = ['--locale', 'en', '--format', 'pdf']

delete process.env.PRESS_FONTS
delete process.env.SOURCE_DATE_EPOCH

describe('byte inputs in every key', () => {
  it('PRESS_FONTS and SOURCE_DATE_EPOCH rebuild when changed and come back from the cache when reverted', () => {
    const root = makeProject({ 'content/doc.md': '---\ntitle: Keys\n---\n\nA paragraph of serif text.\n' })
    const pdf = () => readFileSync(path.join(root, 'output/en/doc.pdf'))
    const run = (env: Record<string, string> = {}) => {
      const result = runCli(root, ARGS, env)
      return { ...result, said: result.stdout.includes('Nothing changed') ? 'unchanged' : /cached en\/doc\.pdf/.test(result.stdout) ? 'cached' : /wrote en\/doc\.pdf/.test(result.stdout) ? 'wrote' : 'failed' }
    }
    expect(run().said).toBe('wrote')
    const official = pdf()
    expect(run().said).toBe('unchanged')

    const trial = path.join(tempDir(), 'trial.ttf')
    copyFileSync(SANS, trial)
    expect(run({ PRESS_FONTS: `serif=${trial}` }).said).toBe('wrote')
    const withSans = pdf()
    expect(withSans.equals(official)).toBe(false)
    // The same path, other bytes.
    copyFileSync(MONO, trial)
    expect(run({ PRESS_FONTS: `serif=${trial}` }).said).toBe('wrote')
    expect(pdf().equals(withSans)).toBe(false)

    for (let time = 0; time < 2; time++) {
      const missing = run({ PRESS_FONTS: `serif=${trial}.gone` })
      expect(missing.code).toBe(1)
      expect(missing.stderr).toContain(`Cannot find font file ${trial}.gone (serif): fix the path in PRESS_FONTS`)
    }

    expect(run().said).toBe('cached')
    expect(pdf().equals(official)).toBe(true)

    expect(run({ SOURCE_DATE_EPOCH: '1700000000' }).said).toBe('wrote')
    expect(pdf().equals(official)).toBe(false)
    expect(run().said).toBe('cached')
    expect(pdf().equals(official)).toBe(true)
  })
})
