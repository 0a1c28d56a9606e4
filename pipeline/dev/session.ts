/**
 * The preview's warm state: parsed documents, catalogs and one i18next
 * instance stay in memory between saves. A save re-reads only the files it
 * touched (plan from changes.ts); rendering goes through the build's own
 * writeEdition into the preview folder. A file that cannot be read becomes a
 * Problem and leaves the last good state (and the last good pages) in place.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { i18n as I18n } from 'i18next'
import { isCatalogFailure } from '../messages.ts'
import { problemOf, type Problem } from '../report.ts'
import { writeEdition } from '../write-edition.ts'
import { loadDocument, type LoadedDocument } from '../content/load-document.ts'
import { readCatalog, type Catalog } from '../i18n/catalog.ts'
import { createI18n, uiTranslator } from '../i18n/create-i18n.ts'
import { loadCatalogs, registerOf, toResources, type Catalogs } from '../i18n/load-catalogs.ts'
import { sameBytesPublisher } from '../output/publish.ts'
import { writeAtomic } from '../output/write-atomic.ts'
import type { ManifestEntry } from '../output/manifest.ts'
import { factsOf, languagesOf, prepareEdition, type PrepareContext, type PreparedEdition } from '../prepare-edition.ts'
import { catalogPath, createProject, displayPath, listDocuments, listLocales, type Project } from '../project.ts'
import { renderIndex } from '../render/index-page.ts'
import { forgetTemplates, template } from '../render/templates.ts'
import { editionInputs } from '../edition-inputs.ts'
import { FORMATS } from '../types.ts'
import { editionPath, type EditionId, type Known, type RebuildPlan } from './changes.ts'
import { keyAt } from './key-at.ts'
import type { StatusSource } from './outdated.ts'
import { documentLoader, type CatalogLookup, type DocumentLoader } from '../translation/sources.ts'
import type { ProjectStatus } from '../translation/status/status.ts'
import { decorateEdition, decorateIndex } from './preview-page.ts'


export interface Session {
  project: Project
  known: Known
  documents: Map<string, LoadedDocument>
  catalogs: Catalogs
  i18n: I18n
  /** By the file that cannot be read (or `render <edition>` for an edition that failed). */
  problems: Map<string, Problem>
  /** Editions whose page is in the preview folder: kept as the last good one while an input is broken. */
  rendered: Set<string>
  media: ManifestEntry[]
  /** The translation status outdated segments are flagged from (once per batch of saves). */
  status: StatusSource
}

export type RenderOutcome =
  | { id: EditionId; path: string; milliseconds: number; missing: number; edition: PreparedEdition }
  | { id: EditionId; path: string; skipped: string }

/** Read everything once. `outDir` is the preview folder, relative to root. */
export async function openSession(root: string, outDir: string, status: StatusSource): Promise<Session> {
  const project = createProject(root, outDir)
  const locales = await listLocales(project)
  const docs = await listDocuments(project)
  const { catalogs, errors } = await loadCatalogs(project, locales, docs)
  const session: Session = {
    project,
    known: { docs, locales, sourceLocale: project.sourceLocale },
    documents: new Map(),
    catalogs,
    i18n: await createI18n(toResources(catalogs), project.sourceLocale),
    problems: new Map(),
    rendered: new Set(),
    media: [],
    status
  }
  // loadCatalogs gives up on a whole locale at its first bad file; read its files one by one so only that file is missing.
  for (const locale of errors.keys()) for (const ns of ['ui', ...docs]) await reloadCatalog(session, locale, ns)
  for (const doc of docs) await reloadDocument(session, doc)
  return session
}

/** Re-read what the plan names. Returns the session to use from now on (a new one after a reload). */
export async function applyPlan(session: Session, plan: RebuildPlan): Promise<Session> {
  // Templates are read again when next used (templates.ts caches them), also after a reload.
  if (plan.templates) forgetTemplates()
  if (plan.reload) {
    const fresh = await openSession(session.project.root, path.relative(session.project.root, session.project.outputDir), session.status)
    fresh.rendered = session.rendered
    return fresh
  }
  if (plan.assets) session.media = []
  for (const doc of plan.documents) await reloadDocument(session, doc)
  for (const { locale, ns } of plan.catalogs) await reloadCatalog(session, locale, ns)
  return session
}

export async function reloadDocument(session: Session, doc: string): Promise<void> {
  const file = path.join(session.project.contentDir, `${doc}.md`)
  const shown = displayPath(session.project, file)
  try {
    session.documents.set(doc, await loadDocument(file, session.project.sourceLocale))
    session.problems.delete(shown)
  } catch (error) {
    session.problems.set(shown, problemOf(error, shown, session.project))
  }
}

export async function reloadCatalog(session: Session, locale: string, ns: string): Promise<void> {
  const file = catalogPath(session.project, locale, ns)
  const shown = displayPath(session.project, file)
  let catalog: Catalog
  try {
    catalog = await readSettledCatalog(file, shown)
  } catch (error) {
    const problem = problemOf(error, shown, session.project)
    if (problem.line && problem.column && !problem.key) {
      problem.key = keyAt(await readFile(file, 'utf8').catch(() => ''), problem.line, problem.column)
    }
    session.problems.set(shown, problem)
    return
  }
  session.problems.delete(shown)
  session.catalogs.get(locale)?.set(ns, catalog)
  // Replace, not merge: a key removed from the file must be gone from the edition too.
  session.i18n.removeResourceBundle(locale, ns)
  session.i18n.addResourceBundle(locale, ns, catalog.resources, true, true)
}

