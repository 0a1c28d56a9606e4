import type { Element } from 'hast'
import { MUTED, inlineRuns, type Handler, type Run } from '../state.ts'

const MAX_IMAGE_HEIGHT = 300

/** An image (or, without one, a labelled box) with its caption and credit. */
export const figure: Handler = (state, node: Element) => {
  const { doc } = state
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const img = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'img')
  const placeholder = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'div' && isPlaceholder(child))
  const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption')
  // Anything else a figure holds (a list, a quote, a nested directive) is set as ordinary content.
  const other = node.children.filter((child): child is Element => child.type === 'element' && child !== img && child !== placeholder && child !== caption)
  doc.moveDown(0.4)
  const localPath = img?.properties.dataLocalPath
  if (img && typeof localPath === 'string') {
    const image = (doc as unknown as { openImage: (src: string) => { width: number; height: number } }).openImage(localPath)
    const scale = Math.min(1, width / image.width, MAX_IMAGE_HEIGHT / image.height)
    state.ensureSpace(image.height * scale + 40)
    const x = doc.page.margins.left
    doc.image(image as unknown as string, x, doc.y, { width: image.width * scale, height: image.height * scale })
    doc.y += image.height * scale + 4
  } else if (placeholder) {
    state.ensureSpace(70)
    const y = doc.y
    doc.save().rect(doc.page.margins.left, y, width, 36).fill('#f2f2f2').restore()
    doc.font('sans').fontSize(7.5).fillColor(MUTED)
      .text(textOf(placeholder).toUpperCase(), doc.page.margins.left, y + 13, { width, align: 'center', characterSpacing: 1 })
    doc.x = doc.page.margins.left
    doc.y = y + 40
  }
  if (other.length > 0) state.all({ type: 'root', children: other })
  if (caption) {
    const runs: Run[] = []
    for (const part of caption.children) {
      if (part.type !== 'element') continue
      const credit = Array.isArray(part.properties.className) && part.properties.className.includes('credit')
      if (runs.length > 0) runs.push({ text: ' ', bold: false, italic: false })
      runs.push(...inlineRuns(part.children, false, credit))
    }
    state.paragraph(runs, { font: 'sans', size: 8.5, color: MUTED, lineGap: 1.5, align: 'left', gapAfter: 10, indent: 0 })
  }
}

function isPlaceholder(node: Element): boolean {
  return Array.isArray(node.properties.className) && node.properties.className.includes('figure-placeholder')
}

function textOf(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
}
