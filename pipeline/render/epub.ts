/**
 * The EPUB writer: epub-gen-memory assembles the package; our own templates
 * (templates/epub/) replace its defaults, which hard-code English, take dates
 * from the clock and mint a random identifier on every build.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { toHtml } from 'hast-util-to-html'
import { EPub } from 'epub-gen-memory'
import { allowedAttributes } from 'epub-gen-memory/dist/lib/util/constants.js'
import type { Edition } from './edition.ts'
import { articleTree } from './article.ts'
import { navEntries, nestEntries, type NavTree } from './nav-entries.ts'
import { mapImages } from './hast/images.ts'
import { headlineBreaks } from './hast/headline-breaks.ts'
import { markTablesToFit } from './hast/scroll-tables.ts'
import { renderCover } from './epub-cover.ts'
import { epubNotes } from './epub-notes.ts'
import { template } from './templates.ts'
import { h } from 'hastscript'
import { deflateEntries, type ZipEntry } from './zip-deflate.ts'
import { fontFaceCss, pageFonts, type SubsetFont } from './fonts/web-fonts.ts'
import { bookFamilyLists, fallbackFamilies } from './fonts/fallback-faces.ts'

export interface EpubOptions {
  css: string
  /** Where cut fonts are kept between builds (the project's cache). */
  cacheDir: string
  /** ISO date written as dcterms:modified: the same inputs give the same bytes. */
  modified: Date
}

/**
 * epub-gen-memory drops every attribute not on its XHTML 1.1-era list; the
 * HTML5 attributes our schema admits carry meaning (a list's first number,
 * a header cell's scope, a task's state), so they are added to that list.
 */
const allowed = allowedAttributes as readonly string[] as string[]
for (const name of ['start', 'scope', 'checked', 'disabled']) if (!allowed.includes(name)) allowed.push(name)

export async function renderEpub(edition: Edition, options: EpubOptions): Promise<Buffer> {
  const { doc, locale, meta, terms } = edition
  const article = articleTree(edition)
  mapImages(article, (localPath) => pathToFileURL(localPath).href)
  epubNotes(article)
  markTablesToFit(article)
  headlineBreaks(article, locale)
  const filename = `${doc}.xhtml`
  const tocEntries = navEntries(article).map((entry) => ({ href: `${filename}#${entry.id}`, text: entry.label, depth: entry.depth }))
  const tocTree = nestEntries(tocEntries)
  const content = toHtml(article, { space: 'html' })
  const cover = await renderCover(edition, options.cacheDir)
  // The book carries its faces, cut to the characters of its pages: the article, the contents and the guide.
  const navigation = [terms.contents.text, terms.cover.text, terms.landmarks.text, ...tocEntries.map((entry) => entry.text)]
  const shown = h('div', { lang: locale }, [article, h('nav', navigation.map((text) => h('p', text)))])
  const fonts = await pageFonts(shown, locale, 'truetype', options.cacheDir)
  const creators = [meta.interviewer ?? meta.publisher].filter((name): name is string => Boolean(name))
  const book = new EPub(
    {
      title: meta.title,
      author: creators,
      publisher: meta.publisher ?? '',
      description: '',
      lang: locale,
      tocTitle: terms.contents.text,
      prependChapterTitles: false,
      numberChaptersInTOC: false,
      css: fontFaceCss(fonts, (font) => `fonts/${font.name}`, { unicodeRange: false }) + bookFamilyLists(options.css, fallbackFamilies(fonts)),
      date: options.modified.toISOString(),
      version: 3,
      cover: new File([cover.png], 'cover.png', { type: 'image/png' }),
      fetchTimeout: 5000,
      retryTimes: 1,
      contentOPF: template('epub/content.opf.ejs'),
      chapterXHTML: template('epub/chapter.xhtml.ejs'),
      tocXHTML: template('epub/toc.xhtml.ejs'),
      tocNCX: template('epub/toc.ncx.ejs'),
      // Extra fields our templates read (epub-gen-memory passes options through).
      ...({
        dir: edition.dir,
        identifier: stableIdentifier(meta.publisher ?? '', doc, locale),
        modified: options.modified.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        contributors: meta.interviewee ? [meta.interviewee] : [],
        credits: meta.credits,
        embeddedFonts: fonts.map((font, index) => ({ id: `font-${index}`, href: `fonts/${font.name}` })),
        tocTree,
        tocDepth: nestingDepth(tocTree),
        landmarksTitle: terms.landmarks.text,
        bodyHref: filename,
        coverHref: 'cover.xhtml',
        coverTitle: terms.cover.text,
        accessibilitySummary: terms.accessibilitySummary.text
      } as object)
    },
    [
      {
        title: terms.cover.text, content: '', filename: 'cover.xhtml', beforeToc: true, excludeFromToc: true,
        ...({ dir: edition.dir, coverImage: 'cover.png', coverAlt: cover.alt } as object)
      },
      { title: meta.title, content, filename, ...({ dir: edition.dir } as object) }
    ]
  )
  return reproducibleZip(book, options.modified, fonts, cover.png)
}

