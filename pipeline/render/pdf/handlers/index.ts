import type { Element } from 'hast'
import type { Handler } from '../state.ts'
import { blockquote, division, preformatted, rule, titleBlock } from './blocks.ts'
import { figure } from './figure.ts'
import { heading } from './heading.ts'
import { footnotes, list } from './list.ts'
import { paragraph } from './paragraph.ts'
import { table } from './table.ts'

const section: Handler = (state, node: Element) => (node.properties.dataFootnotes !== undefined ? footnotes(state, node) : division(state, node))

/**
 * One handler per block element, as in mdast-util-to-hast. With the phrasing
 * elements of inline.ts they cover every element the edition's schema
 * admits (a test checks); anything else is set as plain text with a warning.
 */
export const handlers: Record<string, Handler> = {
  h1: heading, h2: heading, h3: heading, h4: heading, h5: heading, h6: heading,
  p: paragraph,
  figure,
  div: division,
  section,
  blockquote,
  ul: list,
  ol: list,
  pre: preformatted,
  hr: rule,
  table,
  article: division,
  header: titleBlock
}
