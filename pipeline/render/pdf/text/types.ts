/**
 * Shapes of the PDF text engine: runs of styled text in logical order go in
 * (itemize → break lines → bidi per line → justify), positioned glyphs come
 * out, and draw.ts writes them with pdfkit.
 */
import type { FaceId, FontRole, Script } from '../fonts.ts'
export type { Script }

/** Styled text as the hast gives it, in logical (reading) order. */
export interface TextRun {
  text: string
  role: FontRole
  size: number
  color: string
  link?: string | undefined
  /** The catalog key the text comes from, for messages. */
  key?: string | undefined
  /** Extra space after each glyph, in points (not applied to joining scripts). */
  tracking?: number | undefined
  /** Drawn with a line through it. */
  strike?: boolean | undefined
  /** Baseline shift up, in points (a footnote call). */
  rise?: number | undefined
  /** Its own language inside the paragraph's: /Lang on its marked content (draw.ts). */
  lang?: string | undefined
  /** Not text: a box the line holds like one unbreakable character (an inline image), its text one U+FFFC. */
  box?: InlineBox | undefined
}

/** An image set in a line of text: its size in points, sitting on the baseline. */
export interface InlineBox {
  width: number
  height: number
  /** The image file (checked by remark-local-images) and its alternative text. */
  image: { path: string; alt: string }
}

/** The character that stands for an inline box in the paragraph's text (OBJECT REPLACEMENT CHARACTER). */
export const BOX_CHARACTER = '\ufffc'

/** A stretch of the paragraph's text set in one face with one run's style. */
export interface Span {
  start: number
  end: number
  face: FaceId
  run: TextRun
}

/** A character that no face of its fallback list can draw. */
export interface MissingGlyph {
  char: string
  codePoint: number
  key?: string | undefined
  role: FontRole
}

export type Direction = 'ltr' | 'rtl'
export type Align = 'start' | 'end' | 'center' | 'justify'

/**
 * Extra break points inside a word (indices into the paragraph text), where
 * the line may end with a hyphen. Hyphenation plugs in here.
 */
export type Hyphenator = (text: string, start: number, end: number) => number[]

export interface ParagraphOptions {
  /** Available line width in points. */
  width: number
  align: Align
  /** Paragraph direction (the edition's). */
  direction: Direction
  /** Added below each line, as pdfkit's lineGap. */
  lineGap: number
  /** The face whose metrics give line height and baseline. */
  metricsFace: FaceId
  /** The edition's script: its faces come first in every fallback list. */
  script: Script
  hyphenate?: Hyphenator | undefined
  /** The line (0-based) a page ends after: a hyphen there is avoided. */
  pageEndLine?: number | undefined
  /** Break only between words as Intl.Segmenter finds them for this locale (Chinese headlines). */
  wordsOnly?: string | undefined
  /** Headlines: the last line counts like the others, so the lines come out even (CSS text-wrap: balance). */
  balance?: boolean | undefined
}

/** A glyph placed on a line: x is its pen position from the line's left edge. */
export interface PlacedGlyph {
  id: number
  x: number
  xOffset: number
  yOffset: number
  /** Advance in points, justification included. */
  advance: number
  /** The text this glyph stands for, in the order a reader's copy should see it. */
  text: string
  /**
   * Logical range [clusterStart, clusterEnd) of the paragraph text it stands
   * for (empty for an added hyphen): two numbers, not a pair, as a book has
   * half a million glyphs.
   */
  clusterStart: number
  clusterEnd: number
}

/** Consecutive glyphs of one span and one direction, in visual order. */
export interface Piece {
  span: Span
  rtl: boolean
  /** Logical range of the paragraph text the piece shows. */
  start: number
  end: number
  x: number
  width: number
  glyphs: PlacedGlyph[]
}

/** Neighbouring pieces in one face, written together (see layout.ts, drawingGroups). */
export interface DrawingGroup {
  /** Left to right. */
  pieces: Piece[]
  /** Whether its pieces run right to left: then it is written in logical order (draw-rtl.ts). */
  rtl: boolean
  /** Whether a left-to-right group touches it on the left or on the right. */
  ltrBeside: { left: boolean; right: boolean }
  /** The group's text in logical order. */
  text: string
}

export interface Line {
  /** Left to right. */
  pieces: Piece[]
  /** The pieces again, grouped by face, in the order a reader's software should meet them. */
  groups: DrawingGroup[]
  /** Distance from the line's top to its baseline. */
  ascent: number
  /** Line height plus gap: how far the next line starts below this one. */
  advance: number
  /** Height without the gap, for page-break decisions (as pdfkit's). */
  height: number
}
