/**
 * The interface terms an edition's writers set, resolved once per edition
 * from i18next, so a writer neither translates nor names a catalog key: it
 * reads `file.data.terms` and fills the values only it knows.
 */
import type { Term } from '../types.ts'
import type { UiT } from './create-i18n.ts'
import { WRITER_TERMS, type WriterTerm } from './ui-terms.ts'

/**
 * Each term's words. `values`: what the edition knows before writing (a
 * plural's count); a term given none keeps its `{{placeholders}}` as written.
 */
export function resolveTerms(t: UiT, values: Partial<Record<WriterTerm, Record<string, unknown>>>): Record<WriterTerm, Term> {
  const terms = {} as Record<WriterTerm, Term>
  for (const term of WRITER_TERMS) terms[term] = { text: t(term, values[term]), key: `ui:${term}` }
  return terms
}

/** i18next's placeholder syntax, `{{name}}` with optional spaces inside the braces. */
const PLACEHOLDER = /\{\{(.+?)\}\}/g

/** A term's words with its placeholders filled, as i18next would (no escaping: writers escape). */
export function fillTerm(term: Term, values: Record<string, string | number>): string {
  return term.text.replace(PLACEHOLDER, (match, name: string) => {
    const value = values[name.trim()]
    return value === undefined ? match : String(value)
  })
}
