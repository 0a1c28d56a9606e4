/**
 * Orchestration only: editions = documents × locales × formats. Parses each
 * document once, translates it once per locale, hands the tree to each
 * writer, and publishes files atomically with a manifest and an index.
 */
import path from 'node:path'
import type { Root as HastRoot } from 'hast'
import type { VFile } from 'vfile'
import type { LoadedDocument } from './content/load-document.ts'
import { createI18n, uiTranslator } from './i18n/create-i18n.ts'
import { catalogFiles, loadCatalogs, toResources, type Catalogs } from './i18n/load-catalogs.ts'
import { PSEUDO_LOCALE, pseudoCatalogs } from './i18n/pseudo.ts'
import { noteInterfaceStatus, strictRefusal } from './translation/status/edition-status.ts'
import { statusTree } from './translation/status/status-page.ts'
import { computeStatus, type ProjectStatus } from './translation/status/status.ts'
import { documentLoader, loadSources, type CatalogLookup, type DocumentLoader } from './translation/sources.ts'
import { EditionCache, type FileDigests } from './output/edition-cache.ts'
import type { ManifestEntry } from './output/manifest.ts'
import { byteInputs } from './output/byte-inputs.ts'
import { confineOutput } from './output/confine.ts'
import { sourceDate, sourceDates } from './output/source-date.ts'
import { NotPublished, openOutput, type Publisher } from './output/publish.ts'
import { editionsToRetract } from './output/retract.ts'
import { removeUnusedFonts } from './output/unused-fonts.ts'
import { removeStaleCacheTemporaries } from './output/cache-temporaries.ts'
import { languagesOf, prepareEdition, type PrepareContext, type PreparedEdition } from './prepare-edition.ts'
import { jobsOf, type Shard } from './shard.ts'
import { discoverDocuments } from './content/discover.ts'
import { createProject, displayPath, listLocales, LOCALE_CODE, type Project } from './project.ts'
import { indexTree, stringifyPage } from './render/index-page.ts'
import { prependStyle } from './render/page-style.ts'
import { indexDocuments } from './index-documents.ts'
import { countOf } from './messages.ts'
import { reasonOf, StoppedBuild, UsageError, type Failure } from './report.ts'
import { chosenFonts, type FontRole, useFonts } from './render/pdf/font-choice.ts'
import { template } from './render/templates.ts'
import { cutPageFontsAhead } from './render/writers.ts'
import { FORMATS, type Format } from './types.ts'
import { type Links, type RenderContext, startEdition, travellingFonts, writeEdition } from './write-edition.ts'

export interface BuildOptions {
  root: string
  /** Font files in the PDF's (and the cover's and pages') Latin roles; default: PRESS_FONTS from the environment. */
  fonts?: Partial<Record<FontRole, string>> | undefined
  /** Output folder, relative to root; default `output`. */
  out?: string | undefined
  locales?: string[] | undefined
  formats?: Format[] | undefined
  docs?: string[] | undefined
  /**
   * Refuse editions with a fallback to the source or an outdated translation,
   * and fail a PDF with a character no font can draw (otherwise warnings).
   */
  strict?: boolean | undefined
  /** One line per edition as it is written. */
  log?: ((line: string) => void) | undefined
  /** Build every edition again, ignoring the cache. */
  force?: boolean | undefined
  /** Build only this share of the edition jobs (documents × locales × formats). */
  shard?: Shard | undefined
}

export interface BuildResult {
  project: Project
  files: VFile[]
  written: ManifestEntry[]
  /** Published files removed because their document or language is gone. */
  removed: string[]
  /** Editions (document × locale × format) not written: a failure of a whole locale counts each of its formats. */
  failedEditions: number
  failures: Failure[]
  missing: number
  /** Translation status of every locale, as `npm run i18n:status` shows it. */
  status: ProjectStatus
  /** Editions copied from the cache instead of built. */
  reused: number
  milliseconds: number
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = process.hrtime.bigint()
  const log = options.log ?? (() => {})
  const selection = await selectEditions(options)
  const { project } = selection
  const inputs = await readInputs(selection)
  // The status page is known now; its fonts are cut while the editions are made.
  const statusPage = statusTree(inputs.status, template('status.css'), modifiedOf(project))
  const { cutFontsAhead } = await import('./render/fonts/web-fonts.ts')
  cutFontsAhead(statusPage, 'en', 'woff2', project.cacheDir)
  // Released (manifest written, lock removed) however this function ends.
  await using output = await openOutput(project.outputDir, { log })
  // What a killed build was writing into the cache (its temporary files) goes; a live writer's stays.
  await removeStaleCacheTemporaries(project.cacheDir)
  const run = startRun(options, selection, inputs, output)

