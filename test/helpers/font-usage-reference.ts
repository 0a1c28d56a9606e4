/**
 * charactersByFace as it was before it gathered each face's text nodes
 * first (a character at a time, a FaceUse per character): what the faster
 * one is checked against in test/font-usage.test.ts.
 */
import type { Element, ElementContent, Root } from 'hast'
import type { FaceId } from '../../pipeline/render/pdf/fonts.ts'
import { faceUse, type FaceUse, type Style, type Weight } from '../../pipeline/render/fonts/font-usage.ts'
import { scriptOfLocale, type Script } from '../../pipeline/render/script-of-locale.ts'

const BOLD_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'th'])
const ITALIC_TAGS = new Set(['em', 'i', 'cite'])
const BOLD_CLASSES = ['interviewee', 'edition-title']
const REGULAR_CLASSES = ['document-title']
const ITALIC_CLASSES = ['byline', 'credit']
/** Inside these the style is upright again (the byline's name). */
const UPRIGHT_CLASSES = ['interviewee']
/** Not shown: their text needs no glyphs. */
const HIDDEN_TAGS = new Set(['head', 'script', 'style', 'template', 'title'])

interface Context {
  locale: string
  weight: Weight
  style: Style
}

/** Characters per face (keyed by face id), in the page's tree. */
export function referenceCharactersByFace(tree: Root | Element, locale: string): Map<FaceId, { use: FaceUse; text: Set<string> }> {
  const found = new Map<FaceId, { use: FaceUse; text: Set<string> }>()
  const add = (script: Script, context: Context, char: string) => {
    const use = faceUse(script, context.weight, context.style)
    let entry = found.get(use.face)
    if (!entry) found.set(use.face, (entry = { use, text: new Set() }))
    entry.text.add(char)
  }
  const walk = (nodes: ElementContent[] | Root['children'], context: Context) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const script = scriptOfLocale(context.locale)
        for (const char of node.value) {
          if (/[\t\n\v\f\r\u0085\u2028\u2029]/u.test(char)) continue
          add(script, context, char)
          // The Latin face is every list's fallback: it gets what it can set of every script's text.
          if (script !== 'latin') add('latin', { ...context, style: 'normal' }, char)
        }
      } else if (node.type === 'element' && !HIDDEN_TAGS.has(node.tagName)) {
        walk(node.children, contextOf(node, context))
      }
    }
  }
  walk(tree.type === 'root' ? tree.children : [tree], { locale, weight: 400, style: 'normal' })
  return found
}

function contextOf(node: Element, parent: Context): Context {
  const className = Array.isArray(node.properties.className) ? node.properties.className.map(String) : []
  const lang = typeof node.properties.lang === 'string' && node.properties.lang ? node.properties.lang : parent.locale
  const bold = BOLD_TAGS.has(node.tagName) || className.some((name) => BOLD_CLASSES.includes(name)) || node.properties.ariaCurrent === 'page'
  const italic = ITALIC_TAGS.has(node.tagName) || className.some((name) => ITALIC_CLASSES.includes(name))
  const upright = className.some((name) => UPRIGHT_CLASSES.includes(name))
  // Emphasis in Arabic or Chinese (em:lang(ar) in the stylesheets) is upright; in Latin, Cyrillic or Greek script italic.
  return { locale: lang, weight: className.some((name) => REGULAR_CLASSES.includes(name)) ? 400 : bold ? 700 : parent.weight, style: upright ? 'normal' : italic ? (scriptOfLocale(lang) === 'latin' ? 'italic' : 'normal') : parent.style }
}
