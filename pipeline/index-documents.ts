/**
 * What the landing page (output/index.html) lists: per document, each
 * language that has editions in the folder, with its own title and interface
 * terms, and each file's size (and a PDF's page count, read from the file).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { i18n as I18n } from 'i18next'
import { uiTranslator } from './i18n/create-i18n.ts'
import type { Catalog } from './i18n/catalog.ts'
import type { DocumentLoader } from './translation/sources.ts'
import type { ManifestEntry } from './output/manifest.ts'
import type { Language } from './types.ts'
import type { IndexDocument } from './render/index-page.ts'
import type { Format } from './types.ts'

export interface IndexSources {
  load: DocumentLoader
  languages: readonly Language[]
  /** A locale's readable catalog of a namespace (none while its files are broken). */
  catalogOf: (locale: string, ns: string) => Catalog | undefined
  i18n: I18n
  outputDir: string
  /** The folder's files (the manifest), for sizes. */
  files: readonly ManifestEntry[]
  /** The content's date of a document. */
  dateOf: (doc: string) => Date | undefined
  formatsOf: (doc: string, locale: string) => readonly Format[]
}

/** A document that cannot be read is listed by its name. */
export async function indexDocuments(docs: readonly string[], sources: IndexSources): Promise<IndexDocument[]> {
  const index: IndexDocument[] = []
  const byPath = new Map(sources.files.map((entry) => [entry.path, entry]))
  for (const name of docs) {
    const source = await sources.load(name).catch(() => undefined)
    const title = source?.meta.title ?? name
    const editions = sources.languages.map((language) => {
      const translated = sources.catalogOf(language.locale, name)
      const files = sources.formatsOf(name, language.locale).map((format) => {
        const relative = `${language.locale}/${name}.${format}`
        const bytes = byPath.get(relative)?.bytes
        // A file the folder does not list (another shard's) has no size or page count here.
        return { format, bytes, ...(format === 'pdf' && bytes !== undefined ? { pages: pdfPages(path.join(sources.outputDir, relative)) } : {}) }
      })
      // A language whose catalogs cannot be read now keeps its published page: the index shows that page's title.
      const own = translated?.entries.get('meta.title')?.value || publishedTitle(path.join(sources.outputDir, `${language.locale}/${name}.html`))
      return { language, title: own || title, t: uiTranslator(sources.i18n, language.locale), files }
    }).filter((edition) => edition.files.length > 0)
    const date = source ? sources.dateOf(name)?.toISOString() : undefined
    if (editions.length > 0) index.push({ name, title, ...(date ? { date } : {}), editions })
  }
  return index
}

/** The page count in a PDF's page tree root (`/Type /Pages … /Count n`), or none when it cannot be read. */
function pdfPages(file: string): number | undefined {
  try {
    const text = readFileSync(file).toString('latin1')
    const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((match) => Number(match[1] ?? match[2]))
    return counts.length > 0 ? Math.max(...counts) : undefined
  } catch {
    return undefined
  }
}

/** The `<title>` of a page this tool wrote (rehype-stringify's character references undone). */
function publishedTitle(file: string): string | undefined {
  try {
    const found = /<title>([^<]*)<\/title>/.exec(readFileSync(file, 'utf8'))?.[1]
    return found
      ?.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  } catch {
    return undefined
  }
}
