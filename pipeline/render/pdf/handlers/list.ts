/**
 * Lists of any depth and kind. Each item is LI → Lbl (its bullet, number or
 * task box, set in the gutter at the start side) + LBody (whatever the item
 * holds: text, paragraphs, nested lists, quotes, code), and the body is set
 * through the same handler map as the rest of the document.
 */
import type { Element, ElementContent } from 'hast'
import { BODY, inlineRuns, sourceOf, type Handler, type PdfState, type Style } from '../state.ts'
import { grouped, tagged } from '../structure.ts'
import { drawSingleLine, fitSingleLine, frameOf, type Frame } from '../typeset.ts'
import { isPhrasingElement } from '../inline.ts'
import { noteRoom } from '../footnotes/keep.ts'
import { drawTaskBox } from './task-box.ts'

/** The gutter a marker stands in; nested lists step in by as much. */
const INDENT = 18
const GAP = 4
const ITEM: Style = { ...BODY, align: 'start', gapAfter: 3 }

/**
 * GFM footnotes that could not go to the foot of their page (footnotes/)
 * as endnotes where the document ends: the heading, then each note tagged
 * Note with its number as Lbl, a named destination for its calls. With
 * every note at a page foot there is no notes section.
 */
export const footnotes: Handler = (state, node: Element) => {
  const note: Style = { ...ITEM, size: 9, lineGap: 2 }
  const atFoot = (item: ElementContent) => item.type === 'element' && typeof item.properties.id === 'string' && state.notes?.atFoot(item.properties.id) === true
  const lists = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'ol')
  if (lists.every((child) => child.children.every((item) => item.type !== 'element' || item.tagName !== 'li' || atFoot(item)))) return
  for (const child of node.children) {
    if (child.type !== 'element') continue
    if (child.tagName !== 'ol') {
      state.all({ type: 'root', children: [child] })
      continue
    }
    let number = 1
    const numeral = new Intl.NumberFormat(state.edition.locale)
    for (const item of child.children) {
      if (item.type !== 'element' || item.tagName !== 'li') continue
      // Numbered as GFM numbers them: by first call, counting the notes set at a page foot.
      const label = `${numeral.format(number++)}.`
      if (atFoot(item)) continue
      grouped(state, 'Note', () => {
        state.ensureSpace(state.lineAdvance(note))
        if (typeof item.properties.id === 'string') state.doc.addNamedDestination(item.properties.id, 'XYZ', null, state.doc.y, null)
        listItem(state, item, label, note, undefined)
      })
    }
  }
}

export const list: Handler = (state, node: Element) => {
  inDirectionOf(state, node, () => grouped(state, 'L', () => {
    const ordered = node.tagName === 'ol'
    let number = typeof node.properties.start === 'number' ? node.properties.start : 1
    const numeral = new Intl.NumberFormat(state.edition.locale)
    for (const item of node.children) {
      if (item.type !== 'element' || item.tagName !== 'li') continue
      const marker = ordered ? `${numeral.format(number++)}.` : '•'
      inDirectionOf(state, item, () => grouped(state, 'LI', () => listItem(state, item, marker)))
    }
  }))
  state.doc.moveDown(0.3)
}

/**
 * A list or an item left in the source's language (remark-translate gives it `dir`) runs in its direction:
 * markers and indents at its own start side, as the web page sets them.
 */
function inDirectionOf(state: PdfState, node: Element, draw: () => void): void {
  const outer = state.blockDir
  const dir = node.properties.dir
  if (dir === 'ltr' || dir === 'rtl') state.blockDir = dir
  try {
    draw()
  } finally {
    state.blockDir = outer
  }
}

function listItem(state: PdfState, item: Element, marker: string, style = ITEM, body: 'LBody' | undefined = 'LBody'): void {
  const box = taskBox(item)
  state.insetStart += INDENT
  const blocks = blocksOf(item.children).map((block) => {
    if (block.type === 'phrasing') return { runs: inlineRuns(block.nodes), source: sourceOf(item) }
    return block.node.tagName === 'p' ? { runs: inlineRuns(block.node.children), source: sourceOf(block.node) } : { node: block.node }
  })
  // The marker stands beside the body's first line: keep that line's room on this page, and its notes' at the foot.
  const first = blocks[0]
  state.ensureSpace(state.lineAdvance(style) + (first && 'runs' in first ? noteRoom(state, first.runs, style, first.source, 1) : 0))
  const top = state.doc.y
  const gutter = gutterOf(frameOf(state), (state.blockDir ?? state.edition.dir) === 'rtl')
  if (box) drawTaskBox(state, box.checked, gutter, top, ITEM)
  else tagged(state, 'Lbl', {}, () => state.missing.push(...drawSingleLine(state.doc, fitSingleLine(state.edition, marker, { ...style, align: 'end' }, gutter.width, state.blockDir && { dir: state.blockDir }), gutter, top)))
  const fill = () => {
    for (const block of blocks) {
      if ('runs' in block) state.paragraph(block.runs, style, block.source)
      else state.all({ type: 'root', children: [block.node] })
    }
  }
  if (body) grouped(state, body, fill)
  else fill()
  state.insetStart -= INDENT
}

function gutterOf(frame: Frame, rtl: boolean): Frame {
  return rtl ? { left: frame.left + frame.width + GAP, width: INDENT - GAP } : { left: frame.left - INDENT, width: INDENT - GAP }
}

type Block = { type: 'phrasing'; nodes: ElementContent[] } | { type: 'block'; node: Element }

/** A tight item's text comes as phrasing beside its blocks: runs of phrasing become paragraphs of their own. */
function blocksOf(children: ElementContent[]): Block[] {
  const blocks: Block[] = []
  for (const child of children) {
    const phrasing = child.type === 'text' || (child.type === 'element' && isPhrasingElement(child.tagName))
    const last = blocks[blocks.length - 1]
    if (phrasing) {
      if (last?.type === 'phrasing') last.nodes.push(child)
      else blocks.push({ type: 'phrasing', nodes: [child] })
    } else if (child.type === 'element') blocks.push({ type: 'block', node: child })
  }
  return blocks.filter((block) => block.type === 'block' || block.nodes.some((node) => node.type !== 'text' || node.value.trim() !== ''))
}

/** A GFM task item's checkbox, wherever the item's first line holds it (in a `<label>`, maybe in a `<p>`). */
function taskBox(item: Element): { checked: boolean } | undefined {
  const classes = Array.isArray(item.properties.className) ? item.properties.className : []
  if (!classes.includes('task-list-item')) return undefined
  const find = (node: Element): Element | undefined => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'input') return child
      if (child.tagName === 'p' || child.tagName === 'label') return find(child)
    }
    return undefined
  }
  const input = find(item)
  return input ? { checked: input.properties.checked === true } : undefined
}
