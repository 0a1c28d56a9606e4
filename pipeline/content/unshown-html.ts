import { styleDisplay } from './inline-style.ts'

/**
 * Elements whose text a browser never shows, for the words of raw HTML (html-text.ts for a block,
 * raw-html-inline.ts inside a paragraph). The HTML rendering section's user-agent style sheet gives
 * `display: none` to script, style, template, title (outside SVG), noembed, noframes and datalist
 * (its options are suggestions for an input, never drawn in the page); noscript is parsed as raw text
 * and not drawn where scripting is on, as in every browser by default; an iframe's text is raw text
 * that is never drawn; object, embed and head are kept out as before (their text is a plug-in's
 * fallback or the page's metadata). A textarea's text is its box's first value and xmp's is shown as
 * it stands: both are shown, so not here.
 */
export const UNSHOWN: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'head', 'title', 'noembed', 'noframes', 'datalist'])

/** Of those, the ones whose text ends at the first closing tag of their name, whatever it holds (HTML's raw and escapable raw text). */
export const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style', 'title', 'noscript', 'iframe', 'noembed', 'noframes'])

/**
 * An element a browser does not draw by its attributes, whatever its name: `hidden` (the user-agent
 * style sheet's `display: none`, which an inline `style` giving another `display` overrides;
 * `until-found` hides whatever the style says, drawn only once a search finds it) or an inline `style`
 * whose winning `display` is `none` (inline-style.ts). `aria-hidden` is not here: it hides from screen
 * readers, yet every sighted reader sees the words.
 */
export function hiddenBy(properties: Readonly<Record<string, unknown>>): boolean {
  const hidden = properties.hidden
  if (typeof hidden === 'string' && hidden.toLowerCase() === 'until-found') return true
  const display = typeof properties.style === 'string' ? styleDisplay(properties.style) : undefined
  if (display !== undefined) return display === 'none'
  return hidden !== undefined && hidden !== null && hidden !== false
}
