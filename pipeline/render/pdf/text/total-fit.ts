/**
 * Total-fit line breaking (Knuth and Plass, "Breaking paragraphs into
 * lines", 1981): of all the ways to break a paragraph at its break points,
 * the one with the fewest demerits, summed over its lines. A line's
 * demerits grow with the cube of how far its spaces stretch or shrink, and
 * with what it ends in: a hyphen, a second hyphen in a row, a hyphen on the
 * last full line or on a page's last line, a line much looser or tighter
 * than the one before. The break points and their widths come from
 * break-lines.ts; this module knows nothing of text.
 */

export interface Breakpoint {
  /** Width of everything before the break (its glue excluded), from the paragraph's start. */
  width: number
  stretch: number
  shrink: number
  /** The glue at the break: dropped when the line breaks here. */
  glue: number
  glueStretch: number
  glueShrink: number
  /** Demerits for breaking here (a hyphen's), 0 at a space. */
  penalty: number
  /** A hyphenation point: the line ends with a hyphen of `hyphenWidth`. */
  hyphen: boolean
  /** The line ends in a hyphen already in the text (large-/scale): counted as a hyphenated line, nothing added. */
  explicitHyphen?: boolean | undefined
  hyphenWidth: number
  /** A line must end here (a forced break, or the paragraph's end). */
  forced: boolean
}

export interface FitOptions {
  width: number
  /** The largest stretch ratio a line may have (the stretch its spaces allow is 1). */
  tolerance: number
  /** Stretch every line has beside its spaces: ragged text's right margin. */
  lineStretch: number
  /** Whether hyphenation points may end lines (not in the first pass). */
  hyphens: boolean
  /** A hyphen at the end of this line (0-based) costs more: the page turns after it. */
  pageEndLine?: number | undefined
  /** The last line counts like the others (a balanced headline), instead of being set at its natural width. */
  balance?: boolean | undefined
  /** A last line of fewer break points than this costs more (a Chinese character alone). */
  lastLineMin?: number | undefined
}

/** TeX's defaults (plain.tex), in the same units. */
const LINE_PENALTY = 10
const DOUBLE_HYPHEN_DEMERITS = 10_000
const FINAL_HYPHEN_DEMERITS = 3_000_000
const ADJACENT_FITNESS_DEMERITS = 10_000
/** A hyphen the reader must carry over a page turn: about as bad as a line whose spaces stretch two and a half times their stretch. */
const PAGE_END_HYPHEN_DEMERITS = 3_000_000
/** The badness of a short line with nothing to stretch (a word alone). */
const UNSTRETCHABLE = 1e7
/** No more than this many hyphenated lines in a row. */
export const MAX_HYPHENS_IN_A_ROW = 2

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
 *
 * Written for code that mostly runs before V8 optimises it (a cold build
 * breaks each paragraph once): indexed loops instead of iterators, and a
 * candidate line's node made only when it beats the best of its class, so
 * that the many candidates weighed and dropped allocate nothing.
 */
export function totalFit(points: readonly Breakpoint[], options: FitOptions): number[] | undefined {
  const start: Node = { index: -1, line: 0, fitness: 1, hyphens: 0, demerits: 0, afterWidth: 0, afterStretch: 0, afterShrink: 0 }
  const active: Node[] = [start]
  const last = points.length - 1
  const { pageEndLine, tolerance } = options
  // The best candidate per class (line, hyphens in a row, fitness), and the classes in the order they were first met: ties go to the first.
  const best: Array<Node | undefined> = []
  const classes: number[] = []
  for (let index = 0; index <= last; index++) {
    const point = points[index]!
    if (point.hyphen && !options.hyphens) continue
    const flagged = point.hyphen || point.explicitHyphen === true
    const paragraphEnd = index === last
    const count = active.length
    let kept = 0
    for (let at = 0; at < count; at++) {
      const node = active[at]!
      const ratio = stretchRatio(node, point, options, paragraphEnd)
      // A line from this node is already too long (or must end here): it can start no later line.
      if (ratio >= -1 && !point.forced) active[kept++] = node
      if (ratio < -1 || ratio > tolerance) continue
      if (flagged && node.hyphens >= MAX_HYPHENS_IN_A_ROW) continue
      const fitness = fitnessOf(ratio)
      const demerits = node.demerits + lineDemerits(index, node, point, flagged, ratio, fitness, options, paragraphEnd)
      const hyphens = flagged ? node.hyphens + 1 : 0
      const line = pageEndLine === undefined ? 0 : Math.min(node.line + 1, pageEndLine + 1)
      const key = (line * 4 + hyphens) * 4 + fitness
      const known = best[key]
      if (known === undefined) classes.push(key)
      else if (!(demerits < known.demerits)) continue
      best[key] = {
        index, line: node.line + 1, fitness, hyphens, demerits, previous: node,
        afterWidth: point.width + point.glue, afterStretch: point.stretch + point.glueStretch, afterShrink: point.shrink + point.glueShrink
      }
    }
    active.length = kept
    for (let at = 0; at < classes.length; at++) {
      active.push(best[classes[at]!]!)
      best[classes[at]!] = undefined
    }
    classes.length = 0
    if (active.length === 0) return undefined
  }
  let node: Node | undefined
  for (let at = 0; at < active.length; at++) {
    const each = active[at]!
    if (each.index === last && (node === undefined || each.demerits < node.demerits)) node = each
  }
  if (node === undefined) return undefined
  const breaks: number[] = []
  for (; node && node.index >= 0; node = node.previous) breaks.push(node.index)
  return breaks.reverse()
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

function fitnessOf(ratio: number): number {
  return ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
}

/** The demerits of a line from `from` to the break at `index`. */
function lineDemerits(index: number, from: Node, point: Breakpoint, flagged: boolean, ratio: number, fitness: number, options: FitOptions, paragraphEnd: boolean): number {
  // Not capped at TeX's 10,000: in the last pass, a line twice as loose must cost more than one a little too loose.
  const badness = Number.isFinite(ratio) ? 100 * Math.abs(ratio) ** 3 : UNSTRETCHABLE
  let demerits = (LINE_PENALTY + badness) ** 2 + point.penalty ** 2
  if (flagged && from.hyphens > 0) demerits += DOUBLE_HYPHEN_DEMERITS
  if (paragraphEnd && from.hyphens > 0) demerits += FINAL_HYPHEN_DEMERITS
  if (flagged && options.pageEndLine === from.line) demerits += PAGE_END_HYPHEN_DEMERITS
  if (paragraphEnd && from.index >= 0 && index - from.index < (options.lastLineMin ?? 0)) demerits += PAGE_END_HYPHEN_DEMERITS
  if (Math.abs(fitness - from.fitness) > 1) demerits += ADJACENT_FITNESS_DEMERITS
  return demerits
}
