/**
 * The closed list of interface terms every locale's `ui.json` provides.
 * Adding a term here makes the type checker show every place that needs it.
 */
export const UI_TERMS = [
  'languageName',
  'languages',
  'contents',
  'page',
  'photo',
  'skipToContent',
  'editions',
  'alsoAvailable',
  'format.html',
  'format.epub',
  'format.pdf',
  'readingTime',
  'interviewer',
  'publisher',
  'credits',
  'indexTitle',
  'indexIntro',
  'sourceEdition',
  'missingTranslations',
  'cover',
  'coverAlt',
  'landmarks',
  'accessibilitySummary'
] as const

export type UiTerm = (typeof UI_TERMS)[number]

/** Variables each term interpolates; a catalog must use exactly these. */
export const UI_VARIABLES: Partial<Record<UiTerm, readonly string[]>> = {
  page: ['page', 'pages'],
  interviewer: ['name'],
  publisher: ['name'],
  coverAlt: ['title', 'people', 'publisher'],
  readingTime: ['count'],
  missingTranslations: ['count']
}

/** Terms that take a count and so have CLDR plural forms (`term_one`, `term_other`, …). */
export const UI_PLURALS: readonly UiTerm[] = ['readingTime', 'missingTranslations']
