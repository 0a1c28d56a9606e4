/**
 * The words of a block of raw HTML, as lines of plain text: the sanitizer publishes no raw HTML, but the
 * words an author wrote inside a `<div>` or a `<details>` are the document's. HTML's own parser
 * (parse5, through hast-util-from-html) reads it as a browser would, entities decoded; what a browser
 * does not show (comments, scripts, styles) has no words; a block element or a `<br>` ends a line
 * (hast-util-to-text, the innerText algorithm). Each line becomes a paragraph that is keyed and
 * translated on its own, so a line also ends where a browser draws a box of its own that innerText
 * leaves on one line: a summary, an option, a table cell (LINE_BOXES). Loaded only for a document with
 * a `<` in it (load-document.ts), so builds of others never load an HTML parser.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import { hasCjkLetter } from '../render/cjk.ts'
import { hiddenBy, UNSHOWN } from './unshown-html.ts'

/**
 * Boxes of their own in a browser (the HTML rendering section's user-agent style sheet: `display: block`,
 * `list-item`, `table-cell`, `table-row`, or a form control) that innerText would join to their neighbours
 * with no break or only a tab or space: a paragraph each, so no word is glued to the next and no table
 * cell or choice is sent to a translator as one run-on sentence with its neighbours.
 */
const LINE_BOXES = new Set(['details', 'summary', 'fieldset', 'select', 'optgroup', 'option', 'button', 'textarea', 'tr', 'td', 'th', 'search'])


export function htmlLines(html: string): string[] {
  const tree = fromHtml(html, { fragment: true })
  prune(tree, false)
  return toText(tree).split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '')
}

function prune(node: Root | Element, inSvg: boolean): void {
  const children: RootContent[] = []
  for (const child of node.children) {
    if (child.type === 'comment') continue
    if (child.type !== 'element') {
      children.push(child)
      continue
    }
    // `hidden` or `style="display: none"`: a browser draws none of it, whatever it is.
    if (hiddenBy(child.properties)) continue
    // `hidden` that the element's own style overrides (`hidden style="display: block"`): shown, and
    // hast-util-to-text would leave it out for the attribute alone.
    delete child.properties.hidden
    const svg = inSvg || child.tagName === 'svg'
    // An SVG's <title> is its name, what a screen reader says for it: words of the document.
    if (svg && child.tagName === 'title') child.tagName = 'div'
    else if (UNSHOWN.has(child.tagName)) continue
    if (child.tagName === 'img') {
      // A picture's words are its alt text, where it stood (as a browser shows it when the image is missing).
      const alt = String(child.properties.alt ?? '').trim()
      if (alt !== '') children.push({ type: 'text', value: ` ${alt} ` })
      continue
    }
    if (child.tagName === 'input') {
      // A form field is a box of its own that shows a text: a line of it.
      const shown = inputText(child)
      if (shown !== '') children.push({ type: 'element', tagName: 'div', properties: {}, children: [{ type: 'text', value: shown }] })
      continue
    }
    if (child.tagName === 'ruby') readRuby(child)
    if (child.tagName === 'select') keepShownOptions(child)
    if (LINE_BOXES.has(child.tagName)) child.tagName = 'div'
    prune(child, svg)
    children.push(child)
  }
  node.children = children as typeof node.children
}

/** Whether an opening tag read alone (`<span hidden>`) hides its element: raw-html-inline.ts asks for a tag inside a paragraph. */
export function hiddenTag(tag: string): boolean {
  const element = fromHtml(tag, { fragment: true }).children.find((node) => node.type === 'element')
  return element !== undefined && hiddenBy(element.properties)
}

/**
 * A drop-down list shows one option, the selected one: the last marked `selected` (each one marked
 * takes the selection from the one before), else the first that is not disabled. A list box
 * (`multiple`, or `size` above 1) shows its options one under another: all kept.
 */
function keepShownOptions(select: Element): void {
  if (select.properties.multiple || Number(select.properties.size ?? 1) > 1) return
  const options: Element[] = []
  const collect = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child.tagName === 'option') options.push(child)
      else if (child.tagName === 'optgroup') collect(child)
    }
  }
  collect(select)
  const shown = options.findLast((option) => option.properties.selected) ?? options.find((option) => !option.properties.disabled) ?? options[0]
  select.children = shown ? [shown] : []
}

/** Fields that show no text of the author's: a box to tick, dots for a password, a widget, the browser's own words. */
const TEXTLESS_INPUTS = new Set(['hidden', 'checkbox', 'radio', 'password', 'file', 'range', 'color'])

/**
 * The text an `<input>` shows in a browser: a button's label (its value), an image button's alt text
 * when the image is missing, a text field's value, else its placeholder (greyed, but read and seen).
 * A submit or reset button without a value shows the browser's own word for it, none of the author's.
 */
function inputText(input: Element): string {
  const type = String(input.properties.type ?? 'text').toLowerCase()
  const property = (name: string) => String(input.properties[name] ?? '').trim()
  if (TEXTLESS_INPUTS.has(type)) return ''
  if (type === 'image') return property('alt')
  if (type === 'submit' || type === 'reset' || type === 'button') return property('value')
  return property('value') || property('placeholder')
}

/**
 * Ruby as a browser without ruby shows it, and as a CJK publisher sets it in plain text: the base, then
 * its reading in parentheses (漢(kan)字(ji), and after `<rb>` bases their readings: 東京(tō)(kyō)); the author's own `<rp>` parentheses if given, else
 * full-width ones around a CJK reading (kana, Bopomofo, Hangul: render/cjk.ts) and ASCII ones around a Latin one.
 * innerText drops `<rp>`.
 */
function readRuby(ruby: Element): void {
  const children: ElementContent[] = []
  ruby.children.forEach((child, index) => {
    if (child.type === 'element' && child.tagName === 'rp') {
      children.push({ ...child, tagName: 'span' })
      return
    }
    // An <rtc> holds readings: each <rt> of it its own parentheses, else its words one reading.
    const container = child.type === 'element' && child.tagName === 'rtc' && child.children.some((part) => part.type === 'element' && part.tagName === 'rt')
    if (container) readRuby(child)
    if (child.type !== 'element' || (child.tagName !== 'rt' && (child.tagName !== 'rtc' || container))) {
      children.push(child)
      return
    }
    const before = ruby.children[index - 1]
    const authored = before?.type === 'element' && before.tagName === 'rp'
    const [open, close] = hasCjkLetter(toText(child)) ? ['（', '）'] : ['(', ')']
    if (!authored) children.push({ type: 'text', value: open })
    children.push(child)
    if (!authored) children.push({ type: 'text', value: close })
  })
  ruby.children = children
}
