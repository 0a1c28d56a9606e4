/**
 * totalFit as it was first written (pipeline/render/pdf/text/total-fit.ts
 * at 078399f): one node per candidate line, a Map of the best per class,
 * iterators. The optimised one must choose the same breaks
 * (test/pdf-speed.test.ts).
 */
import { MAX_HYPHENS_IN_A_ROW, type Breakpoint, type FitOptions } from '../../pipeline/render/pdf/text/total-fit.ts'

const LINE_PENALTY = 10
const DOUBLE_HYPHEN_DEMERITS = 10_000
const FINAL_HYPHEN_DEMERITS = 3_000_000
const ADJACENT_FITNESS_DEMERITS = 10_000
const PAGE_END_HYPHEN_DEMERITS = 3_000_000
const UNSTRETCHABLE = 1e7

interface Node {
  index: number
  line: number
  fitness: number
  hyphens: number
  demerits: number
  previous?: Node | undefined
  /** Where the next line starts: the widths summed from the paragraph's start, this break's glue included (kept flat: a node is made per candidate line). */
  afterWidth: number
  afterStretch: number
  afterShrink: number
}

/**
 * The indices of the breakpoints that end each line, or undefined when no
 * way of breaking keeps every line within the tolerance.
 */
export function referenceTotalFit(points: readonly Breakpoint[], options: FitOptions): number[] | undefined {
  const start: Node = { index: -1, line: 0, fitness: 1, hyphens: 0, demerits: 0, afterWidth: 0, afterStretch: 0, afterShrink: 0 }
  const active: Node[] = [start]
  const last = points.length - 1
  const best = new Map<number, Node>()
  for (let index = 0; index <= last; index++) {
    const point = points[index]!
    if (point.hyphen && !options.hyphens) continue
    const flagged = point.hyphen || point.explicitHyphen === true
    best.clear()
    let kept = 0
    for (const node of active) {
      const ratio = stretchRatio(node, point, options, index === last)
      // A line from this node is already too long (or must end here): it can start no later line.
      if (ratio >= -1 && !point.forced) active[kept++] = node
      if (ratio < -1 || ratio > options.tolerance) continue
      if (flagged && node.hyphens >= MAX_HYPHENS_IN_A_ROW) continue
      const candidate = nodeAt(index, node, point, flagged, ratio, options, index === last)
      const line = options.pageEndLine === undefined ? 0 : Math.min(candidate.line, options.pageEndLine + 1)
      const key = (line * 4 + candidate.hyphens) * 4 + candidate.fitness
      const known = best.get(key)
      if (!known || candidate.demerits < known.demerits) best.set(key, candidate)
    }
    active.length = kept
    for (const node of best.values()) active.push(node)
    if (active.length === 0) return undefined
  }
  const ending = active.filter((node) => node.index === last)
  if (ending.length === 0) return undefined
  let node: Node | undefined = ending.reduce((found, each) => (each.demerits < found.demerits ? each : found))
  const breaks: number[] = []
  for (; node && node.index >= 0; node = node.previous) breaks.unshift(node.index)
  return breaks
}

function stretchRatio(node: Node, point: Breakpoint, options: FitOptions, paragraphEnd: boolean): number {
  const natural = point.width - node.afterWidth + (point.hyphen ? point.hyphenWidth : 0)
  const slack = options.width - natural
  if (slack >= 0) {
    // The paragraph's last line is set at its natural width (TeX's \parfillskip).
    if (paragraphEnd && !options.balance) return 0
    const stretch = point.stretch - node.afterStretch + options.lineStretch
    return stretch > 0 ? slack / stretch : slack > 0.01 ? Infinity : 0
  }
  const shrink = point.shrink - node.afterShrink
  return shrink > 0 ? slack / shrink : slack < -0.01 ? -Infinity : 0
}

function nodeAt(index: number, from: Node, point: Breakpoint, flagged: boolean, ratio: number, options: FitOptions, paragraphEnd: boolean): Node {
  // Not capped at TeX's 10,000: in the last pass, a line twice as loose must cost more than one a little too loose.
  const badness = Number.isFinite(ratio) ? 100 * Math.abs(ratio) ** 3 : UNSTRETCHABLE
  let demerits = (LINE_PENALTY + badness) ** 2 + point.penalty ** 2
  if (flagged && from.hyphens > 0) demerits += DOUBLE_HYPHEN_DEMERITS
  if (paragraphEnd && from.hyphens > 0) demerits += FINAL_HYPHEN_DEMERITS
  if (flagged && options.pageEndLine === from.line) demerits += PAGE_END_HYPHEN_DEMERITS
  if (paragraphEnd && from.index >= 0 && index - from.index < (options.lastLineMin ?? 0)) demerits += PAGE_END_HYPHEN_DEMERITS
  const fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
  if (Math.abs(fitness - from.fitness) > 1) demerits += ADJACENT_FITNESS_DEMERITS
  return {
    index,
    line: from.line + 1,
    fitness,
    hyphens: flagged ? from.hyphens + 1 : 0,
    demerits: from.demerits + demerits,
    previous: from,
    afterWidth: point.width + point.glue,
    afterStretch: point.stretch + point.glueStretch,
    afterShrink: point.shrink + point.glueShrink
  }
}
