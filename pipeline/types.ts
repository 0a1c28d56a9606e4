/**
 * Shapes that cross module boundaries. Per-edition state rides on
 * `file.data` (see the DataMap augmentation below), never in module globals.
 */
import type {} from 'mdast-util-directive'
import type { WriterTerm } from './i18n/ui-terms.ts'

/** Kinds of translatable unit; the first part of every segment key. */
export type SegmentKind = 'meta' | 'heading' | 'standfirst' | 'question' | 'p' | 'caption' | 'credit' | 'alt' | 'item' | 'quote' | 'cell' | 'label' | 'note' | 'task'

/** Front matter fields the pipeline understands. */
export interface DocumentMeta {
  /** The title as plain text: the window title, metadata, running heads. */
  title: string
  /** The title as written, when it holds inline Markdown (`*Harbour* notes`): the headline shows it rendered. */
  titleMarkdown?: string | undefined
  /** A short title for running heads (`shortTitle:` in the front matter), translated like the title. */
  shortTitle?: string | undefined
  lang: string
  interviewee?: string | undefined
  intervieweeRole?: string | undefined
  interviewer?: string | undefined
  publisher?: string | undefined
  credits: string[]
}

/** The front matter fields that are text a translator translates (each under its own `meta.*` key). */
export type MetaField = 'title' | 'shortTitle' | 'interviewee' | 'intervieweeRole' | 'interviewer' | 'publisher'

export interface Language {
  locale: string
  /** The language's name in itself (`Қазақша`), from its own ui.json. */
  name: string
  dir: 'ltr' | 'rtl'
}

/** What an edition is, beside its tree: set once by prepare-edition, read by every writer. */
export interface EditionFacts {
  doc: string
  locale: string
  sourceLocale: string
  dir: 'ltr' | 'rtl'
  /** Every language this document is published in, in index order. */
  languages: Language[]
}

/**
 * An interface term in the edition's language, resolved before any writer
 * runs: its words, with the values a writer alone knows (`{{page}}`,
 * `{{name}}`) left for it to fill (i18n/terms.ts `fillTerm`), and its key,
 * under which `file.data.translation.places` holds its catalog place.
 */
export interface Term {
  text: string
  key: `ui:${WriterTerm}`
}

declare module 'vfile' {
  interface DataMap {
    /** The edition's facts (prepare-edition). */
    edition: EditionFacts
    /** The front matter, translated into the edition's language (remark-translate translates it here). */
    meta: DocumentMeta
    /** The interface terms the writers set, resolved for the edition's language. */
    terms: Record<WriterTerm, Term>
  }
}

export type Format = 'html' | 'epub' | 'pdf'
export const FORMATS: readonly Format[] = ['html', 'epub', 'pdf']

declare module 'mdast' {
  interface Data {
    /** The catalog key of the text this node holds (set by remark-translate). */
    segmentKey?: string | undefined
    /** Absolute path of a local image, checked to be inside content/. */
    localPath?: string | undefined
    /** A question's short label for tables of contents (`:::question{label="…"}`), translated. */
    navLabel?: string | undefined
  }
}

declare module 'hast' {
  interface Data {
    /**
     * The catalog key of the text an element holds, carried over from mdast
     * for messages from the writers. Never serialized: HTML and EPUB do not show it.
     */
    segmentKey?: string | undefined
    /** A heading's short label for tables of contents, carried over from mdast; never serialized. */
    navLabel?: string | undefined
  }
}
