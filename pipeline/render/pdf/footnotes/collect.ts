/**
 * The notes of an article as the foot-of-page layout needs them: GFM's
 * `section[data-footnotes] > ol > li`, numbered in order (GFM numbers them
 * by first call), each with the id of its first call for the link back.
 */
import type { Element, ElementContent } from 'hast'
import { eachElement } from '../../hast/each-element.ts'

export interface NoteItem {
  /** The `li`'s id: the target of every call's link. */
  id: string
  /** Its number in the edition's digits. */
  label: string
  /** The id of the note's first call in the text (the link back goes there). */
  call?: string | undefined
  /** The note's paragraphs, or undefined when it holds other blocks (a list, code, a table): those stay endnotes. */
  paragraphs: Element[] | undefined
}

export function collectNotes(article: Element, locale: string): Map<string, NoteItem> {
  const notes = new Map<string, NoteItem>()
  const calls = new Map<string, string>()
  const digits = new Intl.NumberFormat(locale)
  eachElement(article, (node: Element) => {
    if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined) {
      const href = node.properties.href
      if (typeof href === 'string' && href.startsWith('#') && typeof node.properties.id === 'string' && !calls.has(href.slice(1))) calls.set(href.slice(1), node.properties.id)
      return
    }
    if (node.tagName !== 'section' || node.properties.dataFootnotes === undefined) return
    const items = node.children.flatMap((child) => (child.type === 'element' && child.tagName === 'ol' ? child.children : []))
    for (const item of items) {
      if (item.type !== 'element' || item.tagName !== 'li' || typeof item.properties.id !== 'string') continue
      notes.set(item.properties.id, { id: item.properties.id, label: digits.format(notes.size + 1), paragraphs: paragraphsOnly(item.children) })
    }
  })
  for (const note of notes.values()) note.call = calls.get(note.id)
  return notes
}

function paragraphsOnly(children: ElementContent[]): Element[] | undefined {
  const blocks = children.filter((child) => child.type !== 'text' || child.value.trim() !== '')
  return blocks.every((child) => child.type === 'element' && child.tagName === 'p') ? (blocks as Element[]) : undefined
}
