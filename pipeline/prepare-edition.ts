/**
 * One document in one locale, translated and turned into hast: everything
 * the three writers need, computed once and shared between them.
 */
import type { Root as HastRoot } from 'hast'
import type { i18n as I18n } from 'i18next'
import { VFile } from 'vfile'
import type { LoadedDocument } from './content/load-document.ts'
import { runEdition } from './create-processor.ts'
import { emptyCatalog, type Catalog } from './i18n/catalog.ts'
import { uiTranslator } from './i18n/create-i18n.ts'
import { registerOf, type Catalogs } from './i18n/load-catalogs.ts'
import { languageName } from './i18n/language-name.ts'
import { keysIn, type ProjectStatus } from './translation/status/status.ts'
import type { Project } from './project.ts'
import { readingMinutes } from './render/reading-time.ts'
import { resolveTerms } from './i18n/terms.ts'
import { documentKeys } from './segments/keyed-units.ts'
import type { EditionFacts, Language } from './types.ts'

/**
 * An edition ready for the writers: its hast tree and its file, which
 * carries the edition's facts (`file.data.edition`), its translated front
 * matter (`file.data.meta`) and interface terms (`file.data.terms`).
 */
export interface PreparedEdition {
  hast: HastRoot
  file: VFile
}

/** The facts of a prepared edition's file. */
export function factsOf(edition: PreparedEdition): EditionFacts {
  const facts = edition.file.data.edition
  if (!facts) throw new TypeError('Expected an edition’s file, as prepareEdition makes it')
  return facts
}

export interface PrepareContext {
  project: Project
  i18n: I18n
  catalogs: Catalogs
  locales: readonly string[]
  /** Translation status, to flag outdated translations in each edition. */
  status?: ProjectStatus | undefined
}

export function languagesOf(context: PrepareContext): Language[] {
  return context.locales.map((locale) => ({
    locale,
    // A new language without its name yet is named by CLDR, not by the source's "English".
    name: context.i18n.getResource(locale, 'ui', 'languageName') ? uiTranslator(context.i18n, locale)('languageName') : languageName(locale),
    dir: context.i18n.dir(locale) === 'rtl' ? 'rtl' : 'ltr'
  }))
}


export async function prepareEdition(doc: LoadedDocument, locale: string, context: PrepareContext): Promise<PreparedEdition> {
  const { project, i18n, catalogs } = context
  const sourceLocale = doc.meta.lang
  const t = uiTranslator(i18n, locale)
  // Each edition translates its own copy; the parsed source stays shared.
  const tree = structuredClone(doc.tree)
  const file = new VFile({ path: doc.file.path, value: doc.file.value })
  file.data.meta = structuredClone(doc.meta)
  const register = registerOf(catalogs, sourceLocale, doc.name)
  const hast = await runEdition(tree, file, {
    i18n,
    doc: doc.name,
    locale,
    sourceLocale,
    register,
    keys: documentKeys(doc.tree, doc.meta, register),
    catalog: catalogs.get(locale)?.get(doc.name) ?? emptyCatalog(`locales/${locale}/${doc.name}.json`),
    outdated: keysIn(context.status, locale, doc.name, 'outdated'),
    contentDir: project.contentDir,
    labels: { footnotes: t('footnotes'), backToReference: (number) => t('backToReference', { number }) }
  })
  file.data.meta.lang = locale
  const facts: EditionFacts = { doc: doc.name, locale, sourceLocale, dir: i18n.dir(locale) === 'rtl' ? 'rtl' : 'ltr', languages: languagesOf(context) }
  file.data.edition = facts
  // Reading time is counted on the source text: the same in every edition.
  file.data.terms = resolveTerms(t, { readingTime: { count: readingMinutes(doc.tree, doc.meta) } })
  notePlacesOfInterfaceTerms(file, catalogs.get(locale)?.get('ui'))
  return { hast, file }
}

/**
 * Where the interface terms a writer sets are (`ui:page`), beside the document's keys, so messages
 * about their text name the catalog place without a writer reading catalogs. A plural term is
 * found at its first form.
 */
function notePlacesOfInterfaceTerms(file: VFile, ui: Catalog | undefined): void {
  const places = file.data.translation?.places
  if (!ui || !places) return
  for (const [name, entry] of ui.entries) {
    for (const key of [`ui:${name}`, `ui:${name.replace(/_(zero|one|two|few|many|other)$/, '')}`]) {
      places[key] ??= { path: ui.path, line: entry.line, column: entry.column }
    }
  }
}