interface EpubInternals {
  images: Array<{ id: string; url: string; extension: string }>
  content: Array<{ content: string }>
  zip: { files: Record<string, ZipEntry & { date: Date }>; file: (name: string, data: string | Uint8Array, options?: { compression: 'STORE' }) => void }
  render: () => Promise<unknown>
  generateAsync: (options: object) => Promise<Buffer>
}

/**
 * The same inputs give the same bytes: epub-gen-memory names images by random
 * UUIDs and stamps zip entries with the clock, so images are renamed by a
 * hash of their content (as the web page's media/ are: the same project in
 * any folder gives the same book) and every entry gets the content's date.
 */
async function reproducibleZip(book: EPub, modified: Date, fonts: readonly SubsetFont[], cover: Buffer): Promise<Buffer> {
  const internals = book as unknown as EpubInternals
  await nameImagesByContent(internals)
  await internals.render()
  // The cover is deflated already (png.ts): stored, not deflated a second time for nothing.
  internals.zip.file('OEBPS/cover.png', cover, { compression: 'STORE' })
  // The fonts, declared in the manifest by the package template; their OFL licences in META-INF/,
  // which a reading system never shows and the manifest does not list.
  for (const font of fonts) {
    internals.zip.file(`OEBPS/fonts/${font.name}`, font.data)
    if (font.licence) internals.zip.file(`META-INF/${font.licence.name}`, font.licence.text)
  }
  // JSZip writes DOS times from the UTC fields, so every time zone gives the same bytes.
  for (const entry of Object.values(internals.zip.files)) entry.date = modified
  await deflateEntries(internals.zip.files, 6)
  return internals.generateAsync({
    // zlib's default level: level 9 made these EPUBs 1–2 % smaller, for about 40 ms more in a cold build of five.
    type: 'nodebuffer', mimeType: 'application/epub+zip', compression: 'DEFLATE', compressionOptions: { level: 6 }
  })
}

/**
 * Each image named by its bytes' hash; two files with the same bytes become
 * one item of the package, which lists each file once.
 */
async function nameImagesByContent(internals: EpubInternals): Promise<void> {
  const named = new Map<string, EpubInternals['images'][number]>()
  for (const image of internals.images) {
    const stable = createHash('sha256').update(await readFile(fileURLToPath(image.url))).digest('hex').slice(0, 16)
    for (const chapter of internals.content) chapter.content = chapter.content.split(`images/${image.id}.`).join(`images/${stable}.`)
    image.id = stable
    if (!named.has(`${stable}.${image.extension}`)) named.set(`${stable}.${image.extension}`, image)
  }
  internals.images = [...named.values()]
}

/** A name-based UUID (RFC 4122 version 5 layout): one per document and language, never random. */
export function stableIdentifier(publisher: string, doc: string, locale: string): string {
  const bytes = createHash('sha1').update(`${publisher}\u0000${doc}\u0000${locale}`).digest().subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** How many levels the contents nest (the NCX's dtb:depth). */
function nestingDepth(entries: ReadonlyArray<NavTree<object>>): number {
  return entries.length === 0 ? 0 : 1 + Math.max(...entries.map((entry) => nestingDepth(entry.children)))
}
