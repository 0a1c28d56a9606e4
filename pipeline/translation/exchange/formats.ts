/**
 * The exchange formats by name, and the file an import is given, told
 * apart by its content: XLIFF 2.0, XLIFF 1.2, or gettext PO.
 */
import { listLocales, type Project } from '../../project.ts'
import { loadSources } from '../sources.ts'
import { expectedEntries } from '../expected-entries.ts'
import { applyTranslations, type ImportResult } from './apply-translations.ts'
import { ExchangeError } from './exchange-error.ts'
import { exportUnits, isMarkdown, type ImportedFile } from './exchange-units.ts'
import { encodeInline } from './inline-codes.ts'
import { readXliff2, writeXliff2, type FallbackCodes } from './xliff2.ts'

export const FORMATS = { xliff: 'xlf', xliff12: 'xlf', po: 'po' } as const
export type Format = keyof typeof FORMATS

export async function exportFile(project: Project, locale: string, format: Format): Promise<string> {
  const exported = await exportUnits(project, locale)
  switch (format) {
    case 'xliff': return writeXliff2(exported)
    default: throw new Error(`format ${format} not written yet`)
  }
}

export async function importFile(project: Project, text: string, shownPath: string): Promise<ImportResult> {
  const fallback = await fallbackCodes(project)
  const file = readAny(text, shownPath, fallback)
  await checkLanguages(project, file, shownPath)
  return applyTranslations(project, file.locale, file.units)
}

function readAny(text: string, shownPath: string, fallback: FallbackCodes): ImportedFile {
  return readXliff2(text, shownPath, fallback)
}

async function checkLanguages(project: Project, file: ImportedFile, shownPath: string): Promise<void> {
  const translations = (await listLocales(project)).filter((locale) => locale !== project.sourceLocale)
  if (!translations.includes(file.locale)) {
    throw new ExchangeError(`Unexpected target language \`${file.locale}\`, expected one of the translations in locales/: ${translations.join(', ')}`, shownPath)
  }
  if (file.sourceLocale && file.sourceLocale !== project.sourceLocale) {
    throw new ExchangeError(`Unexpected source language \`${file.sourceLocale}\`, expected \`${project.sourceLocale}\` (the file must translate this project's source)`, shownPath)
  }
}

/** The current source's codes per key, for a file whose tool dropped `<originalData>`. */
async function fallbackCodes(project: Project): Promise<FallbackCodes> {
  const sources = await loadSources(project)
  return (ns, key) => {
    const source = sources.namespaces.get(ns)
    const text = source?.get(key) ?? (source ? expectedEntries(source, 'en').get(key) : undefined)
    return text === undefined ? undefined : encodeInline(text, isMarkdown(ns, key)).codes
  }
}
