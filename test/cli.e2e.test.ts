/** The command line as an editor uses it: subsets, another output folder, clear errors. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.ts'
import { REPO, smallProject } from './helpers/project.ts'

const PRESS = path.join(REPO, 'bin/press.mjs')

describe('build CLI', () => {
  it('builds a subset into another folder, with progress and a summary', () => {
    const root = smallProject()
    const { code, stdout } = runCli(root, ['--locale', 'kk', '--format', 'pdf', '--out', 'elsewhere'])
    expect(code).toBe(0)
    expect(stdout).toContain('wrote kk/interview.pdf')
    expect(stdout).toMatch(/1 edition written to .*elsewhere in \d+\.\d\d s; 0 missing translations/)
    expect(readdirSync(path.join(root, 'elsewhere/kk'))).toEqual(['interview.pdf'])
    expect(existsSync(path.join(root, 'output/kk'))).toBe(false)
  })

  it('prints its usage for --help or -h, with or without the command, and builds nothing', () => {
    const root = smallProject()
    for (const args of [['--help'], ['-h'], ['build', '--help'], ['build', '-h']]) {
      const { code, stdout, stderr } = runCli(root, args, {}, PRESS)
      expect(code, `${args.join(' ')}: ${stderr}`).toBe(0)
      for (const word of ['build', 'merge-manifests', '--locale', '--format', '--doc', '--out', '--strict', '--force', '--shard', '--quiet', '--help']) expect(stdout).toContain(word)
      expect(stdout).not.toMatch(/written to/)
    }
    expect(existsSync(path.join(root, 'output'))).toBe(false)
    const merge = runCli(root, ['merge-manifests', '--help'], {}, PRESS)
    expect([merge.code, merge.stdout]).toEqual([0, expect.stringMatching(/^Usage: npm run merge-manifests -- SHARD\/manifest.json/)])
  })

  it('refuses an unknown option or command in one line, exit code 2, and builds nothing', () => {
    const root = smallProject()
    for (const args of [['--bogus'], ['build', '--bogus'], ['frob']]) {
      const { code, stdout, stderr } = runCli(root, args, {}, PRESS)
      expect([code, stdout, stderr.trim().split('\n').length], stderr).toEqual([2, '', 1])
      expect(stderr).toMatch(/^error: Unknown (option '--bogus'|command 'frob').*--help lists the/)
    }
    expect(existsSync(path.join(root, 'output'))).toBe(false)
  })

  it('refuses an unknown locale or format with the list of known ones', () => {
    const root = smallProject()
    const locale = runCli(root, ['--locale', 'de'])
    expect(locale.code).toBe(2)
    expect(locale.stderr).toMatch(/^error: Unknown locale `de`, expected one of: en, ar, kk, ru, zh/m)
    const format = runCli(root, ['--format', 'docx'])
    expect(format.code).toBe(2)
    expect(format.stderr).toMatch(/Unknown format `docx`, expected one of: html, epub, pdf/)
    const outside = runCli(root, ['--locale', '../../x'])
    expect(outside.code).toBe(2)
    expect(outside.stderr).toMatch(/Unexpected locale `\.\.\/\.\.\/x`/)
  })

  it('falls back and warns with key and catalog file when a translation is missing', () => {
    const root = smallProject()
    writeFileSync(path.join(root, 'locales/kk/interview.json'), '{\n  "meta": {\n    "title": "Тақырып"\n  }\n}\n')
    const { code, stdout, stderr } = runCli(root, ['--locale', 'kk', '--format', 'html'])
    expect(code).toBe(0)
    expect(stderr).toContain('Missing translation for `p.we-must-understand-that-the` in locales/kk/interview.json, using the source text')
    expect(stdout).toMatch(/missing translations/)
  })

  it('fails with file, line and column for a broken catalog, and still builds the other locales', () => {
    const root = smallProject()
    writeFileSync(path.join(root, 'locales/ru/interview.json'), '{\n  "meta": {\n    "title": "x",\n  }\n}\n')
    const { code, stderr, stdout } = runCli(root, ['--format', 'html'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/locales\/ru\/interview\.json:4:3: Invalid JSON/)
    expect(stdout).toContain('wrote kk/interview.html')
    expect(stdout).toContain('wrote en/interview.html')
  })
})
