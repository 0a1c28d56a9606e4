import type { Element } from 'hast'
import { INK, MUTED, inlineRuns, type Handler, type PdfState, type Style } from '../state.ts'
import { grouped, tagged } from '../structure.ts'
import { setParagraph } from '../typeset.ts'
import { placeImage } from './image.ts'

/** An image with its caption and credit. */
export const figure: Handler = (state, node: Element) => grouped(state, 'Div', () => drawFigure(state, node))

function drawFigure(state: PdfState, node: Element): void {
  const { doc } = state
  const img = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'img')
  const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption')
  // Anything else a figure holds (a list, a quote, a nested directive) is set as ordinary content.
  const other = node.children.filter((child): child is Element => child.type === 'element' && child !== img && child !== caption)
  doc.moveDown(0.4)
  if (img && typeof img.properties.dataLocalPath === 'string') {
    placeImage(state, img, undefined, 40)
  }
  if (other.length > 0) state.all({ type: 'root', children: other })
  if (caption) tagged(state, 'Caption', {}, () => captionLines(state, caption))
}

export const CAPTION: Style = { font: 'sans', size: 8.5, color: INK, lineGap: 0, leading: 1.35, align: 'start', gapAfter: 2 }
const CREDIT: Style = { font: 'sans', size: 7.5, color: MUTED, lineGap: 0, leading: 1.35, align: 'start', gapAfter: 12, tracking: 0.2 }

/** The caption, then the credit on a line of its own in smaller, lighter type: never run together. */
function captionLines(state: PdfState, caption: Element): void {
  const parts = caption.children.filter((part): part is Element => part.type === 'element')
  parts.forEach((part, index) => {
    const credit = Array.isArray(part.properties.className) && part.properties.className.includes('credit')
    const style = { ...(credit ? CREDIT : CAPTION), gapAfter: index === parts.length - 1 ? CREDIT.gapAfter : CAPTION.gapAfter }
    setParagraph(state, inlineRuns(part.children), style, { key: part.data?.segmentKey, place: part.position ?? caption.position })
  })
}
