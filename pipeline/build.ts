/**
 * Orchestration only: editions = documents × locales × formats. Parses each
 * document once, translates it once per locale, hands the tree to each
 * writer, and publishes files atomically with a manifest and an index.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Root as HastRoot } from 'hast'
import type { VFile } from 'vfile'
import type { LoadedDocument } from './content/load-document.ts'
import { createI18n, uiTranslator } from './i18n/create-i18n.ts'
import { catalogFiles, loadCatalogs, toResources } from './i18n/load-catalogs.ts'
import { PSEUDO_LOCALE, pseudoCatalogs } from './i18n/pseudo.ts'
import { noteInterfaceStatus, strictRefusal } from './translation/status/edition-status.ts'
import { statusTree } from './translation/status/status-page.ts'
import { computeStatus, type ProjectStatus } from './translation/status/status.ts'
import { documentLoader, loadSources } from './translation/sources.ts'
import { cachedMessage, EditionCache, editionKey, fileDigest, replayMessages, type FileDigests } from './output/edition-cache.ts'
import { sha256, type ManifestEntry } from './output/manifest.ts'
import { byteInputs } from './output/byte-inputs.ts'
import { confineOutput } from './output/confine.ts'
import { sourceDate, sourceDates } from './output/source-date.ts'
import { NotPublished, openOutput, type Publish } from './output/publish.ts'
import { editionsToRetract } from './output/retract.ts'
import { removeUnusedFonts } from './output/unused-fonts.ts'
import { removeStaleCacheTemporaries } from './output/cache-temporaries.ts'
import { editionInputs } from './edition-inputs.ts'
import { factsOf, languagesOf, prepareEdition, type PrepareContext, type PreparedEdition } from './prepare-edition.ts'
import { jobsOf, type Shard } from './shard.ts'
import { discoverDocuments } from './content/discover.ts'
import { createProject, displayPath, listLocales, LOCALE_CODE, type Project } from './project.ts'
import type { HtmlOptions } from './render/html.ts'
import { indexTree, stringifyPage } from './render/index-page.ts'
import { prependStyle } from './render/page-style.ts'
import { indexDocuments } from './index-documents.ts'
import { countOf } from './messages.ts'
import { reasonOf, StoppedBuild, UsageError, type Failure } from './report.ts'
import { chosenFonts, type FontRole, useFonts } from './render/pdf/font-choice.ts'
import { template } from './render/templates.ts'
import { cutPageFontsAhead, writers } from './render/writers.ts'
import { FORMATS, type Format } from './types.ts'

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
  const started = performance.now()
  const log = options.log ?? (() => {})
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

  const failures: Failure[] = []
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
  const css = template('edition.css')
  // The status page is known now; its fonts are cut while the editions are made.
  const statusPage = statusTree(status, template('status.css'), modifiedOf(project))
  const { cutFontsAhead } = await import('./render/fonts/web-fonts.ts')
  cutFontsAhead(statusPage, 'en', 'woff2', project.cacheDir)
  const cache = options.force ? undefined : new EditionCache(path.join(project.cacheDir, 'editions'))
  const digests: FileDigests = new Map()
  let reused = 0
  const files: VFile[] = [...discovery.skipped, ...catalogFiles(catalogs)]
  let missing = 0
  // Released (manifest written, lock removed) however this function ends.
  await using output = await openOutput(project.outputDir, { log })
  // What a killed build was writing into the cache (its temporary files) goes; a live writer's stays.
  await removeStaleCacheTemporaries(project.cacheDir)
  const { written } = output
  // Editions handed to the publisher: each settles once its file is in place (or its failure noted).
  const publishing: Array<Promise<void>> = []

  // Nothing is published once the output is closed: every edition handed to the publisher settles before it
  // is (the page made again for a failed PDF too), and their failures are reported with the error that stopped the build.
  try {
    const jobs = new Set(jobsOf(docs.flatMap((doc) => locales.flatMap((locale) => formats.map((format) => `${doc}/${locale}/${format}`))), options.shard))

    // What an HTML page may link: the formats of its language and the languages of its document that are
    // in the folder, or that this build (all shards of it, for a shard) is making and has not failed.
    const planned = options.shard ? new Set(docs.flatMap((doc) => locales.map((locale) => `${doc}/${locale}`))) : new Set([...jobs].filter((job) => job.endsWith('/html')).map((job) => job.slice(0, -'/html'.length)))
    // `ahead`: as the page will be once this build has written its e-book and PDF (pages' fonts are cut before).
    // `coming`: formats of this edition handed to the publisher and not yet in the folder.
    const linksOf = (doc: string, locale: string, { ahead = false, coming: publishing = [] as readonly Format[] } = {}): Links => {
      // A failed edition keeps its older file, which may be linked; a refused one is being withdrawn.
      const failedNow = new Set(failures.map((failure) => `${failure.doc}/${failure.locale}${failure.format ? `/${failure.format}` : ''}`))
      const refusedNow = new Set(failures.filter((failure) => failure.refused).map((failure) => `${failure.doc}/${failure.locale}`))
      const onDisk = new Set(output.files().map((file) => file.path))
      const there = (other: string, format: Format) => onDisk.has(`${other}/${doc}.${format}`) && !refusedNow.has(`${doc}/${other}`)
      const coming = (other: string) => planned.has(`${doc}/${other}`) && !failedNow.has(`${doc}/${other}`) && !failedNow.has(`${doc}/${other}/html`)
      return {
        formats: FORMATS.filter((format) => format !== 'html' && (there(locale, format) || publishing.includes(format) || (ahead && jobs.has(`${doc}/${locale}/${format}`)))),
        locales: new Set(context.locales.filter((other) => other === locale || there(other, 'html') || coming(other)))
      }
    }

    for (const name of docs) {
      // Another shard builds this document.
      if (!locales.some((locale) => formats.some((format) => jobs.has(`${name}/${locale}/${format}`)))) continue
      let document: LoadedDocument
      try {
        document = await load(name)
      } catch (error) {
        for (const locale of locales) failures.push({ doc: name, locale, reason: reasonOf(error, project) })
        continue
      }
      // Problems found while reading the document (characters no format can carry) are reported once, not per locale.
      files.push(document.file)
      const modified = dateOf(document.file.path)
      // Every language prepared first, so that each page's fonts are cut while the e-books and PDFs are made.
      const prepared = new Map<string, PreparedEdition | Failure>()
      for (const locale of locales) {
        if (!formats.some((format) => jobs.has(`${name}/${locale}/${format}`))) continue
        const broken = errors.get(locale)
        try {
          if (broken) throw broken
          prepared.set(locale, await prepareEdition(document, locale, context))
        } catch (error) {
          prepared.set(locale, { doc: name, locale, reason: reasonOf(error, project) })
        }
      }
      for (const [locale, edition] of prepared) {
        if ('hast' in edition && jobs.has(`${name}/${locale}/html`)) await cutPageFontsAhead(edition.hast, edition.file, { css, cacheDir: project.cacheDir, ...linksOf(name, locale, { ahead: true }) })
      }
      for (const [locale, edition] of prepared) {
        if (!('hast' in edition)) {
          failures.push(edition)
          continue
        }
        files.push(edition.file)
        noteInterfaceStatus(edition.file, status, locale)
        // Content segments and interface terms alike.
        missing += countOf(edition.file.messages, 'missing')
        const refused = options.strict ? strictRefusal(edition.file) : undefined
        if (refused) {
          failures.push({ doc: name, locale, reason: refused, refused: true })
          continue
        }
        // The page last: it links the e-book and the PDF only once they are in the folder. Each file is
        // flushed and renamed into place while the next is made; the page is renamed after them, or made
        // again with the links the folder then holds if one of them could not be published.
        const ahead: Array<Promise<unknown>> = []
        const coming: Format[] = []
        for (const format of pageLast(formats.filter((each) => jobs.has(`${name}/${locale}/${each}`)))) {
          const context: RenderContext = { css, modified, formats, project, strict: options.strict ?? false, cache, docs: allDocs, output, digests }
          const messages = edition.file.messages.length
          const page = format === 'html'
          try {
            const { published, reused: hit } = await startEdition(format, edition, { ...context, links: page ? linksOf(name, locale, { coming }) : undefined, after: page ? ahead : undefined })
            if (!page) {
              ahead.push(published)
              coming.push(format)
            }
            // A page made again once, with the links the folder now holds.
            const again = async (error: unknown) => {
              if (!page || !(error instanceof NotPublished)) throw error
              edition.file.messages.length = messages
              return await writeEdition(format, edition, { ...context, links: linksOf(name, locale) })
            }
            publishing.push(published.catch(again).then((entry) => {
              if (hit) reused++
              log(`  ${hit ? 'cached' : 'wrote'} ${entry.path} (${formatBytes(entry.bytes)})`)
            }, (error: unknown) => {
              // Not published for a file it needed: that file's reason.
              failures.push({ doc: name, locale, format, reason: reasonOf(error instanceof NotPublished ? error.cause : error, project) })
            }))
          } catch (error) {
            failures.push({ doc: name, locale, format, reason: reasonOf(error, project) })
          }
        }
      }
    }
    // A page with its fonts (handed to the publisher, into `fonts`), made while the last editions are written.
    const dress = async (page: HastRoot, locale: string) => {
      const fonts: Array<Promise<unknown>> = []
      prependStyle(page, await travellingFonts(page, locale, '', { project, output }, fonts))
      return { html: stringifyPage(page), fonts }
    }
    const statusHtml = await dress(statusPage, 'en')
    // The index reads the folder (sizes, a PDF's pages, a failed language's published title): once every edition is in place.
    await Promise.all(publishing)

    const removed: string[] = []
    const gone = editionsToRetract(output.files(), { docs: allDocs, locales: allLocales, built: locales, pseudoLocale: PSEUDO_LOCALE, allLanguages: !options.locales?.length })
    for (const { entry, why } of gone) {
      await output.retract(entry.path)
      removed.push(entry.path)
      log(`  removed ${entry.path} (${why})`)
    }

    // A failed edition keeps its last good file published and listed; one --strict refused is not published:
    // its older file is removed with its manifest entry.
    for (const failure of failures.filter((each) => each.refused)) {
      for (const format of formats) {
        const older = `${failure.locale}/${failure.doc}.${format}`
        if (!output.files().some((file) => file.path === older)) continue
        await output.retract(older)
        log(`  removed ${older} (refused by --strict)`)
      }
    }
    // A shard's index lists what all shards build together; any other build's, every edition the folder holds.
    const present = new Set(output.files().map((file) => file.path))
    const index = await indexDocuments(allDocs, {
      load, languages: languagesOf(context), catalogOf, i18n, outputDir: project.outputDir,
      // Every shard writes the same index: sizes only of the files all shards agree on (none).
      files: options.shard ? [] : output.files(),
      dateOf: (doc) => dateOf(path.join(project.contentDir, `${doc}.md`)),
      formatsOf: (doc, locale) => options.shard
        ? (docs.includes(doc) && locales.includes(locale) ? formats : [])
        : FORMATS.filter((format) => present.has(`${locale}/${doc}.${format}`))
    })
    const indexHtml = await dress(indexTree(index, uiTranslator(i18n, project.sourceLocale), project.sourceLocale, template('index.css')), project.sourceLocale)
    // Each page after its fonts, the status page after the index (not at all if the index failed);
    // the first file to fail gives the build's error.
    const indexDone = output.publish('index.html', indexHtml.html, null, null, 'html', indexHtml.fonts)
    const statusDone = output.publish('status.html', statusHtml.html, null, null, 'html', [...statusHtml.fonts, indexDone])
    await Promise.all([...statusHtml.fonts, ...indexHtml.fonts, indexDone, statusDone])
    // Every page is in place: fonts none of them links any more go (the pages of other builds and shards read from the folder).
    for (const font of await removeUnusedFonts(project.outputDir, output)) log(`  removed ${font} (no page uses it)`)
    const failedEditions = failures.reduce((count, failure) => count + (failure.format ? 1 : formats.length), 0)
    return { project, files, written, removed, failures, failedEditions, missing, status, reused, milliseconds: performance.now() - started }
  } catch (error) {
    await Promise.allSettled(publishing)
    throw failures.length > 0 ? new StoppedBuild(error, failures) : error
  }
}

export interface RenderContext {
  css: string
  modified: Date
  formats: readonly Format[]
  project: Project
  strict?: boolean | undefined
  /** The build's publisher (output/publish.ts), or the preview's: same bytes are left alone either way. */
  output: Publish
  /** Built editions by key (EPUB and PDF); none: always render. */
  cache?: EditionCache | undefined
  /** The project's documents: another document's catalog is not an input of this edition's key. */
  docs?: readonly string[] | undefined
  /** The build's digests of files it has hashed: images and catalogs are read once, not once per edition. */
  digests?: FileDigests | undefined
  /** Fonts travel with the HTML page (default); the live preview leaves them out, for speed. */
  webFonts?: boolean | undefined
  /** Changes the HTML page tree before it is written (the live preview adds its bar). */
  decorate?: HtmlOptions['decorate'] | undefined
  /** What the HTML page links (the build: what the output folder holds); none: every format and language. */
  links?: Links | undefined
  /** Files the edition links that are still on their way into the folder: it is published after them, or not at all. */
  after?: ReadonlyArray<Promise<unknown>> | undefined
}

