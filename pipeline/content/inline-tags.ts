/**
 * A paragraph's inline HTML read as tags (raw-html-inline.ts and its helpers): each `html` node's tag
 * name and whether it closes, where its element closes among its siblings, and the text nodes that
 * take a tag's place.
 */
import type { PhrasingContent, Text } from 'mdast'
import type { Position } from 'unist'
import { RAW_TEXT } from './unshown-html.ts'

/** Elements with no closing tag: one tag is the whole element. */
export const VOID: ReadonlySet<string> = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/

export interface Tag {
  closing: boolean
  name: string
}

export function tagOf(node: PhrasingContent): Tag | undefined {
  if (node.type !== 'html') return undefined
  const [, closing, name] = TAG.exec(node.value) ?? []
  return name === undefined ? undefined : { closing: closing === '/', name: name.toLowerCase() }
}

/** The index of the tag that closes the element opened at `open`, if it is among the children. */
export function closingIndex(children: PhrasingContent[], open: number, name: string): number | undefined {
  let depth = 0
  for (let index = open + 1; index < children.length; index++) {
    const tag = tagOf(children[index]!)
    if (tag?.name !== name) continue
    if (!tag.closing && !RAW_TEXT.has(name)) depth++
    else if (tag.closing && depth-- === 0) return index
  }
  return undefined
}

/** Whether the node after `index` (white space aside) is an opening tag of one of these names. */
export function tagNext(children: PhrasingContent[], index: number, names: string[]): boolean {
  const next = children.slice(index + 1).find((node) => !(node.type === 'text' && node.value.trim() === ''))
  const tag = next && tagOf(next)
  return tag !== undefined && !tag.closing && names.includes(tag.name)
}

/** From an opening tag's start to its closing tag's end. */
export function spanned(open: PhrasingContent, close: PhrasingContent): Position | undefined {
  return open.position && close.position ? { start: open.position.start, end: close.position.end } : open.position
}

export function text(value: string, at: PhrasingContent): Text {
  return { type: 'text', value, position: at.position }
}
