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
  'accessibilitySummary',
  'footnotes',
  'backToReference',
  'taskDone',
  'taskOpen',
  'pageCount',
  'translationStatus',
  'indexDate'
] as const

export type UiTerm = (typeof UI_TERMS)[number]


/** The terms the edition writers set (HTML, EPUB, PDF); the rest are for the index, the status page and the pipeline. */
export const WRITER_TERMS = [
  'languages',
  'contents',
  'page',
  'skipToContent',
  'editions',
  'alsoAvailable',
  'format.html',
  'format.epub',
  'format.pdf',
  'readingTime',
  'interviewer',
  'publisher',
  'cover',
  'coverAlt',
  'landmarks',
  'accessibilitySummary',
  'taskDone',
  'taskOpen'
] as const satisfies readonly UiTerm[]

export type WriterTerm = (typeof WRITER_TERMS)[number]