export interface Links {
  /** Other formats of the same edition. */
  formats: readonly Format[]
  /** Languages whose page of the same document exists. */
  locales: ReadonlySet<string>
}

/** HTML after EPUB and PDF. */
function pageLast(formats: readonly Format[]): Format[] {
  return [...formats.filter((format) => format !== 'html'), ...formats.filter((format) => format === 'html')]
}

/** One edition in one format, rendered and published atomically: the unit the build and the preview share. */
export async function writeEdition(format: Format, edition: PreparedEdition, context: RenderContext): Promise<ManifestEntry & { reused: boolean }> {
  const { published, reused } = await startEdition(format, edition, context)
  return { ...(await published), reused }
}

/** An edition rendered, its file on its way into the folder (`published`: in place and listed). */
export interface StartedEdition {
  published: Promise<ManifestEntry>
  reused: boolean
}

/** writeEdition up to the moment its bytes are handed to the publisher, which writes them while the caller goes on. */
export async function startEdition(format: Format, edition: PreparedEdition, context: RenderContext): Promise<StartedEdition> {
  const facts = factsOf(edition)
  const relative = `${facts.locale}/${facts.doc}.${format}`
  // HTML is cheap to make and publishes the images beside it, so only EPUB and PDF come from the cache.
  const known = { docs: context.docs ?? [facts.doc], locales: facts.languages.map((language) => language.locale), sourceLocale: facts.sourceLocale }
  const key = context.cache && format !== 'html' ? editionKey({
    project: context.project, files: editionInputs(context.project, facts.doc, facts.locale, known), format,
    options: { formats: context.formats, strict: context.strict ?? false, modified: context.modified.toISOString(), inputs: byteInputs(process.env, context.digests) },
    digests: context.digests
  }) : undefined
  const hit = key ? await context.cache!.get(key) : undefined
  // The fonts and images the page links on their way into the folder, and the cache's copy on its way into
  // .cache/: the file is published after them, or not at all.
  const beside: Array<Promise<unknown>> = []
  let data: string | Buffer
  if (hit) {
    data = hit.data
    replayMessages(edition.file, hit.messages)
  } else {
    const before = edition.file.messages.length
    data = await render(format, edition, facts.locale, context, beside)
    if (key) {
      const stored = context.cache!.put(key, data, edition.file.messages.slice(before).map(cachedMessage))
      stored.catch(() => {}) // its failure is the edition's, given by the publisher
      beside.push(stored)
    }
  }
  const published = context.output.publish(relative, data, facts.doc, facts.locale, format, [...(context.after ?? []), ...beside])
  return { published, reused: Boolean(hit) }
}

