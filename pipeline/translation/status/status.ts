/**
 * Where every translation stands: for each target locale and namespace,
 * each key the source has is translated, missing or outdated, and each key
 * the source no longer has is orphaned. Pure over catalogs and records;
 * `computeStatus` only reads the files.
 */
import { onlyTagsLeft } from '../../content/untrusted-text.ts'
import type { Catalog } from '../../i18n/catalog.ts'
import { readCatalog } from '../../i18n/catalog.ts'
import { expectedEntries } from '../expected-entries.ts'
import { loadSources, type CatalogLookup, type Sources } from '../sources.ts'
import { hashValue, readRecord, recordPath, type TranslationRecord } from '../translation-record.ts'
import { isCatalogFailure } from '../../messages.ts'
import { catalogPath, displayPath, listLocales, type Project } from '../../project.ts'
import { describeMessage } from '../../report.ts'

export type EntryState = 'translated' | 'missing' | 'outdated' | 'orphaned'

export interface StatusEntry {
  key: string
  state: EntryState
  /** The current source text (absent for an orphaned key). */
  source?: string | undefined
  /** The translated value, when there is one. */
  value?: string | undefined
  /** For an outdated entry: the source text the translation was made from. */
  previousSource?: string | undefined
  reviewed?: boolean | undefined
  /** Where the value is in the catalog. */
  line?: number | undefined
  column?: number | undefined
}

export interface NamespaceStatus {
  ns: string
  /** The catalog, project-relative. */
  file: string
  entries: StatusEntry[]
}

export interface LocaleStatus {
  locale: string
  namespaces: NamespaceStatus[]
  /** A catalog or record of this locale that cannot be read. */
  error?: string | undefined
}

export interface ProjectStatus {
  sourceLocale: string
  locales: LocaleStatus[]
  /** Namespaces whose source cannot be read (a broken document). */
  sourceErrors: Map<string, string>
}

/** The counts in the order every status table shows them. */
export const COUNT_COLUMNS = ['translated', 'missing', 'outdated', 'orphaned', 'total'] as const

export interface Counts {
  translated: number
  missing: number
  outdated: number
  orphaned: number
  total: number
}

/** The state of every key of one namespace in one locale. */
export function namespaceStatus(expected: ReadonlyMap<string, string>, catalog: Catalog, record: TranslationRecord): StatusEntry[] {
  const entries: StatusEntry[] = []
  for (const [key, source] of expected) {
    const found = catalog.entries.get(key)
    const where = found ? { line: found.line, column: found.column } : {}
    if (!found || found.value.trim() === '') {
      entries.push({ key, state: 'missing', source, ...where })
      continue
    }
    const made = record.get(key)
    // Untouched since recorded and the source moved on: outdated. An edited value is the translator's update.
    const untouched = made !== undefined && made.translation === hashValue(found.value)
    // A source whose HTML tags left the catalog (content/raw-html-inline.ts), its words the same, did not move on.
    const outdated = untouched && made.source !== source && !onlyTagsLeft(made.source, source)
    entries.push({
      key, source, value: found.value, ...where,
      state: outdated ? 'outdated' : 'translated',
      ...(outdated ? { previousSource: made.source } : {}),
      ...(untouched && !outdated && made.state === 'reviewed' ? { reviewed: true } : {})
    })
  }
  for (const [key, found] of catalog.entries) {
    if (!expected.has(key)) entries.push({ key, state: 'orphaned', value: found.value, line: found.line, column: found.column })
  }
  return entries
}

export function countsOf(entries: readonly StatusEntry[]): Counts {
  const counts: Counts = { translated: 0, missing: 0, outdated: 0, orphaned: 0, total: 0 }
  for (const entry of entries) {
    counts[entry.state]++
    if (entry.state !== 'orphaned') counts.total++
  }
  return counts
}

export function localeCounts(locale: LocaleStatus): Counts {
  return countsOf(locale.namespaces.flatMap((ns) => ns.entries))
}

/** Whole percent translated; a namespace with nothing to translate is complete. */
export function percentOf(counts: Counts): number {
  return counts.total === 0 ? 100 : Math.floor((100 * counts.translated) / counts.total)
}

/**
 * Status of every target locale (every locale but the source).
 * @param sources reuse already loaded sources
 */
export interface StatusOptions {
  locales?: readonly string[] | undefined
  sources?: Sources | undefined
  /** Catalogs already read (the build's); the others are read from disk. */
  catalogOf?: CatalogLookup | undefined
}

export async function computeStatus(project: Project, options: StatusOptions = {}): Promise<ProjectStatus> {
  const sources = options.sources ?? (await loadSources(project))
  const targets = (options.locales ?? (await listLocales(project))).filter((locale) => locale !== project.sourceLocale)
  const locales: LocaleStatus[] = []
  for (const locale of targets) {
    const namespaces: NamespaceStatus[] = []
    try {
      for (const [ns, source] of sources.namespaces) {
        const file = displayPath(project, catalogPath(project, locale, ns))
        const catalog = options.catalogOf?.(locale, ns) ?? await readCatalog(catalogPath(project, locale, ns), file)
        const recordFile = recordPath(project, locale, ns)
        const record = await readRecord(recordFile, displayPath(project, recordFile))
        namespaces.push({ ns, file, entries: namespaceStatus(expectedEntries(source, locale), catalog, record) })
      }
      locales.push({ locale, namespaces })
    } catch (error) {
      if (!isCatalogFailure(error)) throw error
      locales.push({ locale, namespaces: [], error: describeMessage(error, project.root) })
    }
  }
  return { sourceLocale: project.sourceLocale, locales, sourceErrors: sources.errors }
}

/** Keys of one namespace in one locale that are in the given state. */
export function keysIn(status: ProjectStatus | undefined, locale: string, ns: string, state: EntryState): Set<string> {
  const namespace = status?.locales.find((item) => item.locale === locale)?.namespaces.find((item) => item.ns === ns)
  return new Set(namespace?.entries.filter((entry) => entry.state === state).map((entry) => entry.key))
}