  // Nothing is published once the output is closed: every edition handed to the publisher settles before it
  // is (the page made again for a failed PDF too), and their failures are reported with the error that stopped the build.
  try {
    for (const name of selection.docs) await makeDocument(name, run)
    // The status page with its fonts, made while the last editions are written.
    const statusHtml = await dressPage(statusPage, 'en', run)
    // The index reads the folder (sizes, a PDF's pages, a failed language's published title): once every edition is in place.
    await Promise.all(run.publishing)
    const removed = await retractWithdrawn(run)
    await publishLandingPages(statusHtml, run)
    // Every page is in place: fonts none of them links any more go (the pages of other builds and shards read from the folder).
    for (const font of await removeUnusedFonts(project.outputDir, output)) log(`  removed ${font} (no page uses it)`)
    const failedEditions = run.failures.reduce((count, failure) => count + (failure.format ? 1 : selection.formats.length), 0)
    return { project, files: run.files, written: output.written, removed, failures: run.failures, failedEditions, missing: run.missing, status: inputs.status, reused: run.reused, milliseconds: Number(process.hrtime.bigint() - started) / 1e6 }
  } catch (error) {
    await Promise.allSettled(run.publishing)
    throw run.failures.length > 0 ? new StoppedBuild(error, run.failures) : error
  }
}

/** What the project holds, and which of its documents, languages and formats this build makes. */
interface Selection {
  project: Project
  allDocs: string[]
  allLocales: string[]
  /** Files in content/ that are not built, each with its message. */
  skipped: VFile[]
  docs: string[]
  locales: string[]
  formats: Format[]
}

async function selectEditions(options: BuildOptions): Promise<Selection> {
  const project = createProject(options.root, options.out)
  confineOutput(project)
  byteInputs()
  // Configuration comes in here, as options (the command's environment by default); the writers never read it.
  useFonts(options.fonts ?? chosenFonts(process.env.PRESS_FONTS))
  const allLocales = await listLocales(project)
  const discovery = await discoverDocuments(project.contentDir)
  const allDocs = discovery.names
  // The pseudo-locale is generated, and built only when asked for.
  const locales = pick('locale', options.locales, options.locales?.includes(PSEUDO_LOCALE) ? [...allLocales, PSEUDO_LOCALE] : allLocales)
  const docs = pick('document', options.docs, allDocs)
  const formats = pick('format', options.formats, [...FORMATS]) as Format[]
  if (docs.length === 0) throw new UsageError(`No documents to build: add a Markdown file to ${displayPath(project, project.contentDir)}/`)
  return { project, allDocs, allLocales, skipped: discovery.skipped, docs, locales, formats }
}

/** What the editions are made from, read once: catalogs, documents (as asked for), their dates, the translation status. */
interface BuildInputs {
  catalogs: Catalogs
  /** Locales whose catalogs cannot be read, with the error. */
  errors: ReadonlyMap<string, Error>
  load: DocumentLoader
  dateOf: (file: string) => Date
  catalogOf: CatalogLookup
  status: ProjectStatus
  context: PrepareContext
}

async function readInputs({ project, allDocs, allLocales, locales }: Selection): Promise<BuildInputs> {
  const { catalogs, errors } = await loadCatalogs(project, allLocales, allDocs)
  if (locales.includes(PSEUDO_LOCALE)) catalogs.set(PSEUDO_LOCALE, pseudoCatalogs(catalogs.get(project.sourceLocale)!))
  const i18n = await createI18n(toResources(catalogs), project.sourceLocale)
  const load = documentLoader(project, project.cacheDir)
  // Each git process costs a fork of this one: a document's date is asked for once.
  const dateOf = sourceDates(project.cacheDir)
  // The catalogs just read; a locale whose catalogs failed is read again, so the status names its error.
  const catalogOf = (locale: string, ns: string) => (errors.has(locale) ? undefined : catalogs.get(locale)?.get(ns))
  const status = await computeStatus(project, { locales: allLocales, sources: await loadSources(project, allDocs, load, catalogOf), catalogOf })
  const context: PrepareContext = { project, i18n, catalogs, locales: [...catalogs.keys()], status }
  return { catalogs, errors, load, dateOf, catalogOf, status, context }
}

