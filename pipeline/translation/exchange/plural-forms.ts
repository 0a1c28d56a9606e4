/**
 * gettext's Plural-Forms header for a language, with one form per CLDR
 * category in CLDR order (zero, one, two, few, many, other): the forms
 * i18next reads as key_zero … key_other. The expressions are gettext's
 * usual ones for integers (the plural-forms table of the GNU gettext
 * manual, "Plural forms"), rewritten so form i is CLDR category i; a
 * category only fractions reach (Russian `other`) is a form no integer
 * selects.
 */
import { pluralCategories } from '../expected-entries.ts'

const EXPRESSIONS: Record<string, string> = {
  ar: 'n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5',
  ru: 'n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2',
  uk: 'n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2',
  pl: 'n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2',
  fr: 'n>1',
  'pt-BR': 'n>1'
}

/** The header, or undefined for a language whose rule is not in the table (and not a simple one/other or other-only language). */
export function pluralFormsHeader(locale: string): string | undefined {
  const categories = pluralCategories(locale)
  const expression = EXPRESSIONS[locale] ?? EXPRESSIONS[locale.split('-')[0]!] ?? simple(categories)
  return expression === undefined ? undefined : `nplurals=${categories.length}; plural=(${expression});`
}

function simple(categories: string[]): string | undefined {
  if (categories.length === 1) return '0'
  if (categories.join() === 'one,other') return 'n != 1'
  return undefined
}
