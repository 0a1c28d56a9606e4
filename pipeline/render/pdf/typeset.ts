/**
 * The bridge between the hast walker and the text engine: a paragraph of
 * styled runs is laid out in the edition's direction and script, then drawn
 * line by line, starting a new page where a line no longer fits.
 */
import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { fallbackFaces, scriptOfLocale, type FaceId, type Script } from './fonts.ts'
import { hyphenatorFor } from './hyphenation.ts'
import type { Edition } from '../edition.ts'
import { ACCENT, BODY, runFont, type PdfState, type Run, type Style, type TextSource } from './state.ts'
import { drawLine, type BoxWrapper } from './text/draw.ts'
import { taggedInline } from './structure.ts'
import { inspectImage } from '../../content/inspect-image.ts'
import { latinAtLatinSize } from './text/latin-size.ts'
import { SCRIPT_SIZE } from '../script-of-locale.ts'
import { layoutParagraph, lineMetrics, type LaidParagraph } from './text/layout.ts'
import type { InlineBox, Line, ParagraphOptions, TextRun } from './text/types.ts'
import { planLines, type LinePlan } from './footnotes/plan.ts'

/** A footnote call: about two thirds of the text size, raised by a third of it. */
const SUPERSCRIPT_SCALE = 0.68
const SUPERSCRIPT_RISE = 0.36

export interface Frame {
  left: number
  width: number
}

/**
 * The narrowest measure nesting leaves: 15 ems of the edition's body text, some 30 Latin characters
 * or 15 Chinese ones, a narrow newspaper column; narrower, a justified line is mostly stretched space.
 */
export const MIN_MEASURE_EMS = 15

/**
 * The text column, narrowed on the start side by the state's inset (a blockquote's, a nested list's),
 * as far as the narrowest measure: deeper blocks step in no further, and their markers stand where
 * their parent's do.
 */
export function frameOf(state: PdfState): Frame {
  const { doc } = state
  const rtl = (state.blockDir ?? state.edition.dir) === 'rtl'
  const column = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const inset = Math.max(0, Math.min(state.insetStart, column - MIN_MEASURE_EMS * scriptMetrics(state.edition, BODY).size))
  const left = doc.page.margins.left + (rtl ? 0 : inset)
  return { left, width: column - inset }
}

/**
 * The last layout of each runs array: a handler measures a paragraph (to keep
 * it with what follows) and then sets the same runs, which must not cost a
 * second layout.
 */
const laidOut = new WeakMap<readonly Run[], { style: Style; width: number; key?: string | undefined; dir: string; pageEndLine?: number | undefined; laid: LaidParagraph }>()

export function layoutRuns(edition: Edition, runs: readonly Run[], style: Style, width: number, source?: TextSource, pageEndLine?: number): LaidParagraph {
  const known = laidOut.get(runs)
  const dir = source?.dir ?? edition.dir
  if (known && known.style === style && known.width === width && known.key === source?.key && known.dir === dir && known.pageEndLine === pageEndLine) return known.laid
  const laid = layoutFresh(edition, runs, style, width, source, pageEndLine)
  laidOut.set(runs, { style, width, key: source?.key, dir, pageEndLine, laid })
  return laid
}

/** Arabic and Chinese need more room between lines for their marks and dense characters (and Arabic is set larger: SCRIPT_SIZE). */
const SCRIPT_LEADING: Record<Script, number> = { latin: 0, arabic: 0.25, cjk: 0.25 }

/** The size and line gap a style has in an edition's script. */
export function scriptMetrics(edition: Edition, style: Style): { size: number; lineGap: number; face: FaceId } {
  const script = scriptOfLocale(edition.locale)
  // The script's body face sets line height for every role: Noto Sans Arabic's tall metrics would double-space headings.
  const face = fallbackFaces('serif', script)[0]!
  const size = style.size * SCRIPT_SIZE[script]
  if (style.leading === undefined) return { size, lineGap: style.lineGap, face }
  return { size, lineGap: (style.leading + SCRIPT_LEADING[script]) * size - lineMetrics(face, size, 0).height, face }
}

function layoutFresh(edition: Edition, runs: readonly Run[], style: Style, width: number, source: TextSource | undefined, pageEndLine?: number): LaidParagraph {
  // Text in another language (a missing translation) is set in its own direction, faces and hyphenation, at the edition's size and leading.
  const lang = source?.lang ?? edition.locale
  const script = scriptOfLocale(lang)
  const { size, lineGap, face } = scriptMetrics(edition, style)
  const textRuns = runs.map((run): TextRun => ({
    text: run.text,
    role: runFont(style, run),
    size: run.superscript ? size * SUPERSCRIPT_SCALE : size,
    rise: run.superscript ? size * SUPERSCRIPT_RISE : undefined,
    strike: run.strike,
    color: run.link ? ACCENT : style.color,
    link: linkTarget(edition, run.link),
    key: source?.key,
    tracking: style.tracking,
    lang: run.lang,
    box: run.image && inlineBox(run.image, size, width)
  }))
  const options: ParagraphOptions = {
    width,
    align: style.align,
    direction: source?.dir ?? edition.dir,
    lineGap,
    metricsFace: face,
    script,
    // Justified text breaks words where the language allows; ragged text need not.
    hyphenate: style.align === 'justify' ? hyphenatorFor(lang) : undefined,
    pageEndLine,
    // A Chinese headline breaks between words only (哈萨克斯坦 stays whole).
    wordsOnly: style.balance && script === 'cjk' ? lang : undefined,
    balance: style.balance
  }
  return layoutParagraph(script === 'arabic' ? latinAtLatinSize(textRuns, 1 / SCRIPT_SIZE.arabic) : textRuns, options)
}

