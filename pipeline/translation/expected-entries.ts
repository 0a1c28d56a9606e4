/**
 * What a locale has to provide for one namespace: the source catalog's keys,
 * with plural terms expanded to the plural forms of *that* language (Russian
 * needs `_one`, `_few`, `_many`, `_other` where English has `_one`, `_other`).
 * Each key maps to the source text its translation is made from.
 */

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/
const CLDR_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other']

/** CLDR plural categories of a locale, as i18next uses them (through Intl.PluralRules). */
export function pluralCategories(locale: string): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[]
  return [...categories].sort((a, b) => CLDR_ORDER.indexOf(a) - CLDR_ORDER.indexOf(b))
}

/** The plural term of a key (`readingTime_few` → `readingTime`), or undefined. */
export function pluralBase(key: string): string | undefined {
  const match = PLURAL_SUFFIX.exec(key)
  return match ? key.slice(0, match.index) : undefined
}

/**
 * @param source source catalog, key → text, in catalog order
 * @returns key → source text, in the same order, plural forms per `locale`
 */
export function expectedEntries(source: ReadonlyMap<string, string>, locale: string): Map<string, string> {
  const categories = pluralCategories(locale)
  const expected = new Map<string, string>()
  for (const [key, text] of source) {
    const base = pluralBase(key)
    if (base === undefined) {
      expected.set(key, text)
      continue
    }
    if (expected.has(`${base}_${categories[0]}`)) continue
    // A form English lacks (`_few`) is translated from English's general form.
    for (const category of categories) {
      expected.set(`${base}_${category}`, source.get(`${base}_${category}`) ?? source.get(`${base}_other`) ?? text)
    }
  }
  return expected
}
