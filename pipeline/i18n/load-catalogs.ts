/**
 * Loads every catalog a build needs, once: `ui` plus one namespace per
 * document, for each locale. Paths in the catalogs are project-relative so
 * messages read `locales/kk/interview.json:12:5`.
 */
import { readFile } from 'node:fs/promises'
import { parse } from 'jsonc-parser'
import type { VFile } from 'vfile'
import type { Project } from '../project.ts'
import { catalogPath, displayPath } from '../project.ts'
import { isCatalogFailure, warn } from '../messages.ts'
import type { VFileMessage } from 'vfile-message'
import { emptyCatalog, readCatalog, valuesOf, type Catalog } from './catalog.ts'
import { handEdit } from './generated-mark.ts'
import type { Resources } from './create-i18n.ts'

export type Catalogs = Map<string, Map<string, Catalog>>

/**
 * A locale whose catalog cannot be read is left out with its error, so the
 * other locales still build.
 */
export async function loadCatalogs(
  project: Project, locales: readonly string[], docs: readonly string[]
): Promise<{ catalogs: Catalogs; errors: Map<string, VFileMessage> }> {
  const catalogs: Catalogs = new Map()
  const errors = new Map<string, VFileMessage>()
  for (const locale of locales) {
    const byNs = new Map<string, Catalog>()
    try {
      for (const ns of ['ui', ...docs]) {
        const file = catalogPath(project, locale, ns)
        const catalog = await readCatalog(file, displayPath(project, file), { report: ns === 'ui' || locale !== project.sourceLocale })
        const edited = locale === project.sourceLocale && ns !== 'ui' ? await handEdit(project, ns, String(catalog.file.value ?? '')) : undefined
        if (edited) warn(catalog.file, 'generated-catalog', edited, { place: { line: 1, column: 1 }, source: 'catalog' })
        byNs.set(ns, catalog)
      }
    } catch (error) {
      if (!isCatalogFailure(error)) throw error
      errors.set(locale, error)
      // Its editions fail; what it says of itself (its name in other languages' switchers, its title and
      // words on the index) is read leniently from the same files, so no other page changes.
      for (const ns of ['ui', ...docs]) {
        const file = catalogPath(project, locale, ns)
        byNs.set(ns, await lenientCatalog(file, displayPath(project, file)))
      }
    }
    catalogs.set(locale, byNs)
  }
  return { catalogs, errors }
}

/**
 * A catalog read as far as it can be (jsonc-parser's tolerant parse: a
 * missing brace or a trailing comma costs only what it breaks), never used to
 * build an edition: only for how a failed language appears on other pages.
 */
async function lenientCatalog(file: string, shownPath: string): Promise<Catalog> {
  const catalog = emptyCatalog(shownPath)
  const value = parse(await readFile(file, 'utf8').catch(() => ''), [], { allowTrailingComma: true }) as unknown
  if (!isObject(value)) return catalog
  catalog.resources = value
  const walk = (object: Record<string, unknown>, prefix: string) => {
    for (const [key, item] of Object.entries(object)) {
      if (typeof item === 'string') catalog.entries.set(`${prefix}${key}`, { value: item, line: 0, column: 0 })
      else if (isObject(item)) walk(item, `${prefix}${key}.`)
    }
  }
  walk(value, '')
  return catalog
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Catalog files with warnings about their values, for the build's report. */
export function catalogFiles(catalogs: Catalogs): VFile[] {
  return [...catalogs.values()].flatMap((byNs) => [...byNs.values()].map((catalog) => catalog.file)).filter((file) => file.messages.length > 0)
}

export function toResources(catalogs: Catalogs): Resources {
  const resources: Resources = {}
  for (const [locale, byNs] of catalogs) {
    resources[locale] = {}
    for (const [ns, catalog] of byNs) resources[locale]![ns] = catalog.resources
  }
  return resources
}

/** The source catalog of a document as key → text: the register of keys. */
export function registerOf(catalogs: Catalogs, sourceLocale: string, doc: string): ReadonlyMap<string, string> {
  const catalog = catalogs.get(sourceLocale)?.get(doc)
  return catalog ? registerOfCatalog(catalog) : new Map()
}

/**
 * A source catalog as key → text, one object per catalog read: the status and every locale's edition
 * get the same register, so a document's keys are assigned against it once (segments/keyed-units.ts).
 */
export function registerOfCatalog(catalog: Catalog): ReadonlyMap<string, string> {
  let register = registers.get(catalog)
  if (!register) {
    register = valuesOf(catalog)
    registers.set(catalog, register)
  }
  return register
}

const registers = new WeakMap<Catalog, ReadonlyMap<string, string>>()
