/** The terms the edition writers set (HTML, EPUB, PDF). */
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
] as const

/** The terms of the index, the status page and the pipeline. */
const OTHER_TERMS = [
  'languageName',
  'photo',
  'credits',
  'indexTitle',
  'indexIntro',
  'sourceEdition',
  'missingTranslations',
  'footnotes',
  'backToReference',
  'pageCount',
  'translationStatus',
  'indexDate'
] as const

/**
 * The closed list of interface terms every locale's `ui.json` provides.
 * Adding a term here makes the type checker show every place that needs it.
 */
const UI_TERMS = [...WRITER_TERMS, ...OTHER_TERMS] as const

export type UiTerm = (typeof UI_TERMS)[number]

export type WriterTerm = (typeof WRITER_TERMS)[number]
