/**
 * Shared machinery of the PDF writer, in the shape of mdast-util-to-hast's
 * state: `all` walks children through the handler map, `inline` turns
 * phrasing content into styled runs, `paragraph` sets them through the text
 * engine (text/), `ensureSpace` keeps headings with text.
 */
import type { Element, Root } from 'hast'
import type { Position } from 'unist'
import type { Edition } from '../edition.ts'
import type { FontRole } from './fonts.ts'
import type { FootNotes } from './footnotes/foot-notes.ts'
import type { OpenContent, StructureType } from './structure.ts'
import type { Align, MissingGlyph } from './text/types.ts'

export interface Style {
  font: FontRole
  size: number
  color: string
  lineGap: number
  /** Logical: `start` is the left in English and the right in Arabic. */
  align: Align
  gapAfter: number
  /** Extra space after each glyph, in points (never inside Arabic words). */
  tracking?: number | undefined
  /**
   * Line height as a multiple of the size, for Latin and Cyrillic; Arabic
   * and Chinese get more (typeset.ts, SCRIPT_LEADING). Replaces lineGap.
   */
  leading?: number | undefined
  /** Headlines: lines of even length, no word alone on the last (CSS text-wrap: balance). */
  balance?: boolean | undefined
}

export interface Run {
  text: string
  bold: boolean
  italic: boolean
  link?: string | undefined
  /** Code: the monospace face. */
  code?: boolean | undefined
  /** Struck through (GFM `~~`). */
  strike?: boolean | undefined
  /** Raised and smaller: a footnote call. */
  superscript?: boolean | undefined
  /** An image in the line (its text is one U+FFFC): drawn at text size, tagged Figure with its alt text. */
  image?: { path: string; alt: string } | undefined
  /** Its own language inside the paragraph's (a Latin name in Arabic: plugins/rehype-latin-runs.ts): /Lang on its marked content. */
  lang?: string | undefined
}

/** Where a paragraph's text comes from, for messages about it. */
export interface TextSource {
  /** Catalog key: `p.…` in the document's catalog, `ui:term` in ui.json. */
  key?: string | undefined
  place?: Position | undefined
  /** The text's own language and direction, when not the edition's (a missing translation shows the source). */
  lang?: string | undefined
  dir?: 'ltr' | 'rtl' | undefined
}

export type Handler = (state: PdfState, node: Element) => void

export interface PdfState {
  doc: PDFKit.PDFDocument
  edition: Edition
  /** Outline entry of the title, under which section headings are nested. */
  outlineRoot?: PDFKit.PDFOutline | undefined
  /** The outline's open sections, by heading level: a heading's item goes under the nearest of a higher level. */
  outlineSections?: Array<{ depth: number; item: PDFKit.PDFOutline }> | undefined
  /** Indentation from the text's start side (left in LTR, right in RTL), in points. */
  insetStart: number
  /** The direction blocks are set in, where it is not the edition's: a list left in the source's language (list.ts). */
  blockDir?: 'ltr' | 'rtl' | undefined
  /** Characters no font could draw, with where they came from. */
  missing: Array<MissingGlyph & { place?: Position | undefined }>
  /** Walk the children of a node through the handlers. */
  all: (node: Element | Root) => void
  /** The structure element that what is drawn now belongs to. */
  structure: PDFKit.PDFStructureElement
  /** The marked content being drawn now (structure.ts), which an inline element interrupts. */
  open?: OpenContent | undefined
  /** Set runs of text in a style, as one paragraph: a `P` unless another structure type is given. */
  paragraph: (runs: Run[], style: Style, source?: TextSource, type?: StructureType) => void
  /** Start a new page unless `height` points fit below the cursor. */
  ensureSpace: (height: number) => void
  /** How far setting these runs would move the cursor down. */
  heightOf: (runs: Run[], style: Style, source?: TextSource) => number
  /** Line to line distance of a style in the edition's script. */
  lineAdvance: (style: Style) => number
  /** Footnotes at the page foot (footnotes/): where lines calling them may go, and where the notes went. */
  notes?: FootNotes | undefined
}

export const INK = '#1b1b1b'
export const MUTED = '#5a5a5a'
export const ACCENT = '#0b4f8a'

/** 11 pt Noto Serif on a 385 pt measure: 60–75 characters of English, Kazakh or Russian, 35 of Chinese. */
export const BODY: Style = { font: 'serif', size: 11, color: INK, lineGap: 0, leading: 1.4, align: 'justify', gapAfter: 6 }

/** The key and source position an element carries from the translation step. */
export function sourceOf(node: Element): TextSource {
  const { lang, dir } = node.properties
  return {
    key: node.data?.segmentKey,
    place: node.position,
    ...(typeof lang === 'string' ? { lang } : {}),
    ...(dir === 'ltr' || dir === 'rtl' ? { dir } : {})
  }
}

export { inlineRuns } from './inline.ts'

/** The font role of a run in a style: bold/italic variants of the style's family. */
export function runFont(style: Style, run: Run): FontRole {
  if (run.code || style.font === 'mono') return 'mono'
  const sans = style.font.startsWith('sans')
  const bold = run.bold || style.font.includes('Bold')
  const italic = run.italic || style.font.endsWith('Italic')
  if (sans) return bold && italic ? 'sansBoldItalic' : bold ? 'sansBold' : italic ? 'sansItalic' : 'sans'
  if (bold && italic) return 'serifBoldItalic'
  return bold ? 'serifBold' : italic ? 'serifItalic' : 'serif'
}
