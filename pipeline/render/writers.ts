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
import { type Edition, editionOf } from './edition.ts'
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

/** The edition as its page shows it: with the languages the page links. */
function pageEdition(tree: HastRoot, file: VFile, locales: ReadonlySet<string> | undefined): Edition {
  const edition = editionOf(tree, file)
  return locales ? { ...edition, languages: edition.languages.filter((language) => locales.has(language.locale)) } : edition
}

/**
 * Starts cutting the fonts of the edition's HTML page, as the page will be
 * when it links `formats` and `locales`: their WOFF2 compression runs on
 * libuv's thread pool (fonts/woff2.ts) while the build writes the e-book and
 * the PDF, and the page, written after them, finds its subsets made or being
 * made. A page that turns out otherwise (a format failed) cuts its own.
 */
export async function cutPageFontsAhead(tree: HastRoot, file: VFile, options: Pick<WriterOptions, 'css' | 'formats' | 'locales' | 'cacheDir'>): Promise<void> {
  const [{ pageTree }, { cutFontsAhead }] = await Promise.all([import('./html.ts'), import('./fonts/web-fonts.ts')])
  try {
    const edition = pageEdition(tree, file, options.locales)
    cutFontsAhead(pageTree(edition, { css: options.css, formats: options.formats, imageHref: () => '' }, { shared: true }), edition.locale, 'woff2', options.cacheDir)
  } catch {
    // Only a head start: the page's own writer meets the same problem and reports it as that edition's failure.
  }
}

/** Messages (missing glyphs, unknown elements) go onto `file`, with their place. */
export type Writer = (tree: HastRoot, file: VFile, options: WriterOptions) => Promise<string | Buffer>

export const writers: Record<Format, Writer> = {
  async html(tree, file, options) {
    const { renderHtml } = await import('./html.ts')
    return renderHtml(pageEdition(tree, file, options.locales), { css: options.css, formats: options.formats, decorate: options.decorate, fonts: options.fonts, imageHref: options.imageHref })
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
