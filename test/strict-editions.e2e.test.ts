/**
 * --strict counts refused editions, not groups, and a refused edition's
 * older file is no longer published (manifest, index, disk).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.ts'
import { smallProject } from './helpers/project.ts'

describe('--strict', () => {
  it('counts each refused edition and unpublishes its older file', () => {
    const root = smallProject()
    expect(runCli(root, ['--format', 'html,epub']).code).toBe(0)
    for (const locale of ['kk', 'ru']) {
      const file = path.join(root, `locales/${locale}/interview.json`)
      const catalog = JSON.parse(readFileSync(file, 'utf8')) as { p: Record<string, string> }
      delete catalog.p[Object.keys(catalog.p)[0]!]
      writeFileSync(file, JSON.stringify(catalog, null, 2))
    }
    const { code, stdout } = runCli(root, ['--format', 'html,epub', '--strict'])
    expect(code).toBe(1)
    expect(stdout).toMatch(/^6 editions written to .* in [\d.]+ s; 2 missing translations; 4 failed/m)
    for (const gone of ['kk/interview.html', 'kk/interview.epub', 'ru/interview.html', 'ru/interview.epub']) {
      expect(stdout).toContain(`removed ${gone} (refused by --strict)`)
      expect(existsSync(path.join(root, 'output', gone)), gone).toBe(false)
      expect(readFileSync(path.join(root, 'output/manifest.json'), 'utf8')).not.toContain(`"${gone}"`)
      expect(readFileSync(path.join(root, 'output/index.html'), 'utf8')).not.toContain(`href="${gone}"`)
    }
  })
})
