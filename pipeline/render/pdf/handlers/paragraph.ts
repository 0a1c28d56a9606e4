import type { Element } from 'hast'
import { BODY, inlineRuns, sourceOf, type Handler } from '../state.ts'

export const paragraph: Handler = (state, node: Element) => {
  const runs = inlineRuns(node.children)
  if (runs.length === 0) return
  // Keep at least two lines of a paragraph together at a page foot.
  state.ensureSpace((BODY.size + BODY.lineGap) * 2.4)
  state.paragraph(runs, BODY, sourceOf(node))
}
