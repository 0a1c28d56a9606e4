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
  /** A word too wide for the line cut here (with its hyphen): a break every pass may take. */
  cut?: boolean | undefined
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

/**
 * The nodes (a feasible break with the best way to reach it) of one call,
 * kept in columns and named by their index, not made as objects: a book's
 * paragraphs made some 300,000, each with its numbers boxed, for the
 * collector. Kept between calls and grown as needed (a call runs to its end
 * before the next begins).
 */
class Nodes {
  count = 0
  index = new Int32Array(1024)
  line = new Int32Array(1024)
  fitness = new Int32Array(1024)
  hyphens = new Int32Array(1024)
  previous = new Int32Array(1024)
  demerits = new Float64Array(1024)
  /** Where the next line starts: the widths summed from the paragraph's start, this break's glue included. */
  afterWidth = new Float64Array(1024)
  afterStretch = new Float64Array(1024)
  afterShrink = new Float64Array(1024)

  add(index: number, line: number, fitness: number, hyphens: number, demerits: number, previous: number, afterWidth: number, afterStretch: number, afterShrink: number): number {
    if (this.count === this.index.length) this.grow()
    const node = this.count++
    this.index[node] = index
    this.line[node] = line
    this.fitness[node] = fitness
    this.hyphens[node] = hyphens
    this.demerits[node] = demerits
    this.previous[node] = previous
    this.afterWidth[node] = afterWidth
    this.afterStretch[node] = afterStretch
    this.afterShrink[node] = afterShrink
    return node
  }

  private grow(): void {
    const grown = <T extends Int32Array | Float64Array>(column: T): T => {
      const larger = new (column.constructor as new (length: number) => T)(column.length * 2)
      larger.set(column)
      return larger
    }
    this.index = grown(this.index)
    this.line = grown(this.line)
    this.fitness = grown(this.fitness)
    this.hyphens = grown(this.hyphens)
    this.previous = grown(this.previous)
    this.demerits = grown(this.demerits)
    this.afterWidth = grown(this.afterWidth)
    this.afterStretch = grown(this.afterStretch)
    this.afterShrink = grown(this.afterShrink)
  }
}

const nodes = new Nodes()
/** No node: the start's previous, and an empty class. */
const NONE = -1

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
  nodes.count = 0
  const start = nodes.add(-1, 0, 1, 0, 0, NONE, 0, 0, 0)
  const active: number[] = [start]
  const last = points.length - 1
  const { pageEndLine, tolerance } = options
  // The best candidate per class (line, hyphens in a row, fitness), and the classes in the order they were first met: ties go to the first.
  const best: number[] = []
  const classes: number[] = []
  for (let index = 0; index <= last; index++) {
    const point = points[index]!
    if (point.hyphen && !point.cut && !options.hyphens) continue
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
      // A cut word has no other place to break: its hyphens may follow any number of others.
      if (flagged && !point.cut && nodes.hyphens[node]! >= MAX_HYPHENS_IN_A_ROW) continue
      const fitness = fitnessOf(ratio)
      const demerits = nodes.demerits[node]! + lineDemerits(index, node, point, flagged, ratio, fitness, options, paragraphEnd)
      const hyphens = flagged ? nodes.hyphens[node]! + 1 : 0
      const line = pageEndLine === undefined ? 0 : Math.min(nodes.line[node]! + 1, pageEndLine + 1)
      const key = (line * 4 + hyphens) * 4 + fitness
      const known = best[key] ?? NONE
      if (known === NONE) classes.push(key)
      else if (!(demerits < nodes.demerits[known]!)) continue
      best[key] = nodes.add(
        index, nodes.line[node]! + 1, fitness, hyphens, demerits, node,
        point.width + point.glue, point.stretch + point.glueStretch, point.shrink + point.glueShrink
      )
    }
    active.length = kept
    for (let at = 0; at < classes.length; at++) {
      active.push(best[classes[at]!]!)
      best[classes[at]!] = NONE
    }
    classes.length = 0
    if (active.length === 0) return undefined
  }
  let node = NONE
  for (let at = 0; at < active.length; at++) {
    const each = active[at]!
    if (nodes.index[each] === last && (node === NONE || nodes.demerits[each]! < nodes.demerits[node]!)) node = each
  }
  if (node === NONE) return undefined
  const breaks: number[] = []
  for (; node !== NONE && nodes.index[node]! >= 0; node = nodes.previous[node]!) breaks.push(nodes.index[node]!)
  return breaks.reverse()
}

function stretchRatio(node: number, point: Breakpoint, options: FitOptions, paragraphEnd: boolean): number {
  const natural = point.width - nodes.afterWidth[node]! + (point.hyphen ? point.hyphenWidth : 0)
  const slack = options.width - natural
  if (slack >= 0) {
    // The paragraph's last line is set at its natural width (TeX's \parfillskip).
    if (paragraphEnd && !options.balance) return 0
    const stretch = point.stretch - nodes.afterStretch[node]! + options.lineStretch
    return stretch > 0 ? slack / stretch : slack > 0.01 ? Infinity : 0
  }
  const shrink = point.shrink - nodes.afterShrink[node]!
  return shrink > 0 ? slack / shrink : slack < -0.01 ? -Infinity : 0
}

function fitnessOf(ratio: number): number {
  return ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3
}

/** The demerits of a line from node `from` to the break at `index`. */
function lineDemerits(index: number, from: number, point: Breakpoint, flagged: boolean, ratio: number, fitness: number, options: FitOptions, paragraphEnd: boolean): number {
  // Not capped at TeX's 10,000: in the last pass, a line twice as loose must cost more than one a little too loose.
  const badness = Number.isFinite(ratio) ? 100 * Math.abs(ratio) ** 3 : UNSTRETCHABLE
  let demerits = (LINE_PENALTY + badness) ** 2 + point.penalty ** 2
  const hyphens = nodes.hyphens[from]!
  if (flagged && hyphens > 0) demerits += DOUBLE_HYPHEN_DEMERITS
  if (paragraphEnd && hyphens > 0) demerits += FINAL_HYPHEN_DEMERITS
  if (flagged && options.pageEndLine === nodes.line[from]) demerits += PAGE_END_HYPHEN_DEMERITS
  const fromIndex = nodes.index[from]!
  if (paragraphEnd && fromIndex >= 0 && index - fromIndex < (options.lastLineMin ?? 0)) demerits += PAGE_END_HYPHEN_DEMERITS
  if (Math.abs(fitness - nodes.fitness[from]!) > 1) demerits += ADJACENT_FITNESS_DEMERITS
  return demerits
}