/** A build under way: what it makes, from what, into which folder, and what it has done so far. */
interface Run {
  options: BuildOptions
  selection: Selection
  inputs: BuildInputs
  output: Publisher
  log: (line: string) => void
  /** The edition jobs (`doc/locale/format`) of this build's share. */
  jobs: ReadonlySet<string>
  /** Editions (`doc/locale`) that this build, all shards of it for a shard, makes. */
  planned: ReadonlySet<string>
  css: string
  cache: EditionCache | undefined
  digests: FileDigests
  failures: Failure[]
  files: VFile[]
  /** Editions handed to the publisher: each settles once its file is in place (or its failure noted). */
  publishing: Array<Promise<void>>
  missing: number
  reused: number
}

function startRun(options: BuildOptions, selection: Selection, inputs: BuildInputs, output: Publisher): Run {
  const { project, docs, locales, formats } = selection
  const jobs = new Set(jobsOf(docs.flatMap((doc) => locales.flatMap((locale) => formats.map((format) => `${doc}/${locale}/${format}`))), options.shard))
  const planned = options.shard ? new Set(docs.flatMap((doc) => locales.map((locale) => `${doc}/${locale}`))) : new Set([...jobs].filter((job) => job.endsWith('/html')).map((job) => job.slice(0, -'/html'.length)))
  return {
    options, selection, inputs, output, log: options.log ?? (() => {}), jobs, planned,
    css: template('edition.css'),
    cache: options.force ? undefined : new EditionCache(path.join(project.cacheDir, 'editions')),
    digests: new Map(),
    failures: [],
    files: [...selection.skipped, ...catalogFiles(inputs.catalogs)],
    publishing: [],
    missing: 0,
    reused: 0
  }
}

/**
 * What an HTML page may link: the formats of its language and the languages of its document that are
 * in the folder, or that this build (all shards of it, for a shard) is making and has not failed.
 * `ahead`: as the page will be once this build has written its e-book and PDF (pages' fonts are cut before).
 * `coming`: formats of this edition handed to the publisher and not yet in the folder.
 */
function linksOf(run: Run, doc: string, locale: string, { ahead = false, coming: publishing = [] as readonly Format[] } = {}): Links {
  // A failed edition keeps its older file, which may be linked; a refused one is being withdrawn.
  const failedNow = new Set(run.failures.map((failure) => `${failure.doc}/${failure.locale}${failure.format ? `/${failure.format}` : ''}`))
  const refusedNow = new Set(run.failures.filter((failure) => failure.refused).map((failure) => `${failure.doc}/${failure.locale}`))
  const onDisk = new Set(run.output.files().map((file) => file.path))
  const there = (other: string, format: Format) => onDisk.has(`${other}/${doc}.${format}`) && !refusedNow.has(`${doc}/${other}`)
  const coming = (other: string) => run.planned.has(`${doc}/${other}`) && !failedNow.has(`${doc}/${other}`) && !failedNow.has(`${doc}/${other}/html`)
  return {
    formats: FORMATS.filter((format) => format !== 'html' && (there(locale, format) || publishing.includes(format) || (ahead && run.jobs.has(`${doc}/${locale}/${format}`)))),
    locales: new Set(run.inputs.context.locales.filter((other) => other === locale || there(other, 'html') || coming(other)))
  }
}

/** One document: read once, made in each language of this build's share, each edition handed to the publisher. */
async function makeDocument(name: string, run: Run): Promise<void> {
  const { project, locales, formats } = run.selection
  // Another shard builds this document.
  if (!locales.some((locale) => formats.some((format) => run.jobs.has(`${name}/${locale}/${format}`)))) return
  let document: LoadedDocument
  try {
    document = await run.inputs.load(name)
  } catch (error) {
    for (const locale of locales) run.failures.push({ doc: name, locale, reason: reasonOf(error, project) })
    return
  }
  // Problems found while reading the document (characters no format can carry) are reported once, not per locale.
  run.files.push(document.file)
  const modified = run.inputs.dateOf(document.file.path)
  const prepared = await prepareLanguages(document, name, run)
  for (const [locale, edition] of prepared) {
    if ('hast' in edition && run.jobs.has(`${name}/${locale}/html`)) await cutPageFontsAhead(edition.hast, edition.file, { css: run.css, cacheDir: project.cacheDir, ...linksOf(run, name, locale, { ahead: true }) })
  }
  for (const [locale, edition] of prepared) await publishLanguage(edition, { name, locale, modified }, run)
}

