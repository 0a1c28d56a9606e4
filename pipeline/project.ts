/**
 * Where things are, and what exists: documents in content/, locales in
 * locales/. Everything else receives a Project and never guesses paths.
 */
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { discoverDocuments } from './content/discover.ts'

export interface Project {
  root: string
  contentDir: string
  localesDir: string
  outputDir: string
  cacheDir: string
  /** The language documents are written in unless their front matter says otherwise. */
  sourceLocale: string
}

export function createProject(root: string, outputDir?: string): Project {
  const abs = path.resolve(root)
  return {
    root: abs,
    contentDir: path.join(abs, 'content'),
    localesDir: path.join(abs, 'locales'),
    outputDir: path.resolve(abs, outputDir ?? 'output'),
    cacheDir: path.join(abs, '.cache'),
    sourceLocale: 'en'
  }
}

/** A BCP 47-shaped code; anything else (`../x`, `kk/..`) is refused before it touches a path. */
export const LOCALE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/** Document names: `content/<name>.md`, sorted (editors' lock and backup files and broken links left out: content/discover.ts). */
export async function listDocuments(project: Project): Promise<string[]> {
  return (await discoverDocuments(project.contentDir)).names
}

/** Locales with a `ui.json`, source first, then in code order. */
export async function listLocales(project: Project): Promise<string[]> {
  const names = await readdir(project.localesDir).catch(() => [] as string[])
  const found: string[] = []
  for (const name of names.sort()) {
    if (!LOCALE_CODE.test(name)) continue
    const ui = await stat(path.join(project.localesDir, name, 'ui.json')).catch(() => undefined)
    if (ui?.isFile()) found.push(name)
  }
  return found.sort((a, b) => (a === project.sourceLocale ? -1 : b === project.sourceLocale ? 1 : a.localeCompare(b)))
}

export function catalogPath(project: Project, locale: string, ns: string): string {
  return path.join(project.localesDir, locale, `${ns}.json`)
}

/** Paths as an editor reads them in messages: relative to the project. */
export function displayPath(project: Project, file: string): string {
  return path.relative(project.root, file) || file
}
