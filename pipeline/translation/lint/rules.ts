/**
 * The rules of `npm run i18n:check`, each a pure function over one catalog
 * of one locale and the source it translates. Every problem names the file,
 * line, column and key, and its rule id.
 */
import type { Catalog } from '../../i18n/catalog.ts'
import { kindOf, PLAIN_KINDS } from '../../segments/assign-keys.ts'
import { hasTerm, usesTerm, type Term } from '../termbase.ts'
import { markupDifferences } from './markup.ts'

import type { Problem } from '../../report.ts'

export type { Problem }

export interface LintTarget {
  ns: string
  locale: string
  sourceLocale: string
  /** key → source text, as the locale must provide them (expectedEntries). */
  expected: ReadonlyMap<string, string>
  catalog: Catalog
  /** The language's termbase (locales/<lang>/terms.json): required terms and names kept as they are. */
  terms: readonly Term[]
  /** Where the termbase is, for messages. */
  termbaseFile?: string | undefined
}

/** Kinds of content segment that are plain text, not inline Markdown. */
const VARIABLE = /\{\{\s*([^}\s,]+)[^}]*\}\}/g

export function lintCatalog(target: LintTarget): Problem[] {
  const { catalog, expected } = target
  const problems: Problem[] = []
  for (const [key, entry] of catalog.entries) {
    const at = { file: catalog.path, line: entry.line, column: entry.column, key }
    const source = expected.get(key)
    if (source === undefined) {
      problems.push({ ...at, ruleId: 'orphaned-key', reason: `Unexpected key \`${key}\`: the source no longer has it, expected it deleted` })
      continue
    }
    const value = entry.value
    if (value.trim() === '') {
      problems.push({ ...at, ruleId: 'empty-translation', reason: `Unexpected empty translation for \`${key}\`, expected a translation or no key at all` })
      continue
    }
    const variables = differ(variablesOf(source), variablesOf(value), impliedCount(key))
    if (variables) problems.push({ ...at, ruleId: 'interpolation-mismatch', reason: `Unexpected interpolation in \`${key}\`: ${variables}` })
    if (target.ns !== 'ui' && !PLAIN_KINDS.has(kindOf(key))) {
      const markup = markupDifferences(source, value)
      if (markup.length > 0) problems.push({ ...at, ruleId: 'markup-mismatch', reason: `Unexpected inline markup in \`${key}\`: ${markup.join('; ')} (as in the source)` })
    }
    if (sameAsSource(target, source, value)) {
      problems.push({ ...at, ruleId: 'same-as-source', reason: `Unexpected untranslated \`${key}\`: the value is the source text, expected a ${target.locale} translation (a name that stays as it is goes in ${target.termbaseFile ?? `locales/${target.locale}/terms.json`} with "doNotTranslate": true)` })
    }
    for (const term of target.terms) {
      if (!usesTerm(source, term) || hasTerm(value, term)) continue
      const wanted = term.doNotTranslate ? `“${term.source}” kept as it is` : `“${term.target}”`
      problems.push({ ...at, ruleId: 'term-mismatch', reason: `Unexpected translation of “${term.source}” in \`${key}\`, expected ${wanted} (${target.termbaseFile ?? `locales/${target.locale}/terms.json`})` })
    }
  }
  return problems
}

function sameAsSource(target: LintTarget, source: string, value: string): boolean {
  const language = (code: string) => code.split('-')[0]
  if (language(target.locale) === language(target.sourceLocale)) return false
  const text = value.trim()
  return text === source.trim() && /\p{L}/u.test(text) && !target.terms.some((term) => term.doNotTranslate && term.source === text)
}

export function variablesOf(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((match) => match[1]!).sort()
}

/**
 * In the zero, one and two plural forms a language may say the number in
 * words (Arabic «دقيقتان», "two minutes"), so there `{{count}}` may be left out.
 */
function impliedCount(key: string): ReadonlySet<string> {
  return /_(zero|one|two)$/.test(key) ? new Set(['count']) : new Set()
}

function differ(want: string[], got: string[], optional: ReadonlySet<string> = new Set()): string | undefined {
  const missing = want.filter((name) => !got.includes(name) && !optional.has(name))
  const extra = got.filter((name) => !want.includes(name))
  if (missing.length === 0 && extra.length === 0) return undefined
  const list = (names: string[]) => names.map((name) => `{{${name}}}`).join(', ')
  return [extra.length > 0 ? `${list(extra)} not in the source` : '', missing.length > 0 ? `expected ${list(missing)} as in the source` : ''].filter(Boolean).join(', ')
}
