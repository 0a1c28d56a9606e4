/**
 * Elements a browser does not show, taken out of a paragraph's inline HTML with everything between
 * their tags (raw-html-inline.ts; which elements: unshown-html.ts).
 */
import type { PhrasingContent } from 'mdast'
import type { Position } from 'unist'
import { closingIndex, tagOf, VOID } from './inline-tags.ts'
import { UNSHOWN } from './unshown-html.ts'

/**
 * The children without each unshown element that closes among them: its tags and everything between.
 * Raw text ends at the first closing tag of its name, as HTML's parser reads it; a template or a
 * datalist at its own closing tag. An SVG's `<title>` is its name, words a screen reader says: kept.
 * One without its closing tag here keeps its words (a browser would hide the rest of the page, more
 * than the author can have meant): its tag is dropped and reported as any other. An element hidden by
 * its attributes (`hiddenTag`) goes as these do; a comment, a declaration or a processing instruction
 * shows nothing and goes alone.
 */
export function withoutUnshown(children: PhrasingContent[], text: string, report: (source: string, place: Position | undefined) => void, hiddenTag: (tag: string) => boolean): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let svgDepth = 0
  let removedLast = false
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    const tag = tagOf(child)
    const html = child.type === 'html' ? child.value : ''
    if (tag?.name === 'svg') svgDepth = Math.max(0, svgDepth + (tag.closing ? -1 : /\/>$/.test(html) ? 0 : 1))
    const unshown = tag && !tag.closing && ((UNSHOWN.has(tag.name) && !(tag.name === 'title' && svgDepth > 0)) || hiddenTag(html))
    const end = child.type === 'html' && !tag ? index : unshown ? (VOID.has(tag.name) ? index : closingIndex(children, index, tag.name)) : undefined
    if (end === undefined) {
      out.push(child)
      removedLast = false
      continue
    }
    const last = children[end]!
    const place: Position | undefined = child.position && last.position ? { start: child.position.start, end: last.position.end } : undefined
    report(place ? text.slice(place.start.offset, place.end.offset) : html, place)
    joinAround(out, children[end + 1], (next) => (children[end + 1] = next))
    index = end
    removedLast = end === children.length - 1
  }
  const lastText = out.at(-1)
  // Nothing after it: the paragraph ends where its words do.
  if (removedLast && lastText?.type === 'text') out[out.length - 1] = { ...lastText, value: lastText.value.trimEnd() }
  return out.filter((node) => node.type !== 'text' || node.value !== '')
}

/** Where an element went, one space is left between the words around it, none at the paragraph's start. */
function joinAround(out: PhrasingContent[], next: PhrasingContent | undefined, replaceNext: (node: PhrasingContent) => void): void {
  if (next?.type !== 'text') return
  const before = out.at(-1)
  if (before === undefined || (before.type === 'text' && /\s$/.test(before.value))) replaceNext({ ...next, value: next.value.trimStart() })
}
