/**
 * One edition in one format, rendered and handed to a publisher: the unit
 * the build (build.ts) and the live preview share. HTML pages take their
 * fonts and images with them into the folder; e-books and PDFs come from the
 * edition cache when their key is there.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Root as HastRoot } from 'hast'
import { cachedMessage, type EditionCache, editionKey, fileDigest, replayMessages, type FileDigests } from './output/edition-cache.ts'
import { sha256, type ManifestEntry } from './output/manifest.ts'
import { byteInputs } from './output/byte-inputs.ts'
import { noteCodePath } from './code-paths.ts'
import type { Publish } from './output/publish.ts'
import { editionInputs } from './edition-inputs.ts'
import { factsOf, type PreparedEdition } from './prepare-edition.ts'
import type { Project } from './project.ts'
import type { HtmlOptions } from './render/html.ts'
import { scriptOfLocale } from './render/script-of-locale.ts'
import { writers } from './render/writers.ts'
import type { Format } from './types.ts'

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
  noteCodePath(format, scriptOfLocale(locale))
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
