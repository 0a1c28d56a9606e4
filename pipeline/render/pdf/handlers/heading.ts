import type { Element } from 'hast'
import { toText } from 'hast-util-to-text'
import { ACCENT, BODY, INK, inlineRuns, sourceOf, type Handler, type Style } from '../state.ts'
import type { StructureType } from '../structure.ts'

const SIZES: Record<number, number> = { 1: 20, 2: 13, 3: 12, 4: 11, 5: 10.5, 6: 10.5 }

/** Headings keep at least three body lines below them on the same page. */
export const heading: Handler = (state, node: Element) => {
  const depth = Number(node.tagName.slice(1))
  const question = Array.isArray(node.properties.className) && node.properties.className.includes('question')
  const style: Style = {
    font: 'sansBold', size: SIZES[depth] ?? 11, color: question ? ACCENT : INK,
    lineGap: 2, align: 'start', gapAfter: 6
  }
  const runs = inlineRuns(node.children)
  state.doc.moveDown(depth <= 2 ? 0.8 : 0.5)
  state.ensureSpace(state.heightOf(runs, style, sourceOf(node)) + style.gapAfter + 3 * state.lineAdvance(BODY))
  const text = toText(node).replace(/\s+/g, ' ').trim()
  if (text) {
    if (depth === 1) state.outlineRoot = state.doc.outline.addItem(text, { expanded: true })
    else (state.outlineRoot ?? state.doc.outline).addItem(text)
  }
  state.paragraph(runs, style, sourceOf(node), `H${Math.min(Math.max(depth, 1), 6)}` as StructureType)
}
