import type { Element } from 'hast'
import { BODY, inlineRuns, sourceOf, type Handler } from '../state.ts'
import { noteRoom } from '../footnotes/keep.ts'
import { placeImage, soleImageOf } from './image.ts'

export const paragraph: Handler = (state, node: Element) => {
  // An image on a line of its own is a block, scaled to the measure.
  const sole = soleImageOf(node)
  if (sole) return placeImage(state, sole.img, sole.link)
  const runs = inlineRuns(node.children)
  if (runs.length === 0) return
  // Keep at least two lines of a paragraph together at a page foot, with the notes they call.
  const source = sourceOf(node)
  state.ensureSpace(Math.min(state.heightOf(runs, BODY, source), 2 * state.lineAdvance(BODY)) + noteRoom(state, runs, BODY, source, 2))
  state.paragraph(runs, BODY, source)
}
