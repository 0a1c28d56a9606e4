/**
 * `npm run i18n:add -- de`: a new language is its folder with empty
 * catalogs, `ui.json` and one per document. Empty, not English copies: a
 * placeholder would look translated. The build finds the language by its
 * ui.json and makes editions that fall back to the source, with a warning
 * per key; the status shows it at 0 %.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../report.ts'
import { catalogPath, displayPath, listDocuments, LOCALE_CODE, type Project } from '../project.ts'
import { PSEUDO_LOCALE } from '../i18n/pseudo.ts'


/** @returns the files created, project-relative */
export async function addLocale(project: Project, code: string): Promise<string[]> {
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
  const ui = catalogPath(project, code, 'ui')
  if (await stat(ui).catch(() => undefined)) throw new UsageError(`Unexpected locale \`${code}\`: ${displayPath(project, ui)} exists already`)
  const created: string[] = []
  for (const ns of [...(await listDocuments(project)), 'ui']) {
    const file = catalogPath(project, code, ns)
    await mkdir(path.dirname(file), { recursive: true })
    // ui.json last: it is what makes the language visible to the build.
    await writeFile(file, '{}\n', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => { if (error.code !== 'EEXIST') throw error })
    created.push(displayPath(project, file))
  }
  return created
}
