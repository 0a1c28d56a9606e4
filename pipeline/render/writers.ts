/**
 * The writers, one per format, behind one signature (Pandoc's writer
 * registry): an edition's hast tree and its file (translated and sanitized
 * once; the edition's facts, front matter and interface terms on
 * `file.data`, see types.ts) and the options a build gives every writer, to
 * the bytes of one file. A writer neither reads catalogs nor the
 * environment, and never publishes: the build does (output/publish.ts).
 * Each module loads only when its format is written.
 */
import type { Root as HastRoot } from 'hast'
import type { VFile } from 'vfile'
import type { Format } from '../types.ts'
import { editionOf } from './edition.ts'
import { template } from './templates.ts'

export interface WriterOptions {
  /** The source's date: written where a format records one, so the same inputs give the same bytes. */
  modified: Date
  /** `--strict`: a character no font can draw fails the PDF instead of warning. */
  strict: boolean
  /** The web page's stylesheet. */
  css: string
  /** The formats the page links to. */
  formats: readonly Format[]
  /** The languages the page links to; none: every language of the document. */
  locales?: ReadonlySet<string> | undefined
  /** Where cut fonts are kept between builds (the project's cache). */
  cacheDir: string
  /** How the page refers to a checked local image (the build publishes it beside the page). */
  imageHref: (localPath: string) => string
  /** The page's @font-face rules (the build publishes the fonts); none: the page names system fonts only. */
  fonts?: ((page: HastRoot) => Promise<string>) | undefined
  /** Changes the finished page tree (the live preview adds its bar). */
  decorate?: ((page: HastRoot) => void) | undefined
}

/** Messages (missing glyphs, unknown elements) go onto `file`, with their place. */
export type Writer = (tree: HastRoot, file: VFile, options: WriterOptions) => Promise<string | Buffer>

export const writers: Record<Format, Writer> = {
  async html(tree, file, options) {
    const { renderHtml } = await import('./html.ts')
    const edition = editionOf(tree, file)
    const languages = options.locales ? edition.languages.filter((language) => options.locales!.has(language.locale)) : edition.languages
    return renderHtml({ ...edition, languages }, { css: options.css, formats: options.formats, decorate: options.decorate, fonts: options.fonts, imageHref: options.imageHref })
  },
  async epub(tree, file, options) {
    const { renderEpub } = await import('./epub.ts')
    // The e-book has a stylesheet of its own, written for reading systems.
    return renderEpub(editionOf(tree, file), { css: template('epub/book.css'), modified: options.modified, cacheDir: options.cacheDir })
  },
  async pdf(tree, file, options) {
    const { renderPdf } = await import('./pdf/index.ts')
    return renderPdf(editionOf(tree, file), { modified: options.modified, strict: options.strict, cacheDir: options.cacheDir })
  }
}
