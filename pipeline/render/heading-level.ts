/**
 * A heading's level in the document's outline. HTML has six heading elements and the title takes the
 * first, so a body with its own level-1 headings is shifted one level down and its sixth level becomes
 * the seventh: an `<h6 aria-level="7">` (load-document.ts), which screen readers, the e-book's contents
 * and the PDF's outline and tags (H7, role-mapped to H6) read as one level below the h6 before it.
 */
import type { Element } from 'hast'

const HEADING = /^h([1-6])$/

/** The level of an h1–h6 element (its aria-level when it has one), else undefined. */
export function headingLevel(node: Element): number | undefined {
  const match = HEADING.exec(node.tagName)
  if (!match) return undefined
  const aria = Number(node.properties.ariaLevel)
  return Number.isInteger(aria) && aria > 6 ? aria : Number(match[1])
}
