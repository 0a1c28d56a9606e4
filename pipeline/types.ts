/**
 * Shapes that cross module boundaries. Per-edition state rides on
 * `file.data` (see the DataMap augmentation below), never in module globals.
 */
import type {} from 'mdast-util-directive'

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
