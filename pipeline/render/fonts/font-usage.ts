/**
 * Which face sets which characters of a page: the characters of every text
 * node, by the script of the language it is in (the nearest `lang`) and the
 * weight and style the stylesheets give its element. One family per script,
 * the faces the PDF uses too; Arabic and Chinese have no italic. A character
 * the script's face lacks (a Latin name in Arabic) goes to the Latin face,
 * as the stylesheets' family lists fall back.
 */
import type { Element, ElementContent, Root } from 'hast'
import { isPairAt } from '../../content/utf16.ts'
import type { FaceId } from '../pdf/fonts.ts'
import { scriptOfLocale, type Script } from '../script-of-locale.ts'

export type Weight = 400 | 700
export type Style = 'normal' | 'italic'

export interface FaceUse {
  face: FaceId
  family: string
  weight: Weight
  style: Style
}

export const FAMILIES: Record<Script, string> = { latin: 'Noto Serif', arabic: 'Noto Naskh Arabic', cjk: 'Noto Serif SC' }

const FACES: Record<Script, Record<`${Weight}-${Style}`, FaceId>> = {
  latin: { '400-normal': 'notoSerif', '700-normal': 'notoSerifBold', '400-italic': 'notoSerifItalic', '700-italic': 'notoSerifBoldItalic' },
  arabic: { '400-normal': 'naskh', '700-normal': 'naskhBold', '400-italic': 'naskh', '700-italic': 'naskhBold' },
  cjk: { '400-normal': 'serifSC', '700-normal': 'serifSCBold', '400-italic': 'serifSC', '700-italic': 'serifSCBold' }
}

/** The script a family of FAMILIES is for (Latin for any other). */
export function scriptOfFamily(family: string): Script {
  return (Object.keys(FAMILIES) as Script[]).find((script) => FAMILIES[script] === family) ?? 'latin'
}

export function faceUse(script: Script, weight: Weight, style: Style): FaceUse {
  const italic = script === 'latin' ? style : 'normal'
  return { face: FACES[script][`${weight}-${italic}`], family: FAMILIES[script], weight, style: italic }
}

const BOLD_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'th'])
const ITALIC_TAGS = new Set(['em', 'i', 'cite'])
const BOLD_CLASSES = ['interviewee', 'edition-title']
/** Headings set at regular weight by their stylesheet (index.css: a document's title above its editions). */
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

export interface FaceText {
  use: FaceUse
  text: Set<string>
  /**
   * The same characters by the script of the language they are in: a Latin face's text from an Arabic
   * or Chinese element reached it only where that script's face lacks a character (fallback-faces.ts).
   */
  byScript: Map<Script, Set<string>>
}

/** Characters per face (keyed by face id), in the page's tree. */
export function charactersByFace(tree: Root | Element, locale: string): Map<FaceId, FaceText> {
  // Each face's text nodes first, their characters once at the end: a book's pages are half a million characters.
  const texts = new Map<FaceId, { use: FaceUse; parts: Map<Script, string[]> }>()
  const partsOf = (use: FaceUse, script: Script) => {
    let entry = texts.get(use.face)
    if (!entry) texts.set(use.face, (entry = { use, parts: new Map() }))
    let parts = entry.parts.get(script)
    if (!parts) entry.parts.set(script, (parts = []))
    return parts
  }
  const walk = (nodes: ElementContent[] | Root['children'], context: Context) => {
    // The faces are the context's, looked up once per element rather than per text node.
    let own: string[] | undefined
    let fallback: string[] | undefined
    for (const node of nodes) {
      if (node.type === 'text') {
        if (!own) {
          const script = scriptOfLocale(context.locale)
          own = partsOf(faceUse(script, context.weight, context.style), script)
          // The Latin face is every list's fallback: it gets what it can set of every script's text.
          if (script !== 'latin') fallback = partsOf(faceUse('latin', context.weight, 'normal'), script)
        }
        own.push(node.value)
        fallback?.push(node.value)
      } else if (node.type === 'element' && !HIDDEN_TAGS.has(node.tagName)) {
        walk(node.children, contextOf(node, context))
      }
    }
  }
  walk(tree.type === 'root' ? tree.children : [tree], { locale, weight: 400, style: 'normal' })
  const found = new Map<FaceId, FaceText>()
  for (const [face, { use, parts }] of texts) {
    const byScript = new Map([...parts].map(([script, texts]) => [script, charactersOf(texts)] as const))
    const text = byScript.size === 1 ? [...byScript.values()][0]! : new Set([...byScript.values()].flatMap((characters) => [...characters]))
    if (text.size > 0) found.set(face, { use, text, byScript })
  }
  return found
}

/**
 * The characters of `parts` that need a glyph. Spaces do: a browser takes a space's width from the
 * first face whose unicode-range holds it, so a subset without U+0020 leaves every space between our
 * words to a system font's width. Tabs, line and paragraph breaks draw nothing in running text. A
 * book's text is half a million characters: each UTF-16 unit is looked up in a table, and only a
 * character not met before becomes a string (a string per character and a Set lookup each took 80 ms).
 */
/** White space that is a break or a control, never a glyph on the page. */
const UNDRAWN = ['\t', '\n', '\v', '\f', '\r', '\u0085', '\u2028', '\u2029']

function charactersOf(parts: readonly string[]): Set<string> {
  const characters = new Set<string>()
  const seen = new Uint8Array(0x10000)
  for (const part of parts) {
    for (let index = 0; index < part.length; index++) {
      const unit = part.charCodeAt(index)
      if (isPairAt(part, index)) {
        characters.add(part.slice(index, index + 2))
        index++
      } else if (seen[unit] === 0) {
        seen[unit] = 1
        characters.add(part[index]!)
      }
    }
  }
  for (const char of UNDRAWN) characters.delete(char)
  return characters
}

function contextOf(node: Element, parent: Context): Context {
  const className = Array.isArray(node.properties.className) ? node.properties.className.map(String) : []
  const lang = typeof node.properties.lang === 'string' && node.properties.lang ? node.properties.lang : parent.locale
  const bold = BOLD_TAGS.has(node.tagName) || className.some((name) => BOLD_CLASSES.includes(name)) || node.properties.ariaCurrent === 'page'
  const italic = ITALIC_TAGS.has(node.tagName) || className.some((name) => ITALIC_CLASSES.includes(name))
  const upright = className.some((name) => UPRIGHT_CLASSES.includes(name))
  // Emphasis in Arabic or Chinese is upright (the stylesheets: em:lang(ar)), and so is a Latin name inside it.
  const style = upright ? 'normal' : italic ? (scriptOfLocale(lang) === 'latin' ? 'italic' : 'normal') : parent.style
  const regular = className.some((name) => REGULAR_CLASSES.includes(name))
  return { locale: lang, weight: regular ? 400 : bold ? 700 : parent.weight, style }
}
