/** Temporary projects for tests: a content/ and locales/ of their own. */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const SEED = path.resolve(REPO, 'test/fixtures/seed/interview.txt')

export function tempDir(prefix = 'press-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix))
}

/** A project with the given files (path → content); `ui.json` for en is copied from the repo unless given. */
export function makeProject(files: Record<string, string | Uint8Array>): string {
  const root = tempDir()
  mkdirSync(path.join(root, 'content'), { recursive: true })
  mkdirSync(path.join(root, 'locales', 'en'), { recursive: true })
  if (!('locales/en/ui.json' in files)) cpSync(path.join(REPO, 'locales/en/ui.json'), path.join(root, 'locales/en/ui.json'))
  writeProject(root, files)
  return root
}

/** The repository's interface terms (`locales/<locale>/ui.json`) in a project, for each locale: every editor's project has them. */
export function copyUiTerms(root: string, locales: readonly string[], repo = REPO): void {
  for (const locale of locales) cpSync(path.join(repo, `locales/${locale}/ui.json`), path.join(root, `locales/${locale}/ui.json`))
}

/** The GFM test document's locales: English and its hand-written Kazakh and Arabic catalogs. */
export const GFM_LOCALES = ['en', 'kk', 'ar']

/**
 * The GFM test document (test/fixtures/gfm) set up as an editor's project:
 * its content and catalogs, the repository's interface terms, and no English
 * catalog yet (run extract, as an editor does).
 */
export function gfmProject(root: string, repo = REPO): string {
  const fixture = path.join(repo, 'test/fixtures/gfm')
  cpSync(path.join(fixture, 'content'), path.join(root, 'content'), { recursive: true })
  cpSync(path.join(fixture, 'locales'), path.join(root, 'locales'), { recursive: true })
  copyUiTerms(root, GFM_LOCALES, repo)
  return root
}

/** Write files (path → content) into a project. */
export function writeProject(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    writeFileSync(path.join(root, name), data)
  }
}

/**
 * A small interview of its own (test/fixtures/small-interview: four questions,
 * its catalogs in ar, kk, ru, zh and their records, cut from the shipped
 * interview), with the repository's interface catalogs and termbases, which
 * every project carries. Most end-to-end tests build this: a quarter of the
 * shipped interview's words, and no expectation tied to its live content.
 */
export function smallProject(): string {
  const root = tempDir()
  cpSync(path.join(REPO, 'test/fixtures/small-interview'), root, { recursive: true })
  for (const locale of readdirSync(path.join(REPO, 'locales'))) {
    for (const name of readdirSync(path.join(REPO, 'locales', locale))) {
      if (name.startsWith('ui.') || name === 'terms.json') cpSync(path.join(REPO, 'locales', locale, name), path.join(root, 'locales', locale, name))
    }
  }
  return root
}

/** A copy of this repository's content and locales: the shipped interview (the seed-words test, reading time, typography). */
export function copyRepoProject(): string {
  const root = tempDir()
  cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true })
  cpSync(path.join(REPO, 'locales'), path.join(root, 'locales'), { recursive: true })
  return root
}

/** The id of a process that has exited (as a build killed with SIGKILL has). */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0'])
  return child.pid!
}
