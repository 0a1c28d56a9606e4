/** Handlers for the rest of CommonMark, so any document in content/ builds. */
import type { Element } from 'hast'
import { toText } from 'hast-util-to-text'
import { BODY, MUTED, inlineRuns, sourceOf, type Handler, type PdfState } from '../state.ts'
import { artifact, grouped } from '../structure.ts'

/** Containers: the standfirst gets its own style, anything else is walked through. */
export const division: Handler = (state, node: Element) => {
  const classes = Array.isArray(node.properties.className) ? node.properties.className : []
  if (classes.includes('directive-standfirst')) {
    for (const child of node.children) {
      if (child.type === 'element' && child.tagName === 'p') {
        // Ragged and never hyphenated: a standfirst is read at a glance, and a justified one opens gaps.
        state.paragraph(inlineRuns(child.children), { ...BODY, font: 'serifItalic', size: 12.5, leading: 1.35, align: 'start', gapAfter: 12 }, sourceOf(child))
      }
    }
    return
  }
  state.all(node)
}

export const blockquote: Handler = (state, node: Element) => grouped(state, 'BlockQuote', () => {
  state.insetStart += 18
  for (const child of node.children) {
    if (child.type === 'element' && child.tagName === 'p') state.paragraph(inlineRuns(child.children), { ...BODY, font: 'serifItalic' }, sourceOf(child))
    else if (child.type === 'element') state.all({ type: 'root', children: [child] })
  }
  state.insetStart -= 18
})

export const list: Handler = (state, node: Element) => grouped(state, 'L', () => listItems(state, node))

function listItems(state: PdfState, node: Element): void {
  const ordered = node.tagName === 'ol'
  let number = typeof node.properties.start === 'number' ? node.properties.start : 1
  for (const item of node.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue
    const marker = ordered ? `${number++}. ` : '• '
    const blocks = item.children.filter((child): child is Element => child.type === 'element' && /^(p|ul|ol)$/.test(child.tagName))
    const phrasing = blocks.length === 0 ? item.children : blocks[0]!.tagName === 'p' ? blocks[0]!.children : []
    const source = blocks[0]?.tagName === 'p' ? sourceOf(blocks[0]) : undefined
    grouped(state, 'LI', () => {
      state.paragraph([{ text: marker, bold: false, italic: false }, ...inlineRuns(phrasing)], { ...BODY, align: 'start', gapAfter: 3 }, source, 'LBody')
      for (const nested of blocks.slice(blocks[0]?.tagName === 'p' ? 1 : 0)) {
        state.insetStart += 14
        state.all({ type: 'root', children: [nested] })
        state.insetStart -= 14
      }
    })
  }
  state.doc.moveDown(0.4)
}

export const preformatted: Handler = (state, node: Element) => {
  state.paragraph([{ text: toText(node), bold: false, italic: false }], { ...BODY, font: 'sans', size: 9, align: 'start' }, undefined, 'Code')
}

export const rule: Handler = (state) => {
  const { doc } = state
  const y = doc.y + 4
  artifact(doc, 'Layout', () => {
    doc.save().moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).stroke('#cccccc').restore()
  })
  doc.y = y + 10
}

/** Tables are set row by row, cells separated by a rule character. */
export const table: Handler = (state, node: Element) => {
  const rows: Element[] = []
  const collect = (element: Element) => {
    for (const child of element.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'tr') rows.push(child)
      else collect(child)
    }
  }
  collect(node)
  for (const row of rows) {
    const cells = row.children.filter((cell): cell is Element => cell.type === 'element')
    const runs = cells.flatMap((cell, index) => [
      ...(index > 0 ? [{ text: '  |  ', bold: false, italic: false }] : []),
      ...inlineRuns(cell.children, cell.tagName === 'th')
    ])
    state.paragraph(runs, { ...BODY, align: 'start', gapAfter: 2 })
  }
  state.doc.moveDown(0.5)
}

/** The article's title block: title, byline, reading time, then a rule. */
export const titleBlock: Handler = (state, node: Element) => {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    const classes = Array.isArray(child.properties.className) ? child.properties.className : []
    if (child.tagName === 'p') {
      const muted = classes.includes('reading-time')
      state.paragraph(inlineRuns(child.children, false, classes.includes('byline')), {
        ...BODY, font: 'sans', size: muted ? 8.5 : 10, color: muted ? MUTED : BODY.color, align: 'start', gapAfter: 3
      }, sourceOf(child))
    } else state.all({ type: 'root', children: [child] })
  }
  rule(state, node)
}
