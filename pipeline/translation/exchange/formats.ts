/**
 * The exchange formats by name, and the file an import is given, told
 * apart by its content: XLIFF 2.0, XLIFF 1.2, or gettext PO.
 */
import { listLocales, type Project } from '../../project.ts'
import { loadSources, type Sources } from '../sources.ts'
import { expectedEntries } from '../expected-entries.ts'
import { applyTranslations, type ImportResult } from './apply-translations.ts'
import { ExchangeError } from './exchange-error.ts'
import { exportUnits, isMarkdown, type ImportedFile, type KeysFor } from './exchange-units.ts'
import { encodeInline } from './inline-codes.ts'
import { readTermbase } from '../termbase.ts'
import { readPo, writePo } from './po.ts'
import { glossaryLines, writeTbx } from './termbase-files.ts'
import { readXliff12, writeXliff12 } from './xliff12.ts'
import { readXliff2, writeXliff2, type FallbackCodes } from './xliff2.ts'

export const FORMATS = { xliff: 'xlf', xliff12: 'xlf', po: 'po' } as const
export type Format = keyof typeof FORMATS

export async function exportFile(project: Project, locale: string, format: Format): Promise<string> {
  const exported = await exportUnits(project, locale)
  switch (format) {
    case 'xliff': {
      const { terms } = await readTermbase(project, locale)
      return writeXliff2(exported, (_ns, unit) => glossaryLines(terms, unit.source))
    }
    case 'xliff12': return writeXliff12(exported)
    case 'po': return writePo(exported)
  }
}

export interface ImportOptions {
  /** The language of a file that does not say (a PO or XLIFF another tool made from ours may not). */
  locale?: string
}

/** The termbase as TBX, written beside a PO or XLIFF 1.2 file (XLIFF 2.0 carries it inside). */
export async function exportTermbase(project: Project, locale: string): Promise<string> {
  return writeTbx(await readTermbase(project, locale), project.sourceLocale, locale)
}

export async function importFile(project: Project, text: string, shownPath: string, options: ImportOptions = {}): Promise<ImportResult> {
  const sources = await loadSources(project)
  const keysFor: KeysFor = (locale) => new Map([...sources.namespaces].map(([ns, source]) => [ns, new Set(expectedEntries(source, locale || options.locale || project.sourceLocale).keys())]))
  const file = readAny(text, shownPath, fallbackCodes(sources), keysFor)
  if (options.locale && file.locale && file.locale !== options.locale) {
    throw new ExchangeError(`Unexpected --locale ${options.locale} for a file in \`${file.locale}\`, expected the file's own language or no --locale`, shownPath)
  }
  file.locale ||= options.locale ?? ''
  await checkLanguages(project, file, shownPath)
  return applyTranslations(project, file.locale, file.units)
}

/** XML with `<xliff version="1.x">` is XLIFF 1.2, other XML XLIFF 2.0, anything else PO (an empty file: by its name). */
function readAny(text: string, shownPath: string, fallback: FallbackCodes, keysFor: KeysFor): ImportedFile {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('<') || (start === '' && !shownPath.endsWith('.po'))) {
    return /<(?:\w+:)?xliff\b[^>]*\bversion\s*=\s*["']1\./.test(start.slice(0, 4000)) ? readXliff12(text, shownPath, fallback, keysFor) : readXliff2(text, shownPath, fallback)
  }
  return readPo(text, shownPath, keysFor)
}

async function checkLanguages(project: Project, file: ImportedFile, shownPath: string): Promise<void> {
  const translations = (await listLocales(project)).filter((locale) => locale !== project.sourceLocale)
  if (!file.locale) throw new ExchangeError(`Unexpected file without a target language, expected one (trgLang, target-language, Language:) or --locale, one of: ${translations.join(', ')}`, shownPath)
  if (!translations.includes(file.locale)) {
    throw new ExchangeError(`Unexpected target language \`${file.locale}\`, expected one of the translations in locales/: ${translations.join(', ')}`, shownPath)
  }
  // en-US (translate-toolkit's default) is English too.
  if (file.sourceLocale && file.sourceLocale.split('-')[0] !== project.sourceLocale.split('-')[0]) {
    throw new ExchangeError(`Unexpected source language \`${file.sourceLocale}\`, expected \`${project.sourceLocale}\` (the file must translate this project's source)`, shownPath)
  }
}

/** The current source's codes per key, for a file whose tool dropped `<originalData>`. */
function fallbackCodes(sources: Sources): FallbackCodes {
  return (ns, key) => {
    const source = sources.namespaces.get(ns)
    const text = source?.get(key) ?? (source ? expectedEntries(source, 'en').get(key) : undefined)
    return text === undefined ? undefined : encodeInline(text, isMarkdown(ns, key)).codes
  }
}
