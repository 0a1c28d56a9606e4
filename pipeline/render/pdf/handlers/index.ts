import type { Handler } from '../state.ts'
import { blockquote, division, list, preformatted, rule, table, titleBlock } from './blocks.ts'
import { figure } from './figure.ts'
import { heading } from './heading.ts'
import { paragraph } from './paragraph.ts'

/** One handler per element, as in mdast-util-to-hast; unknown elements are walked through. */
export const handlers: Record<string, Handler> = {
  h1: heading, h2: heading, h3: heading, h4: heading, h5: heading, h6: heading,
  p: paragraph,
  figure,
  div: division,
  section: division,
  blockquote,
  ul: list,
  ol: list,
  pre: preformatted,
  hr: rule,
  table,
  article: division,
  header: titleBlock
}
