/**
 * What is published equals what the sources hold: editions of a document
 * whose file left content/, or of a language whose locales/<code>/ui.json is
 * gone, are removed with their manifest entries (and so their index links),
 * and said. Pseudo-locale editions are a check, never a publication: a build
 * of every language that does not build them removes them. Only files the
 * manifest lists are ever removed.
 */
import type { ManifestEntry } from './manifest.ts'

export interface Retraction {
  entry: ManifestEntry
  /** Why, for the build's log: the source that is gone. */
  why: string
}

export interface Sources {
  docs: readonly string[]
  locales: readonly string[]
  /** Locales this build makes (the pseudo-locale only when asked for). */
  built: readonly string[]
  pseudoLocale: string
  /** Whether this build covers every language (no --locale): only then are pseudo-locale editions removed. */
  allLanguages: boolean
}

export function editionsToRetract(files: readonly ManifestEntry[], sources: Sources): Retraction[] {
  const retractions: Retraction[] = []
  for (const entry of files) {
    if (entry.document === null || entry.locale === null) continue
    if (entry.locale === sources.pseudoLocale) {
      if (sources.allLanguages && !sources.built.includes(entry.locale)) retractions.push({ entry, why: `the pseudo-locale ${entry.locale} is built only when asked for` })
    } else if (!sources.docs.includes(entry.document)) {
      retractions.push({ entry, why: `content/${entry.document}.md is gone` })
    } else if (!sources.locales.includes(entry.locale)) {
      retractions.push({ entry, why: `locales/${entry.locale}/ui.json is gone` })
    }
  }
  return retractions
}
