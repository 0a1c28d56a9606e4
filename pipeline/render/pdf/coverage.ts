/**
 * Characters no PDF font can draw (emoji, private-use characters, scripts
 * we have no font for) would print as empty boxes and extract as NUL. The
 * PDF shows U+FFFD in their place instead, and the edition gets a message
 * naming the characters and the segment key; invisible ones (format
 * characters, combining marks, variation selectors) are left out quietly.
 * HTML and EPUB keep every character: a reader's system has more fonts.
 */
import type { Element, ElementContent, Root } from 'hast'
import * as fontkit from 'fontkit'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { codePointName } from '../../content/untrusted-text.ts'

export interface Coverage {
  has: (codePoint: number) => boolean
}

const opened = new Map<string, fontkit.Font>()

/** Whether any of the fonts has a glyph for a code point (fonts are parsed once per process). */
export function fontCoverage(files: readonly string[]): Coverage {
  const fonts = files.map((file) => {
    let font = opened.get(file)
    if (!font) {
      const loaded = fontkit.openSync(file)
      font = 'fonts' in loaded ? loaded.fonts[0]! : loaded
      opened.set(file, font)
    }
    return font
  })
  const known = new Map<number, boolean>()
  return {
    has(codePoint) {
      let answer = known.get(codePoint)
      if (answer === undefined) {
        answer = fonts.some((font) => font.hasGlyphForCodePoint(codePoint))
        known.set(codePoint, answer)
      }
      return answer
    }
  }
}

const INVISIBLE = /^[\p{Cf}\p{Mn}\p{Me}]$/u
const REPLACEMENT = '\uFFFD'

/** Text as the PDF can show it, and the visible characters it could not. */
export function coverText(text: string, coverage: Coverage): { text: string; missing: number[] } {
  const missing: number[] = []
  let out = ''
  let changed = false
  for (const char of text) {
    const codePoint = char.codePointAt(0)!
    if (codePoint < 0x80 || /\s/.test(char) || coverage.has(codePoint)) {
      out += char
      continue
    }
    changed = true
    if (INVISIBLE.test(char)) continue
    if (!missing.includes(codePoint)) missing.push(codePoint)
    out += coverage.has(0xfffd) ? REPLACEMENT : ''
  }
  return { text: changed ? out : text, missing }
}

/**
 * Replace what the fonts lack in every text node of `tree`, and say where
 * on `file`: one message per element that holds a keyed segment.
 */
export function coverTree(tree: Element | Root, coverage: Coverage, file: VFile): void {
  const found = new Map<Element | Root, number[]>()
  const walk = (node: Element | Root, holder: Element | Root) => {
    node.children = node.children.map((child: ElementContent | Root['children'][number]) => {
      if (child.type === 'text') {
        const covered = coverText(child.value, coverage)
        if (covered.missing.length > 0) found.set(holder, [...new Set([...(found.get(holder) ?? []), ...covered.missing])])
        return covered.text === child.value ? child : { ...child, value: covered.text }
      }
      if (child.type === 'element') {
        const holderKey = holder.type === 'element' ? holder.data?.segmentKey : undefined
        walk(child, child.data?.segmentKey || (!holderKey && child.position) ? child : holder)
      }
      return child
    }) as typeof node.children
  }
  walk(tree, tree)
  for (const [holder, missing] of found) report(file, missing, holder.type === 'element' ? holder.data?.segmentKey : undefined, holder.position)
}

/**
 * For strings set outside the tree (running heads, page numbers): each
 * distinct problem is said once per edition, not once per page.
 */
export function coverStrings(coverage: Coverage, file: VFile): (text: string, what: string) => string {
  const said = new Set<string>()
  return (text, what) => {
    const covered = coverText(text, coverage)
    if (covered.missing.length > 0 && !said.has(what)) {
      said.add(what)
      report(file, covered.missing, what, undefined)
    }
    return covered.text
  }
}

function report(file: VFile, missing: number[], key: string | undefined, place: Position | undefined): void {
  const shown = missing.slice(0, 8).map((codePoint) => {
    const char = String.fromCodePoint(codePoint)
    return /\p{Co}|\p{Cn}/u.test(char) ? codePointName(codePoint) : `${char} ${codePointName(codePoint)}`
  })
  file.message(
    `Unexpected ${shown.join(', ')}${missing.length > shown.length ? ` and ${missing.length - shown.length} more` : ''}` +
    `${key ? ` in \`${key}\`` : ''} in the PDF, expected characters its fonts have: the PDF shows � instead (HTML and EPUB keep them)`,
    { place, ruleId: 'pdf-font-coverage', source: 'render-pdf' }
  )
}
