/**
 * The writers, one per format, behind one signature (Pandoc's writer
 * registry): an edition (its hast tree and its file, translated and
 * sanitized once) and the options a build gives every writer, to the bytes
 * of one file. A writer neither reads catalogs nor the environment, and never
 * publishes: the build does (output/publish.ts). Each module loads only when
 * its format is written.
 */
import type { Root as HastRoot } from 'hast'
import type { PreparedEdition } from '../prepare-edition.ts'
import type { Format } from '../types.ts'
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
  /** Where cut fonts are kept between builds (the project's cache). */
  cacheDir: string
  /** How the page refers to a checked local image (the build publishes it beside the page). */
  imageHref: (localPath: string) => string
  /** The page's @font-face rules (the build publishes the fonts); none: the page names system fonts only. */
  fonts?: ((page: HastRoot) => Promise<string>) | undefined
  /** Changes the finished page tree (the live preview adds its bar). */
  decorate?: ((page: HastRoot, edition: PreparedEdition) => void) | undefined
}

export type Writer = (edition: PreparedEdition, options: WriterOptions) => Promise<string | Buffer>

export const writers: Record<Format, Writer> = {
  async html(edition, options) {
    const { renderHtml } = await import('./html.ts')
    return renderHtml(edition, { css: options.css, formats: options.formats, decorate: options.decorate, fonts: options.fonts, imageHref: options.imageHref })
  },
  async epub(edition, options) {
    const { renderEpub } = await import('./epub.ts')
    // The e-book has a stylesheet of its own, written for reading systems.
    return renderEpub(edition, { css: template('epub/book.css'), modified: options.modified, cacheDir: options.cacheDir })
  },
  async pdf(edition, options) {
    const { renderPdf } = await import('./pdf/index.ts')
    return renderPdf(edition, { modified: options.modified, strict: options.strict })
  }
}
