/**
 * Where a paragraph's lines go when notes at the page foot take room: a
 * pure function of the lines, the page's space and the notes' heights, so
 * the page layout can ask before it draws and unit tests can ask directly.
 *
 * A line that calls a note is set on a page only if the note fits below it
 * on the same page; otherwise the line goes over to the next page and its
 * note with it. A note that cannot fit even under the first line of an
 * empty page (with the line's other notes) is demoted to an endnote; a
 * note taller than half a page never reaches the plan (foot-notes.ts).
 */

export interface PlanLine {
  /** Height without the gap after it: what must fit above the page's bottom. */
  height: number
  /** How far the next line starts below this one. */
  advance: number
  /** Notes this line calls, in order (ids; a note already placed costs nothing). */
  notes: readonly string[]
}

export interface PageSpace {
  /** Where the first line's top would be. */
  y: number
  /** The current page's bottom for text, above the notes already reserved there. */
  bottom: number
  /** A fresh page's text top and bottom (nothing reserved yet). */
  pageTop: number
  pageBottom: number
  /** Whether the current page already has notes at its foot (then the rule above them is paid for). */
  hasNotes: boolean
}

export interface NoteCosts {
  /** The height a note takes at the foot, gap included; undefined: not a foot note (an endnote, or already placed). */
  height: (id: string) => number | undefined
  /** The rule and space above the first note of a page. */
  separator: number
}

export interface LinePlan {
  /** Lines that start a new page. */
  turns: number[]
  /** Per line, the notes it places at the foot of its page. */
  notes: string[][]
  /** Notes that fit under no page with their line: set as endnotes. */
  demoted: string[]
}

/**
 * No widow either: a paragraph's last line never stands alone at a page
 * top; its second-to-last goes over with it, when two lines stay behind.
 */
export function planLines(lines: readonly PlanLine[], space: PageSpace, costs: NoteCosts): LinePlan {
  const plan: LinePlan = { turns: [], notes: [], demoted: [] }
  /** Notes whose place this plan has settled. */
  const settled = new Set<string>()
  let y = space.y
  let bottom = space.bottom
  let hasNotes = space.hasNotes
  const cost = (ids: readonly string[], rule: boolean) => (ids.length === 0 ? 0 : ids.reduce((sum, id) => sum + costs.height(id)!, rule ? costs.separator : 0))
  const fits = (line: PlanLine, ids: readonly string[], top: number, floor: number, rule: boolean) => top + line.height <= floor - cost(ids, rule)
  /** The line's notes not yet settled; those that no page could hold under it become endnotes. */
  const notesOf = (line: PlanLine): string[] => {
    const kept: string[] = []
    for (const id of new Set(line.notes)) {
      if (costs.height(id) === undefined || settled.has(id)) continue
      if (fits(line, [...kept, id], space.pageTop, space.pageBottom, true)) kept.push(id)
      else {
        plan.demoted.push(id)
        settled.add(id)
      }
    }
    return kept
  }
  lines.forEach((line, index) => {
    const ids = notesOf(line)
    const next = lines[index + 1]
    const ok = fits(line, ids, y, bottom, !hasNotes)
    // The widow test counts this line's notes against the next line's room (next's own notes are not settled yet).
    const nextIds = next ? next.notes.filter((id) => costs.height(id) !== undefined && !settled.has(id) && !ids.includes(id)) : []
    const widow = ok && index >= 2 && index === lines.length - 2 && !fits(next!, nextIds, y + line.advance, bottom - cost(ids, !hasNotes), !hasNotes && ids.length === 0)
    if (!ok || widow) {
      plan.turns.push(index)
      y = space.pageTop
      bottom = space.pageBottom
      hasNotes = false
    }
    for (const id of ids) settled.add(id)
    bottom -= cost(ids, !hasNotes)
    if (ids.length > 0) hasNotes = true
    plan.notes.push(ids)
    y += line.advance
  })
  return plan
}
