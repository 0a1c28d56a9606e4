/**
 * XLIFF 2.0 keeps a segment's state (`initial`, `translated`, `reviewed`,
 * `final`) on `<segment state="…">`, which the `xliff` package does not
 * model. We set and read it on the XML tree with xml-js (the parser the
 * `xliff` package itself uses), never by editing strings.
 */
import convert from 'xml-js'

export type SegmentState = 'initial' | 'translated' | 'reviewed' | 'final'

export interface StateMark {
  state: SegmentState
  /** Our own refinement: `polyglot-press:outdated` for a translation of an older source. */
  subState?: string
}

export const OUTDATED = 'polyglot-press:outdated'

/** namespace (file id) → key (unit id) → state */
export type States = Map<string, Map<string, StateMark>>

/** Add `state` (and `subState`) to every segment of `xml`; add the XML declaration. */
export function withStates(xml: string, states: States): string {
  const tree = convert.xml2js(xml, { compact: false }) as convert.Element
  forEachSegment(tree, (file, unit, segment) => {
    const mark = states.get(file)?.get(unit)
    if (mark) segment.attributes = { ...segment.attributes, state: mark.state, ...(mark.subState ? { subState: mark.subState } : {}) }
  })
  escapeAmpersands(tree)
  tree.declaration = { attributes: { version: '1.0', encoding: 'UTF-8' } }
  return convert.js2xml(tree, { spaces: 2 }) + '\n'
}

/** The state of every segment of `xml` (the first segment of a unit). */
export function readStates(xml: string): States {
  const states: States = new Map()
  forEachSegment(convert.xml2js(xml, { compact: false }) as convert.Element, (file, unit, segment) => {
    const byUnit = states.get(file) ?? new Map<string, StateMark>()
    states.set(file, byUnit)
    if (byUnit.has(unit)) return
    const state = String(segment.attributes?.state ?? 'initial') as SegmentState
    const subState = segment.attributes?.subState
    byUnit.set(unit, subState === undefined ? { state } : { state, subState: String(subState) })
  })
  return states
}

function forEachSegment(root: convert.Element, visit: (file: string, unit: string, segment: convert.Element) => void): void {
  const xliff = root.elements?.find((element) => element.name === 'xliff')
  for (const file of xliff?.elements?.filter((element) => element.name === 'file') ?? []) {
    const walk = (parent: convert.Element) => {
      for (const child of parent.elements ?? []) {
        if (child.name === 'group') walk(child)
        if (child.name !== 'unit') continue
        for (const segment of child.elements?.filter((element) => element.name === 'segment') ?? []) {
          visit(String(file.attributes?.id ?? ''), String(child.attributes?.id ?? ''), segment)
        }
      }
    }
    walk(file)
  }
}

/**
 * xml-js turns `&amp;` in a text back into `&` before escaping it, so a
 * literal `&amp;` (a Markdown character reference) would not survive.
 * Escaping `&` first makes its un-escaping step a no-op. Used for texts
 * handed to the `xliff` package as well.
 */
export function escapeAmpersands(node: convert.Element): void {
  if (node.type === 'text' && typeof node.text === 'string') node.text = preEscape(node.text)
  for (const child of node.elements ?? []) escapeAmpersands(child)
}

export function preEscape(text: string): string {
  return text.replace(/&/g, '&amp;')
}
