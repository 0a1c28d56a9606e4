/**
 * Orchestration only: editions = documents × locales × formats. Parses each
 * document once, translates it once per locale, hands the tree to each
 * writer, and publishes files atomically with a manifest and an index.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { VFile } from 'vfile'
import { loadDocument, type LoadedDocument } from './content/load-document.ts'
import { createI18n, uiTranslator } from './i18n/create-i18n.ts'
import { catalogFiles, loadCatalogs, toResources } from './i18n/load-catalogs.ts'
import type { ManifestEntry } from './output/manifest.ts'
import { openOutput, type Publisher } from './output/publish.ts'
import { languagesOf, prepareEdition, type PrepareContext } from './prepare-edition.ts'
import { createProject, displayPath, listDocuments, listLocales, LOCALE_CODE, type Project } from './project.ts'
import { renderIndex, type IndexDocument } from './render/index-page.ts'
import { reasonOf } from './report.ts'
import { template } from './render/templates.ts'
import { FORMATS, type Format } from './types.ts'

export interface BuildOptions {
  root: string
  /** Output folder, relative to root; default `output`. */
  out?: string
  locales?: string[]
  formats?: Format[]
  docs?: string[]
  /** One line per edition as it is written. */
  log?: (line: string) => void
}

export interface EditionFailure {
  doc: string
  locale: string
  format?: Format
  reason: string
}

export interface BuildResult {
  project: Project
  files: VFile[]
  written: ManifestEntry[]
  failures: EditionFailure[]
  missing: number
  milliseconds: number
}

/** A problem with the build as asked (unknown locale, no documents): nothing is built. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now()
  const log = options.log ?? (() => {})
  const project = createProject(options.root, options.out)
  const allLocales = await listLocales(project)
  const allDocs = await listDocuments(project)
  const locales = pick('locale', options.locales, allLocales)
  const docs = pick('document', options.docs, allDocs)
  const formats = pick('format', options.formats, [...FORMATS]) as Format[]
  if (docs.length === 0) throw new UsageError(`No documents to build: add a Markdown file to ${displayPath(project, project.contentDir)}/`)

  const failures: EditionFailure[] = []
  const { catalogs, errors } = await loadCatalogs(project, allLocales, allDocs)
  const i18n = await createI18n(toResources(catalogs), project.sourceLocale)
  const context: PrepareContext = { project, i18n, catalogs, locales: allLocales }
  const css = template('edition.css')
  const files: VFile[] = catalogFiles(catalogs)
  const index: IndexDocument[] = []
  let missing = 0
  // Released (manifest written, lock removed) however this function ends.
  await using output = await openOutput(project.outputDir, { log })
  const { written } = output

  for (const name of docs) {
    let document: LoadedDocument
    try {
      document = await loadDocument(path.join(project.contentDir, `${name}.md`), project.sourceLocale)
    } catch (error) {
      for (const locale of locales) failures.push({ doc: name, locale, reason: reasonOf(error, project) })
      continue
    }
    files.push(document.file)
    const modified = sourceDate(document.file.path)
    const entry: IndexDocument = { name, title: document.meta.title, editions: [] }
    index.push(entry)
    for (const locale of locales) {
      const broken = errors.get(locale)
      if (broken) {
        failures.push({ doc: name, locale, reason: broken.message })
        continue
      }
      let edition
      try {
        edition = await prepareEdition(document, locale, context)
      } catch (error) {
        failures.push({ doc: name, locale, reason: reasonOf(error, project) })
        continue
      }
      files.push(edition.file)
      missing += edition.file.data.translation?.missing.length ?? 0
      const language = languagesOf(context).find((item) => item.locale === locale)!
      const done: Format[] = []
      for (const format of formats) {
        try {
          const data = await render(format, edition, { css, modified, formats, output })
          const relative = `${locale}/${name}.${format}`
          await output.publish(relative, data, name, locale, format)
          done.push(format)
          log(`  wrote ${relative} (${formatBytes(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength)})`)
        } catch (error) {
          failures.push({ doc: name, locale, format, reason: reasonOf(error, project) })
        }
      }
      entry.editions.push({ language, formats: done })
    }
  }

  const ui = uiTranslator(i18n, project.sourceLocale)
  await output.publish('index.html', renderIndex(index, ui, project.sourceLocale, css), null, null, 'html')
  return { project, files, written, failures, missing, milliseconds: performance.now() - started }
}

interface RenderContext {
  css: string
  modified: Date
  formats: readonly Format[]
  output: Publisher
}

/** Format modules load only when that format is built. */
async function render(format: Format, edition: Awaited<ReturnType<typeof prepareEdition>>, context: RenderContext): Promise<string | Buffer> {
  switch (format) {
    case 'html': {
      const { renderHtml } = await import('./render/html.ts')
      const media = new Map<string, string>()
      const html = renderHtml(edition, {
        css: context.css,
        formats: context.formats,
        imageHref: (localPath) => {
          // Named by content: a published name never changes its bytes, so its manifest entry stays true.
          const name = `${createHash('sha256').update(readFileSync(localPath)).digest('hex').slice(0, 16)}${path.extname(localPath).toLowerCase()}`
          media.set(localPath, name)
          return `../media/${name}`
        }
      })
      for (const [localPath, name] of media) await publishMedia(localPath, name, context)
      return html
    }
    case 'epub': {
      const { renderEpub } = await import('./render/epub.ts')
      return renderEpub(edition, { css: context.css, modified: context.modified })
    }
    case 'pdf': {
      const { renderPdf } = await import('./render/pdf/index.ts')
      return renderPdf(edition, { modified: context.modified })
    }
  }
}

async function publishMedia(localPath: string, name: string, context: RenderContext): Promise<void> {
  const relative = `media/${name}`
  if (context.output.written.some((entry) => entry.path === relative)) return
  await context.output.publish(relative, await readFile(localPath), null, null, 'media')
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
  return asked as T[]
}

/** The content's date: SOURCE_DATE_EPOCH, else its last commit, else a fixed epoch. Never the clock. */
export function sourceDate(file: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000)
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct', '--', file], { cwd: path.dirname(file), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    if (/^\d+$/.test(out)) return new Date(Number(out) * 1000)
  } catch {
    // Not a git checkout: fall through to the fixed date.
  }
  return new Date(Date.UTC(2000, 0, 1))
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`
}

