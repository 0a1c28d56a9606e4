import type { Element } from 'hast'
import { toText } from 'hast-util-to-text'
import { BODY, INK, inlineRuns, sourceOf, type Handler, type PdfState, type Style } from '../state.ts'
import { roomAfterHeading } from '../footnotes/keep.ts'
import { headingType } from '../structure.ts'
import { headingLevel } from '../../heading-level.ts'

const SIZES: Record<number, number> = { 1: 22, 2: 14, 3: 12.5, 4: 11, 5: 11, 6: 11 }

/**
 * An interview's question is part of the text, not a section title: body
 * size, bold, in the text's colour and measure, a half line above it. Other
 * headings are sans, the headline balanced over its lines.
 */
const QUESTION: Style = { ...BODY, font: 'serifBold', align: 'start', gapAfter: 4 }

/** Headings keep at least three body lines below them on the same page (and the room of the notes the first two call). */
export const heading: Handler = (state, node: Element) => {
  const depth = headingLevel(node) ?? 6
  const question = Array.isArray(node.properties.className) && node.properties.className.includes('question')
  const style: Style = question ? QUESTION : {
    font: 'sansBold', size: SIZES[depth] ?? 11, color: INK, lineGap: 0, leading: 1.2, align: 'start', gapAfter: depth === 1 ? 10 : 6,
    balance: depth <= 2
  }
  const runs = inlineRuns(node.children)
  state.doc.y += question ? BODY.size * 0.7 : depth <= 2 ? 12 : 8
  state.ensureSpace(state.heightOf(runs, style, sourceOf(node)) + style.gapAfter + 3 * state.lineAdvance(BODY) + roomAfterHeading(state, node))
  // Links inside the document (`#id`) land here.
  if (typeof node.properties.id === 'string') state.doc.addNamedDestination(node.properties.id, 'XYZ', null, state.doc.y, null)
  const text = toText(node).replace(/\s+/g, ' ').trim()
  if (text) addToOutline(state, depth, text)
  state.paragraph(runs, style, sourceOf(node), headingType(state.doc, depth))
}

/** The headline heads the outline; a section's heading nests under its chapter's, as in the e-book's contents. */
function addToOutline(state: PdfState, depth: number, text: string): void {
  if (depth === 1) {
    state.outlineRoot = state.doc.outline.addItem(text, { expanded: true })
    state.outlineSections = []
    return
  }
  const open = (state.outlineSections ??= [])
  while (open.length > 0 && open.at(-1)!.depth >= depth) open.pop()
  const parent = open.at(-1)?.item ?? state.outlineRoot ?? state.doc.outline
  open.push({ depth, item: parent.addItem(text) })
}
