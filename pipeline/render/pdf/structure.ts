/**
 * The PDF's logical structure (a tagged PDF): every piece of content the
 * writer draws belongs to a structure element (H1, P, Figure, Caption, L…)
 * in reading order, or is marked as an artifact (running heads, page
 * numbers, rules, the empty photo box) that readers and screen readers skip.
 * pdfkit carries a marked sequence across page breaks by itself.
 */
/** The part of the writer's state that structure needs (not PdfState itself: state.ts imports this module). */
interface StructureState {
  doc: PDFKit.PDFDocument
  structure: PDFKit.PDFStructureElement
  open?: OpenContent | undefined
}

/** The element whose marked content is open now, and that content (pdfkit carries it over page breaks). */
export interface OpenContent {
  element: PDFKit.PDFStructureElement
  type: StructureType
  content: PDFKit.PDFStructureContent
}

export type StructureType =
  | 'Document' | 'Div' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'H7' | 'P' | 'Figure' | 'Caption'
  | 'L' | 'LI' | 'Lbl' | 'LBody' | 'BlockQuote' | 'Code'
  | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'Note'

export interface StructureOptions {
  /** Alternative text, for a Figure (or a task box's state). */
  alt?: string
  /** The text the content stands for (a drawn check box: ☑ or ☐). */
  actual?: string
  lang?: string
  /** A header cell's reach (the attribute object /O /Table /Scope): its column, its row, or both. */
  scope?: 'Column' | 'Row' | 'Both'
}

type StructureDocument = PDFKit.PDFDocument & {
  struct: (type: string, options?: object) => PDFKit.PDFStructureElement
  markStructureContent: (type: string, options?: object) => unknown
  addStructure: (element: PDFKit.PDFStructureElement) => void
}

/** The root `Document` element, added to the PDF's structure tree. */
export function documentRoot(doc: PDFKit.PDFDocument): PDFKit.PDFStructureElement {
  const tagged = doc as StructureDocument
  const root = tagged.struct('Document')
  tagged.addStructure(root)
  return root
}

/**
 * The structure type of a heading of this level. PDF 1.7 names six (PDF 2.0 any number): a seventh
 * level is H7, which the structure tree's role map maps to H6 for readers of 1.7, so a reader that
 * knows Hn still tells it from the h6 above it, as HTML's aria-level does.
 */
export function headingType(doc: PDFKit.PDFDocument, level: number): StructureType {
  if (level <= 6) return `H${Math.max(level, 1)}` as StructureType
  const root = (doc as unknown as { getStructTreeRoot: () => { data: Record<string, unknown> } }).getStructTreeRoot()
  root.data.RoleMap = { H7: 'H6' }
  return 'H7'
}

/** One element whose content is everything `draw` puts on the page. */
export function tagged(state: StructureState, type: StructureType, options: StructureOptions, draw: () => void): void {
  const element = taggedInPieces(state, type, options)
  element.piece(draw)
  element.end()
}

/**
 * One element whose content is drawn in pieces apart (a table cell split
 * across pages, the other cells' pieces between): each `piece` is one
 * marked content of it, in order; `end` once the last is drawn.
 */
export function taggedInPieces(state: StructureState, type: StructureType, options: StructureOptions): { piece: (draw: () => void) => void; end: () => void } {
  const doc = state.doc as StructureDocument
  const element = doc.struct(type, options)
  state.structure.add(element)
  return {
    piece(draw) {
      const outer = state.open
      const open: OpenContent = { element, type, content: doc.markStructureContent(type) as PDFKit.PDFStructureContent }
      state.open = open
      try {
        draw()
      } finally {
        state.open = outer
      }
      doc.endMarkedContent()
      element.add(open.content)
    },
    end: () => element.end()
  }
}

/**
 * An element inside the line of the open one (an image in a paragraph):
 * the open content ends before it, the element becomes the open element's
 * child in reading order, and the open content goes on after it. Marked
 * content with an MCID never nests inside another.
 */
export function taggedInline(state: StructureState, type: StructureType, options: StructureOptions, draw: () => void): void {
  const open = state.open
  if (!open) {
    tagged(state, type, options, draw)
    return
  }
  const doc = state.doc as StructureDocument
  doc.endMarkedContent()
  open.element.add(open.content)
  const element = doc.struct(type, options)
  open.element.add(element)
  const content = doc.markStructureContent(type) as PDFKit.PDFStructureContent
  draw()
  doc.endMarkedContent()
  element.add(content)
  element.end()
  open.content = doc.markStructureContent(open.type) as PDFKit.PDFStructureContent
}

/** An element that groups the elements `fill` adds (a list, a quotation, a figure with its caption). */
export function grouped(state: StructureState, type: StructureType, fill: () => void): void {
  const element = (state.doc as StructureDocument).struct(type)
  state.structure.add(element)
  const parent = state.structure
  state.structure = element
  try {
    fill()
  } finally {
    state.structure = parent
  }
  element.end()
}

/** Content that is not part of the text: readers, copy-paste and screen readers skip it. */
export function artifact(doc: PDFKit.PDFDocument, type: 'Pagination' | 'Layout', draw: () => void): void {
  doc.markContent('Artifact', { type } as object)
  draw()
  doc.endMarkedContent()
}
