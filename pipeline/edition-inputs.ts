/**
 * The one definition of which files make an edition (one document in one
 * locale). The edition cache hashes them (output/edition-cache.ts), the
 * no-change check hashes the project's files, which hold every edition's
 * (output/up-to-date.ts), and the live preview plans a save's rebuild and
 * keeps an edition's last good page while one of them is broken (dev/).
 */
import { readdirSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { isEditorLitter } from './content/discover.ts'
import { pathInside } from './inside.ts'
import { IMAGE_EXTENSIONS } from './plugins/remark-local-images.ts'
import { catalogPath, type Project } from './project.ts'

/** The project's documents and languages, as a build or the preview knows them. */
export interface KnownEditions {
  docs: readonly string[]
  locales: readonly string[]
  sourceLocale: string
}

export interface EditionInputs {
  /** `content/<doc>.md`. */
  document: string
  /** The catalogs the edition's words come from: the locale's (document, interface) and the source's (the register of keys, the interface's fallback). */
  catalogs: string[]
  /** Every other language's interface catalog: each names its language in the switcher. */
  languageNames: string[]
  /** The locale's folder: every file in it is an input (records of translations too), but other documents' catalogs. */
  localeDir: string
  otherCatalogs: string[]
  /** The content folder, whose images any edition may show. */
  contentDir: string
}

export function editionInputs(project: Project, doc: string, locale: string, known: KnownEditions): EditionInputs {
  const catalogs = [...new Set([catalogPath(project, locale, doc), catalogPath(project, locale, 'ui'), catalogPath(project, known.sourceLocale, doc), catalogPath(project, known.sourceLocale, 'ui')])]
  return {
    document: path.join(project.contentDir, `${doc}.md`),
    catalogs,
    languageNames: known.locales.map((other) => catalogPath(project, other, 'ui')).filter((file) => !catalogs.includes(file)),
    localeDir: path.join(project.localesDir, locale),
    otherCatalogs: known.docs.filter((other) => other !== doc).map((other) => catalogPath(project, locale, other)),
    contentDir: project.contentDir
  }
}

/** Whether `file` (absolute) is one of the edition's inputs; it need not exist (a removed file changes the edition too). */
export function isEditionInput(inputs: EditionInputs, file: string): boolean {
  if (file === inputs.document || inputs.catalogs.includes(file) || inputs.languageNames.includes(file)) return true
  const inLocale = pathInside(inputs.localeDir, file)
  if (inLocale && !inLocale.includes(path.sep)) return !inputs.otherCatalogs.includes(file) && !isEditorLitter(file)
  return isImage(inputs.contentDir, file)
}

/** The inputs that exist, in a stable order: what an edition's cache key hashes. */
export function editionInputFiles(inputs: EditionInputs): string[] {
  const candidates = [inputs.document, ...inputs.catalogs, ...inputs.languageNames, ...filesIn(inputs.localeDir), ...filesUnder(inputs.contentDir)]
  return [...new Set(candidates)].filter((file) => isEditionInput(inputs, file) && statOrNothing(file)?.isFile())
}

/** Every file of content/ and locales/: every edition's inputs, and what the index, the status page and discovery read. */
export function projectInputFiles(project: Project): string[] {
  return [...filesUnder(project.contentDir), ...filesUnder(project.localesDir)]
}

function isImage(contentDir: string, file: string): boolean {
  const relative = pathInside(contentDir, file)
  return Boolean(relative) && IMAGE_EXTENSIONS.has(path.extname(file).toLowerCase()) && !isEditorLitter(file)
}

/** The regular files directly in `dir`. */
function filesIn(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir).sort()
  } catch {
    return []
  }
  return names.map((name) => path.join(dir, name)).filter((file) => statOrNothing(file)?.isFile())
}

/**
 * Every regular file below `dir`, in a stable order. Editors' lock, swap and
 * backup files are not inputs; a broken link, a link loop or a folder
 * reached twice is passed over (discovery warns about them).
 */
export function filesUnder(dir: string, seen = new Set<string>()): string[] {
  const found: string[] = []
  let names: string[]
  try {
    const real = realpathSync(dir)
    if (seen.has(real)) return found
    seen.add(real)
    names = readdirSync(dir).sort()
  } catch {
    return found
  }
  for (const name of names) {
    if (isEditorLitter(name)) continue
    const file = path.join(dir, name)
    const stats = statOrNothing(file)
    if (stats?.isDirectory()) found.push(...filesUnder(file, seen))
    else if (stats?.isFile()) found.push(file)
  }
  return found
}

function statOrNothing(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined // broken link, loop, no permission
  }
}
