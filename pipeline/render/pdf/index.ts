/**
 * The PDF writer: walks the edition's hast into pdfkit calls, one handler
 * per element (handlers/), then sets running headers, localized page
 * numbers, the outline and the document metadata.
 */
import type { Element, ElementContent, Root } from 'hast'
import type { Edition } from '../edition.ts'
import { fillTerm } from '../../i18n/terms.ts'
import { articleTree } from '../article.ts'
import { handlers } from './handlers/index.ts'
import { isPhrasingElement } from './inline.ts'
import { warn } from '../../messages.ts'
import { createFootNotes, drawNotesOnPageTurn } from './footnotes/foot-notes.ts'
import { reportMissingGlyphs } from './missing-glyphs.ts'
import { runningTitleCandidates } from './running-title.ts'
import { documentWithoutDefaultFont } from './pdfkit-speed.ts'
import { MUTED, type PdfState, type Style } from './state.ts'
import { keepCompiledPatternsIn } from './hyphenation.ts'
import { artifact, documentRoot, tagged } from './structure.ts'
import { drawSingleLine, fitSingleLine, lineAdvance, paragraphHeight, setParagraph, type Frame } from './typeset.ts'

export interface PdfOptions {
  /** Written as the creation date: the same inputs give the same bytes. */
  modified: Date
  /** Characters no font can draw fail the edition instead of warning. */
  strict?: boolean | undefined
  /** The project's cache: compiled hyphenation patterns are kept there. */
  cacheDir?: string | undefined
}

/** A 385 pt measure (see BODY) centred on A4, with room above the running head and below the folio. */
const MARGINS = { top: 76, bottom: 76, left: 105, right: 105 }
const FOLIO: Style = { font: 'sans', size: 8, color: MUTED, lineGap: 0, align: 'start', gapAfter: 0 }

export async function renderPdf(edition: Edition, options: PdfOptions): Promise<Buffer> {
  const { meta, locale } = edition
  keepCompiledPatternsIn(options.cacheDir)
  const doc = documentWithoutDefaultFont({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    lang: locale,
    displayTitle: true,
    pdfVersion: '1.7',
    // Tagged, with a structure tree; PDF/A-2a (see README: archival and accessible).
    tagged: true,
    subset: 'PDF/A-2a',
    info: {
      Title: meta.title,
      Author: meta.interviewer ?? meta.publisher ?? '',
      Subject: meta.interviewee ? `${meta.interviewee}${meta.intervieweeRole ? `, ${meta.intervieweeRole}` : ''}` : '',
      Creator: 'polyglot-press',
      Producer: 'polyglot-press (pdfkit)',
      CreationDate: options.modified
    }
  } as PDFKit.PDFDocumentOptions)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  if (edition.dir === 'rtl') setReadingDirection(doc)

  const root = documentRoot(doc)
  const state = createState(doc, edition, root)
  const article = articleTree(edition, { copy: false })
  state.notes = createFootNotes(state, article, root)
  drawNotesOnPageTurn(doc, state.notes)
  state.all({ type: 'root', children: [article] })
  state.notes.finishPage()
  root.end()
  addRunningHeadsAndFolios(state)
  reportMissingGlyphs(edition, state.missing, options.strict ?? false)
  doc.end()
  return done
}

function createState(doc: PDFKit.PDFDocument, edition: Edition, root: PDFKit.PDFStructureElement): PdfState {
  const state: PdfState = {
    doc,
    edition,
    structure: root,
    insetStart: 0,
    missing: [],
    all(node: Element | Root) {
      walkBlocks(state, node)
    },
    paragraph(runs, style, source, type = 'P') {
      // Text in another language than the document's says so (WCAG 3.1.2): /Lang on its structure element.
      if (runs.length > 0) tagged(state, type, source?.lang ? { lang: source.lang } : {}, () => setParagraph(state, runs, style, source))
    },
    ensureSpace(height: number) {
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
    },
    heightOf: (runs, style, source) => paragraphHeight(state, runs, style, source),
    lineAdvance: (style) => lineAdvance(state, style)
  }
  return state
}

/**
 * Blocks through the handler map. Phrasing found where a block belongs (text
 * in a container) is set as a paragraph, never skipped; an element with no
 * handler is a positioned warning, and its words are still set.
 */
function walkBlocks(state: PdfState, node: Element | Root): void {
  let phrasing: ElementContent[] = []
  const flush = () => {
    if (phrasing.length > 0) handlers.p!(state, { type: 'element', tagName: 'p', properties: {}, children: phrasing })
    phrasing = []
  }
  for (const child of node.children) {
    if (child.type === 'text' || (child.type === 'element' && isPhrasingElement(child.tagName))) {
      phrasing.push(child)
      continue
    }
    flush()
    if (child.type !== 'element') continue
    const handler = handlers[child.tagName]
    if (handler) handler(state, child)
    else {
      warn(state.edition.file, 'pdf-unknown-element', `Unexpected \`<${child.tagName}>\` element in the PDF writer, expected an element it has a handler for: its text is set as plain paragraphs`, {
        place: child.position, source: 'render-pdf'
      })
      walkBlocks(state, child)
    }
  }
  flush()
}

/** A viewer shows a right-to-left document's pages from right to left (two-up, thumbnails). */
function setReadingDirection(doc: PDFKit.PDFDocument): void {
  const root = (doc as unknown as { _root: { data: { ViewerPreferences?: { data: Record<string, unknown> } } } })._root
  if (root.data.ViewerPreferences) root.data.ViewerPreferences.data.Direction = 'R2L'
}

/**
 * The title in the running head (not on the first page), at the text's start
 * side, and "Page n of N" in the foot at its end side, in the locale's
 * digits: an Arabic edition mirrors both.
 */
function addRunningHeadsAndFolios(state: PdfState): void {
  const { doc, edition } = state
  const range = doc.bufferedPageRange()
  const number = new Intl.NumberFormat(edition.locale)
  const pages = number.format(range.count)
  const frame: Frame = { left: MARGINS.left, width: doc.page.width - MARGINS.left - MARGINS.right }
  // The same title on every page: fitted once.
  const head = fitSingleLine(edition, runningTitleCandidates(edition.meta.title, edition.locale, edition.meta.shortTitle), FOLIO, frame.width, { key: edition.metaKeys.title })
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index)
    // Artifacts: readers, screen readers and copy-paste skip them.
    if (index > range.start) {
      artifact(doc, 'Pagination', () => state.missing.push(...drawSingleLine(doc, head, frame, MARGINS.top - 30)))
    }
    const folio = fillTerm(edition.terms.page, { page: number.format(index - range.start + 1), pages })
    const fitted = fitSingleLine(edition, folio, { ...FOLIO, align: 'end' }, frame.width, { key: edition.terms.page.key })
    artifact(doc, 'Pagination', () => state.missing.push(...drawSingleLine(doc, fitted, frame, doc.page.height - MARGINS.bottom + 24)))
  }
}
