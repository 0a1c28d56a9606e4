/**
 * `npm run i18n:add -- de`: a new language is its folder with empty
 * catalogs, `ui.json` and one per document. Empty, not English copies: a
 * placeholder would look translated. The build finds the language by its
 * ui.json and makes editions that fall back to the source, with a warning
 * per key; the status shows it at 0 %.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../report.ts'
import { catalogPath, displayPath, listDocuments, listLocales, LOCALE_CODE, type Project } from '../project.ts'
import { PSEUDO_LOCALE } from '../i18n/pseudo.ts'


export interface Added {
  /** Catalogs that were there already and are kept as they are (a partial language), project-relative. */
  found: string[]
  /** Catalogs created, empty. */
  created: string[]
}

export async function addLocale(project: Project, code: string): Promise<Added> {
  let canonical: string | undefined
  try {
    canonical = Intl.getCanonicalLocales(code)[0]
  } catch {
    canonical = undefined
  }
  if (!LOCALE_CODE.test(code) || canonical !== code) {
    throw new UsageError(`Unexpected locale \`${code}\`, expected a BCP 47 language code such as de, pt-BR or zh-Hans${canonical && canonical !== code ? ` (did you mean ${canonical}?)` : ''}`)
  }
  if (code === project.sourceLocale || code === PSEUDO_LOCALE) throw new UsageError(`Unexpected locale \`${code}\`: it is the source or the built-in pseudo-locale`)
  const namespaces = [...(await listDocuments(project)), 'ui']
  const exists = async (ns: string) => Boolean(await stat(catalogPath(project, code, ns)).catch(() => undefined))
  const found: string[] = []
  for (const ns of namespaces) if (await exists(ns)) found.push(displayPath(project, catalogPath(project, code, ns)))
  if (await exists('ui')) {
    throw new UsageError(`Unexpected locale \`${code}\`: it exists already (found ${found.join(', ')}); nothing created. Its status: npm run i18n:status`)
  }
  const added: Added = { found, created: [] }
  for (const ns of namespaces) {
    const file = catalogPath(project, code, ns)
    await mkdir(path.dirname(file), { recursive: true })
    // ui.json last: it is what makes the language visible to the build.
    const made = await writeFile(file, '{}\n', { flag: 'wx' }).then(() => true, (error: NodeJS.ErrnoException) => { if (error.code !== 'EEXIST') throw error; return false })
    if (made) added.created.push(displayPath(project, file))
  }
  return added
}

/** Folders of locales/ named like a language, without ui.json: catalogs no build uses yet. */
export async function partialLocales(project: Project): Promise<string[]> {
  const names = await readdir(project.localesDir).catch(() => [] as string[])
  const known = new Set(await listLocales(project))
  const partial: string[] = []
  for (const name of names.sort()) {
    if (LOCALE_CODE.test(name) && !known.has(name) && (await stat(path.join(project.localesDir, name)).catch(() => undefined))?.isDirectory()) partial.push(name)
  }
  return partial
}