/** Every language prepared first, so that each page's fonts are cut while the e-books and PDFs are made. */
async function prepareLanguages(document: LoadedDocument, name: string, run: Run): Promise<Map<string, PreparedEdition | Failure>> {
  const prepared = new Map<string, PreparedEdition | Failure>()
  for (const locale of run.selection.locales) {
    if (!run.selection.formats.some((format) => run.jobs.has(`${name}/${locale}/${format}`))) continue
    const broken = run.inputs.errors.get(locale)
    try {
      if (broken) throw broken
      prepared.set(locale, await prepareEdition(document, locale, run.inputs.context))
    } catch (error) {
      prepared.set(locale, { doc: name, locale, reason: reasonOf(error, run.selection.project) })
    }
  }
  return prepared
}

/** Which edition: the document, the language, and the document's date. */
interface Place {
  name: string
  locale: string
  modified: Date
}

/** A language's files of a document handed to the publisher, the page last; or why not. */
async function publishLanguage(edition: PreparedEdition | Failure, place: Place, run: Run): Promise<void> {
  const { name, locale } = place
  if (!('hast' in edition)) {
    run.failures.push(edition)
    return
  }
  run.files.push(edition.file)
  noteInterfaceStatus(edition.file, run.inputs.status, locale)
  // Content segments and interface terms alike.
  run.missing += countOf(edition.file.messages, 'missing')
  const refused = run.options.strict ? strictRefusal(edition.file) : undefined
  if (refused) {
    run.failures.push({ doc: name, locale, reason: refused, refused: true })
    return
  }
  // The page last: it links the e-book and the PDF only once they are in the folder. Each file is
  // flushed and renamed into place while the next is made; the page is renamed after them, or made
  // again with the links the folder then holds if one of them could not be published.
  const ahead: Array<Promise<unknown>> = []
  const coming: Format[] = []
  for (const format of pageLast(run.selection.formats.filter((each) => run.jobs.has(`${name}/${locale}/${each}`)))) {
    await publishFile(format, edition, place, { ahead, coming }, run)
  }
}

/**
 * One format of an edition made and handed to the publisher. `ahead`, `coming`: the language's e-book and
 * PDF on their way into the folder (this one joins them unless it is the page, which is published after them).
 */
async function publishFile(format: Format, edition: PreparedEdition, { name, locale, modified }: Place, { ahead, coming }: { ahead: Array<Promise<unknown>>; coming: Format[] }, run: Run): Promise<void> {
  const { project, formats, allDocs } = run.selection
  const context: RenderContext = { css: run.css, modified, formats, project, strict: run.options.strict ?? false, cache: run.cache, docs: allDocs, output: run.output, digests: run.digests }
  const messages = edition.file.messages.length
  const page = format === 'html'
  try {
    const { published, reused: hit } = await startEdition(format, edition, { ...context, links: page ? linksOf(run, name, locale, { coming }) : undefined, after: page ? ahead : undefined })
    if (!page) {
      ahead.push(published)
      coming.push(format)
    }
    // A page made again once, with the links the folder now holds.
    const again = async (error: unknown) => {
      if (!page || !(error instanceof NotPublished)) throw error
      edition.file.messages.length = messages
      return await writeEdition(format, edition, { ...context, links: linksOf(run, name, locale) })
    }
    run.publishing.push(published.catch(again).then((entry) => {
      if (hit) run.reused++
      run.log(`  ${hit ? 'cached' : 'wrote'} ${entry.path} (${formatBytes(entry.bytes)})`)
    }, (error: unknown) => {
      // Not published for a file it needed: that file's reason.
      run.failures.push({ doc: name, locale, format, reason: reasonOf(error instanceof NotPublished ? error.cause : error, project) })
    }))
  } catch (error) {
    run.failures.push({ doc: name, locale, format, reason: reasonOf(error, project) })
  }
}

