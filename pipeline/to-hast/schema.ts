/**
 * What an edition's hast may contain, for rehype-sanitize: exactly the
 * elements and attributes our Markdown dialect and handlers produce, and
 * nothing a translator or a reporter could add (raw HTML, event handlers,
 * `javascript:` or `data:` links, inline styles). Anything else is dropped
 * before any writer sees the tree, so HTML, EPUB and PDF are all covered.
 */
import type { Options as Schema } from 'rehype-sanitize'

type PropertyDefinition = NonNullable<Schema['attributes']>[string][number]

/** Link protocols an edition may carry; anything else (`javascript:`, `data:`, `vbscript:`, `file:`) is removed. */
export const SAFE_PROTOCOLS = ['http', 'https', 'mailto'] as const

/** A block's own language and direction, set only by remark-translate for a missing translation (never from the text). */
const LANGUAGE: PropertyDefinition[] = [['lang', /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/], ['dir', 'ltr', 'rtl']]
const heading = (): PropertyDefinition[] => ['id', ['className', 'question'], ...LANGUAGE]
const DIRECTIVE_CLASS = /^directive-[a-z0-9-]*$/i
const CELL_ALIGN = ['align-left', 'align-center', 'align-right']

export const editionSchema: Schema = {
  tagNames: [
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code', 'hr', 'br',
    'a', 'em', 'strong', 'img', 'figure', 'figcaption', 'div', 'span',
    // GFM: tables, strikethrough, footnotes, task lists.
    'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'del', 'sup', 'section', 'label', 'input'
  ],
  attributes: {
    a: [
      'href', 'title',
      // Footnote calls and back-links (mdast-util-to-hast's GFM structure).
      'id', 'dataFootnoteRef', 'dataFootnoteBackref', ['ariaDescribedBy', 'footnote-label'], 'ariaLabel', ['className', 'data-footnote-backref']
    ],
    // No `src`: writers set it from the checked local path (remark-local-images), never from the text.
    img: ['alt', 'title', 'dataLocalPath', ['className', 'inline']],
    pre: [['dir', 'ltr']],
    ol: ['start', ['className', 'contains-task-list'], ...LANGUAGE],
    ul: [['className', 'contains-task-list'], ...LANGUAGE],
    li: ['id', ['className', 'task-list-item'], ...LANGUAGE],
    section: ['dataFootnotes', ['className', 'footnotes']],
    th: ['scope', ['className', ...CELL_ALIGN], ...LANGUAGE],
    td: [['className', ...CELL_ALIGN], ...LANGUAGE],
    caption: [...LANGUAGE],
    // A task item's box: shown, never editable.
    input: [['type', 'checkbox'], 'checked', ['disabled', true]],
    code: [['className', /^language-[\w-]+$/]],
    h1: heading(), h2: heading(), h3: heading(), h4: heading(), h5: heading(), h6: [...heading(), 'ariaLevel'],
    figure: [['className', 'figure']],
    div: [['className', DIRECTIVE_CLASS]],
    p: [['className', DIRECTIVE_CLASS], ...LANGUAGE],
    span: [['className', DIRECTIVE_CLASS, 'caption', 'credit'], ['dir', 'auto']]
  },
  protocols: { href: [...SAFE_PROTOCOLS] },
  // Ids come from segment keys, not from the text; they stay as they are in every language.
  clobber: [],
  clobberPrefix: '',
  // Dropped with their content, not unwrapped into text.
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template'],
  required: { input: { type: 'checkbox', disabled: true } },
  ancestors: { li: ['ol', 'ul'], input: ['li'], label: ['li'], tr: ['table'], caption: ['table'], th: ['tr'], td: ['tr'] }
}

/** The scheme of a URL (`javascript`), or undefined for a relative one; the same rule hast-util-sanitize applies. */
export function schemeOf(url: string): string | undefined {
  const colon = url.indexOf(':')
  if (colon < 0) return undefined
  for (const stop of ['/', '?', '#']) {
    const at = url.indexOf(stop)
    if (at > -1 && at < colon) return undefined
  }
  return url.slice(0, colon)
}

/** Whether an edition may link to `url`. */
export function isSafeUrl(url: string): boolean {
  const scheme = schemeOf(url)
  return scheme === undefined || (SAFE_PROTOCOLS as readonly string[]).includes(scheme)
}
