/**
 * A fresh i18next instance per build, loaded from the catalogs in memory.
 * Content namespaces are named after documents; interface strings live in `ui`.
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next'
import type { UiTerm } from './ui-terms.ts'

export interface Resources {
  /** locale → namespace → nested catalog */
  [locale: string]: Record<string, Record<string, unknown>>
}

export async function createI18n(resources: Resources, sourceLocale: string): Promise<I18n> {
  const instance = i18next.createInstance()
  await instance.init({
    resources,
    lng: sourceLocale,
    // Content falls back explicitly (to the document's own text, with a
    // message); the ui namespace falls back to the source language.
    fallbackLng: sourceLocale,
    supportedLngs: false,
    defaultNS: 'ui',
    ns: Object.keys(resources[sourceLocale] ?? { ui: {} }),
    initAsync: false,
    returnNull: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false
  } as Parameters<I18n['init']>[0])
  return instance
}

/** The UI translator of one locale, typed to our closed list of terms. */
export type UiT = (term: UiTerm, options?: Record<string, unknown>) => string

export function uiTranslator(instance: I18n, locale: string): UiT {
  const t: TFunction = instance.getFixedT(locale, 'ui')
  return (term, options) => String(t(term, options ?? {}))
}