/**
 * Editions whose document or language left the sources, and those --strict refused, removed with their
 * manifest entries. A failed edition keeps its last good file published and listed. Returns the first kind.
 */
async function retractWithdrawn(run: Run): Promise<string[]> {
  const { output, log } = run
  const { allDocs, allLocales, locales, formats } = run.selection
  const removed: string[] = []
  const gone = editionsToRetract(output.files(), { docs: allDocs, locales: allLocales, built: locales, pseudoLocale: PSEUDO_LOCALE, allLanguages: !run.options.locales?.length })
  for (const { entry, why } of gone) {
    await output.retract(entry.path)
    removed.push(entry.path)
    log(`  removed ${entry.path} (${why})`)
  }
  for (const failure of run.failures.filter((each) => each.refused)) {
    for (const format of formats) {
      const older = `${failure.locale}/${failure.doc}.${format}`
      if (!output.files().some((file) => file.path === older)) continue
      await output.retract(older)
      log(`  removed ${older} (refused by --strict)`)
    }
  }
  return removed
}

/** A page with its fonts, which are handed to the publisher (into `fonts`). */
interface DressedPage {
  html: string
  fonts: Array<Promise<unknown>>
}

async function dressPage(page: HastRoot, locale: string, run: Run): Promise<DressedPage> {
  const fonts: Array<Promise<unknown>> = []
  prependStyle(page, await travellingFonts(page, locale, '', { project: run.selection.project, output: run.output }, fonts))
  return { html: stringifyPage(page), fonts }
}

/**
 * The index, made from the folder once every edition is in place, and the status page. A shard's index
 * lists what all shards build together; any other build's, every edition the folder holds.
 */
async function publishLandingPages(statusHtml: DressedPage, run: Run): Promise<void> {
  const { output, options } = run
  const { project, allDocs, docs, locales, formats } = run.selection
  const { load, catalogOf, context, dateOf } = run.inputs
  const present = new Set(output.files().map((file) => file.path))
  const index = await indexDocuments(allDocs, {
    load, languages: languagesOf(context), catalogOf, i18n: context.i18n, outputDir: project.outputDir,
    // Every shard writes the same index: sizes only of the files all shards agree on (none).
    files: options.shard ? [] : output.files(),
    dateOf: (doc) => dateOf(path.join(project.contentDir, `${doc}.md`)),
    formatsOf: (doc, locale) => options.shard
      ? (docs.includes(doc) && locales.includes(locale) ? formats : [])
      : FORMATS.filter((format) => present.has(`${locale}/${doc}.${format}`))
  })
  const indexHtml = await dressPage(indexTree(index, uiTranslator(context.i18n, project.sourceLocale), project.sourceLocale, template('index.css')), project.sourceLocale, run)
  // Each page after its fonts, the status page after the index (not at all if the index failed);
  // the first file to fail gives the build's error.
  const indexDone = output.publish('index.html', indexHtml.html, null, null, 'html', indexHtml.fonts)
  const statusDone = output.publish('status.html', statusHtml.html, null, null, 'html', [...statusHtml.fonts, indexDone])
  await Promise.all([...statusHtml.fonts, ...indexHtml.fonts, indexDone, statusDone])
}

/** HTML after EPUB and PDF. */
function pageLast(formats: readonly Format[]): Format[] {
  return [...formats.filter((format) => format !== 'html'), ...formats.filter((format) => format === 'html')]
}

function pick<T extends string>(what: string, asked: readonly string[] | undefined, known: readonly T[]): T[] {
  if (!asked || asked.length === 0) return [...known]
  for (const item of asked) {
    if (what === 'locale' && !LOCALE_CODE.test(item)) {
      throw new UsageError(`Unexpected locale \`${item}\`, expected a language code such as kk or zh-Hans`)
    }
    if (!known.includes(item as T)) {
      throw new UsageError(`Unknown ${what} \`${item}\`, expected one of: ${known.join(', ') || '(none)'}`)
    }
  }
  return [...new Set(asked)] as T[]
}

/** The status page's date: the last change to the documents or the catalogs. */
function modifiedOf(project: Project): Date {
  return sourceDate([project.contentDir, path.join(project.root, 'locales')], project.cacheDir)
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`
}