/**
 * The documents the session holds, as the status reads them: the same parsed trees the editions use, so
 * their keys are assigned once (segments/keyed-units.ts); a broken one is read again, so the status names its error.
 */
export function documentLookup(session: Session): DocumentLoader {
  const { project } = session
  const fromDisk = documentLoader(project)
  return async (name) => {
    const held = session.documents.get(name)
    return held && !session.problems.has(displayPath(project, path.join(project.contentDir, `${name}.md`))) ? held : fromDisk(name)
  }
}

/** The catalogs the session holds, as the build's status reads them: a broken file is read again, so the status names its error. */
export function catalogLookup(session: Session): CatalogLookup {
  const { project } = session
  return (locale, ns) => (session.problems.has(displayPath(project, catalogPath(project, locale, ns))) ? undefined : session.catalogs.get(locale)?.get(ns))
}

/**
 * Prepare one edition and write its preview page; skipped while an input is
 * broken and a good page exists. `status`: computed once for a batch of saves (otherwise here).
 */
export async function renderEdition(session: Session, id: EditionId, status?: ProjectStatus): Promise<RenderOutcome> {
  const { project } = session
  const name = `${id.locale}/${id.doc}`
  const urlPath = editionPath(id)
  const document = session.documents.get(id.doc)
  const broken = wordsOf(session, id).find((file) => session.problems.has(file))
  if (!document || (broken && session.rendered.has(name))) {
    return { id, path: urlPath, skipped: broken ?? displayPath(project, path.join(project.contentDir, `${id.doc}.md`)) }
  }
  const started = performance.now()
  try {
    // Outdated translations are flagged as the build flags them: by remark-translate, from the status.
    const known = status ?? (await session.status(project, undefined, catalogLookup(session)).catch(() => undefined))
    const context: PrepareContext = { project, i18n: session.i18n, catalogs: session.catalogs, locales: session.known.locales, status: known }
    const edition = await prepareEdition(document, id.locale, context)
    const report = edition.file.data.translation ?? { missing: [], used: [], outdated: [] }
    const facts = factsOf(edition)
    const register = registerOf(session.catalogs, facts.sourceLocale, id.doc)
    const info = {
      doc: id.doc,
      locale: id.locale,
      sourceLocale: facts.sourceLocale,
      catalogFile: displayPath(project, catalogPath(project, id.locale, id.doc)),
      languages: facts.languages,
      keys: report.used,
      missing: report.missing,
      outdated: report.outdated,
      sourceText: (key: string) => register.get(key),
      statusPage: existsSync(path.join(project.outputDir, 'status.html'))
    }
    const output = sameBytesPublisher(project.outputDir, [...session.media])
    await writeEdition('html', edition, {
      // An HTML page carries no date; `modified` is for EPUB and PDF, which the background renders.
      // No fonts cut per save: a new character would mean seconds of WOFF2 compression for Chinese.
      css: template('edition.css'), modified: new Date(0), formats: FORMATS, project, output, webFonts: false,
      decorate: (page) => decorateEdition(page, info)
    })
    session.media = output.written.filter((entry) => entry.format === 'media')
    session.rendered.add(name)
    session.problems.delete(`render ${name}`)
    return { id, path: urlPath, milliseconds: performance.now() - started, missing: report.missing.length, edition }
  } catch (error) {
    const shown = displayPath(project, path.join(project.contentDir, `${id.doc}.md`))
    session.problems.set(`render ${name}`, problemOf(error, shown, project))
    return { id, path: urlPath, skipped: `render ${name}` }
  }
}

/** The preview's index.html: every edition in every format (EPUB and PDF follow in the background). */
export async function renderPreviewIndex(session: Session): Promise<void> {
  const { project, i18n } = session
  const context: PrepareContext = { project, i18n, catalogs: session.catalogs, locales: session.known.locales }
  const languages = languagesOf(context)
  const documents = [...session.documents].map(([name, document]) => ({
    name, title: document.meta.title,
    editions: languages.map((language) => ({
      language, title: document.meta.title, t: uiTranslator(i18n, language.locale), files: FORMATS.map((format) => ({ format }))
    }))
  }))
  const html = renderIndex(documents, uiTranslator(i18n, project.sourceLocale), project.sourceLocale, template('index.css'), decorateIndex)
  await writeAtomic(path.join(project.outputDir, 'index.html'), html)
}

/**
 * The files an edition's words come from (its document and catalogs, edition-inputs.ts): while one of them is
 * broken, its last good page stays. Another language's broken interface catalog does not hold it back.
 */
function wordsOf(session: Session, id: EditionId): string[] {
  const { document, catalogs } = editionInputs(session.project, id.doc, id.locale, session.known)
  return [document, ...catalogs].map((file) => displayPath(session.project, file))
}

/** An editor's save may be caught half-written: read once more before calling the file broken. */
async function readSettledCatalog(file: string, shown: string): Promise<Catalog> {
  try {
    return await readCatalog(file, shown)
  } catch (error) {
    if (!isCatalogFailure(error)) throw error
    await new Promise((resolve) => setTimeout(resolve, 40))
    return readCatalog(file, shown)
  }
}