/**
 * An inline image is as tall as the text is large (an em: about the height
 * from a descender to an accent), as wide as its proportions make it,
 * never wider than the line; it stands on the baseline.
 */
function inlineBox(image: { path: string; alt: string }, size: number, lineWidth: number): InlineBox {
  const facts = inspectImage(image.path, image.path)
  const aspect = typeof facts === 'string' ? 1 : facts.width / facts.height
  const width = Math.min(size * aspect, lineWidth)
  return { width, height: width / aspect, image }
}

/** The height of lines set one under another. */
export function linesHeight(lines: readonly Line[]): number {
  return lines.reduce((sum, line) => sum + line.advance, 0)
}

/** Draws an inline box tagged as a Figure with its alt text, inside the element of the text around it. */
export function figureInLine(state: Parameters<typeof taggedInline>[0]): BoxWrapper {
  return (box, draw) => taggedInline(state, 'Figure', { alt: box.image.alt }, draw)
}

/**
 * A link as the PDF can follow it: an address, or `#id` of a heading or a
 * note (which get named destinations where they are set). A link to any
 * other place in the page keeps its text and loses the annotation.
 */
function linkTarget(edition: Edition, link: string | undefined): string | undefined {
  if (!link?.startsWith('#')) return link
  return destinationsOf(edition.hast).has(link.slice(1)) ? link : undefined
}

const destinations = new WeakMap<Root, Set<string>>()

function destinationsOf(tree: Root): Set<string> {
  let ids = destinations.get(tree)
  if (!ids) {
    ids = new Set()
    const found = ids
    visit(tree, 'element', (node: Element) => {
      if (/^(h[1-6]|li)$/.test(node.tagName) && typeof node.properties.id === 'string') found.add(node.properties.id)
    })
    destinations.set(tree, ids)
  }
  return ids
}

/** Set a paragraph at the cursor, breaking pages between lines (and before a line whose note no longer fits), and move the cursor below it. */
export function setParagraph(state: PdfState, runs: readonly Run[], style: Style, source?: TextSource): void {
  const { doc } = state
  const frame = frameOf(state)
  let laid = layoutRuns(state.edition, runs, style, frame.width, source)
  // A word is not carried over a page turn: if the page's last line ends in a hyphen, set the paragraph again avoiding it.
  const turn = planOf(state, laid.lines).turns[0]
  if (turn !== undefined && turn > 0 && hyphenated(laid.lines[turn - 1]!)) laid = layoutRuns(state.edition, runs, style, frame.width, source, turn - 1)
  state.missing.push(...laid.missing.map((item) => ({ ...item, place: source?.place })))
  const plan = planOf(state, laid.lines)
  state.notes?.demote(plan.demoted)
  const turns = new Set(plan.turns)
  laid.lines.forEach((line, index) => {
    // continueOnNewPage closes the marked content here and reopens it there, so the paragraph stays one structure element.
    if (turns.has(index)) (doc as PDFKit.PDFDocument & { continueOnNewPage: () => void }).continueOnNewPage()
    drawLine(doc, line, frame.left, doc.y, figureInLine(state))
    state.notes?.place(plan.notes[index]!, doc.y)
    doc.y += line.advance
  })
  doc.y += style.gapAfter
}

/** Where the lines go from the cursor: page turns (no widow), and the notes each line puts at its page foot. */
function planOf(state: PdfState, lines: readonly Line[]): LinePlan {
  if (state.notes) return state.notes.plan(lines)
  const { doc } = state
  const bottom = doc.page.height - doc.page.margins.bottom
  const space = { y: doc.y, bottom, pageTop: doc.page.margins.top, pageBottom: bottom, hasNotes: false }
  return planLines(lines.map((line) => ({ height: line.height, advance: line.advance, notes: [] })), space, NO_NOTES)
}

const NO_NOTES = { height: () => undefined, separator: 0 }

function hyphenated(line: Line): boolean {
  return line.pieces.some((piece) => piece.start === piece.end)
}

/** How far a paragraph would move the cursor down (its lines, without the gap after it). */
export function paragraphHeight(state: PdfState, runs: readonly Run[], style: Style, source?: TextSource): number {
  return linesHeight(layoutRuns(state.edition, runs, style, frameOf(state).width, source).lines)
}

/** The distance between two lines of a style in this edition's script. */
export function lineAdvance(state: PdfState, style: Style): number {
  const { size, lineGap, face } = scriptMetrics(state.edition, style)
  return lineMetrics(face, size, lineGap).advance
}

export interface SingleLine {
  line?: Line | undefined
  /** What it could not draw. */
  missing: LaidParagraph['missing']
}

/** The first of `candidates` that fits one line of `width` (running heads: see running-title.ts); else the last, cut. */
export function fitSingleLine(edition: Edition, candidates: string | Iterable<string>, style: Style, width: number, source?: TextSource): SingleLine {
  const list = typeof candidates === 'string' ? [candidates] : candidates
  let laid: LaidParagraph | undefined
  for (const text of list) {
    laid = layoutRuns(edition, [{ text, bold: false, italic: false }], style, width, source)
    if (laid.lines.length <= 1) break
  }
  return { line: laid?.lines[0], missing: laid?.missing ?? [] }
}

/** A fitted line drawn at `top`; returns what it could not draw. */
export function drawSingleLine(doc: PDFKit.PDFDocument, fitted: SingleLine, frame: Frame, top: number): LaidParagraph['missing'] {
  if (fitted.line) drawLine(doc, fitted.line, frame.left, top)
  return fitted.missing
}

