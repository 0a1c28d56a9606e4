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
}

export type StructureType =
  | 'Document' | 'Div' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'Figure' | 'Caption'
  | 'L' | 'LI' | 'Lbl' | 'LBody' | 'BlockQuote' | 'Code'
  | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'Note'

export interface StructureOptions {
  /** Alternative text, for a Figure (or a task box's state). */
  alt?: string
  /** The text the content stands for (a drawn check box: ☑ or ☐). */
  actual?: string
  lang?: string
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

/** One element whose content is everything `draw` puts on the page. */
export function tagged(state: StructureState, type: StructureType, options: StructureOptions, draw: () => void): void {
  const doc = state.doc as StructureDocument
  const element = doc.struct(type, options)
  state.structure.add(element)
  const content = doc.markStructureContent(type)
  draw()
  doc.endMarkedContent()
  element.add(content as PDFKit.PDFStructureContent)
  element.end()
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
