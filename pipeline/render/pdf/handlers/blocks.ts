/** Handlers for the rest of CommonMark, so any document in content/ builds. */
import type { Element } from 'hast'
import { toText } from 'hast-util-to-text'
import { BODY, MUTED, inlineRuns, sourceOf, type Handler, type Style } from '../state.ts'
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
  if (classes.includes('directive-credits')) {
    // The article's credits line: small, ragged, after a rule.
    rule(state, node)
    for (const child of node.children) {
      if (child.type === 'element' && child.tagName === 'p') {
        state.paragraph(inlineRuns(child.children), { ...BODY, font: 'sans', size: 8, color: MUTED, leading: 1.35, align: 'start', gapAfter: 3 }, sourceOf(child))
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

/** Code: monospace, its lines and indentation as written, never justified or hyphenated. */
const CODE: Style = { ...BODY, font: 'mono', size: 8.5, lineGap: 2, align: 'start', gapAfter: 8 }

export const preformatted: Handler = (state, node: Element) => {
  const text = toText(node, { whitespace: 'pre' }).replace(/\n$/, '').replace(/\t/g, '    ')
  if (text.trim() === '') return
  state.paragraph([{ text, bold: false, italic: false, code: true }], CODE, sourceOf(node), 'Code')
}

export const rule: Handler = (state) => {
  const { doc } = state
  const y = doc.y + 4
  artifact(doc, 'Layout', () => {
    doc.save().moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).stroke('#cccccc').restore()
  })
  doc.y = y + 10
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