/**
 * One edition through its format's writer; the images and fonts an HTML page
 * refers to are handed to the publisher beside it (their publishing goes in `beside`).
 */
async function render(format: Format, edition: PreparedEdition, locale: string, context: RenderContext, beside: Array<Promise<unknown>>): Promise<string | Buffer> {
  const media = new Map<string, string>()
  const data = await writers[format](edition.hast, edition.file, {
    modified: context.modified,
    strict: context.strict ?? false,
    css: context.css,
    // The page links only the languages and formats the folder holds (context.links).
    formats: context.links?.formats ?? context.formats,
    locales: context.links?.locales,
    cacheDir: context.project.cacheDir,
    decorate: context.decorate,
    fonts: context.webFonts === false ? undefined : (page) => travellingFonts(page, locale, '../', context, beside),
    imageHref: (localPath) => {
      // Named by content: a published name never changes its bytes, so its manifest entry stays true.
      const digest = fileDigest(localPath, context.digests) ?? sha256(readFileSync(localPath))
      const name = `${digest.slice(0, 16)}${path.extname(localPath).toLowerCase()}`
      media.set(localPath, name)
      return `../media/${name}`
    }
  })
  for (const [localPath, name] of media) await publishMedia(localPath, name, context, beside)
  return data
}

/**
 * The page's fonts, cut to its characters, handed to the publisher (into
 * `publishing`) under fonts/ with their licences; returns the @font-face
 * rules, addressed from the page (`prefix`: the way from the page's folder
 * to the output folder).
 */
export async function travellingFonts(page: HastRoot, locale: string, prefix: string, context: Pick<RenderContext, 'project' | 'output'>, publishing: Array<Promise<unknown>>): Promise<string> {
  const { fontFaceCss, pageFonts } = await import('./render/fonts/web-fonts.ts')
  const fonts = await pageFonts(page, locale, 'woff2', context.project.cacheDir)
  for (const font of fonts) {
    for (const [name, data] of [[font.name, font.data], ...(font.licence ? [[font.licence.name, font.licence.text]] : [])] as Array<[string, string | Buffer]>) {
      const relative = `fonts/${name}`
      if (!context.output.written.some((entry) => entry.path === relative)) publishing.push(context.output.publish(relative, data, null, null, 'font'))
    }
  }
  return fontFaceCss(fonts, (font) => `${prefix}fonts/${font.name}`)
}

/** The image read, and handed to the publisher (into `publishing`) unless it was published already. */
async function publishMedia(localPath: string, name: string, context: RenderContext, publishing: Array<Promise<unknown>>): Promise<void> {
  const relative = `media/${name}`
  if (context.output.written.some((entry) => entry.path === relative)) return
  publishing.push(context.output.publish(relative, await readFile(localPath), null, null, 'media'))
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

