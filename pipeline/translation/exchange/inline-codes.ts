/**
 * Inline markup as XLIFF inline codes, so a translator's tool shows it as
 * tags that can be moved but not broken: emphasis, strong, strikethrough
 * and links are paired codes (`<pc>`) around their text, `{{variables}}`,
 * code spans, images and breaks are placeholders (`<ph>`). Each code
 * carries the Markdown it stands for (`*`, `[`, `](https://…)`), which the
 * export puts in `<originalData>` and the import puts back. A link's target
 * is part of its closing code's data: the translator moves the tag, never
 * edits the URL.
 *
 * Text between codes is the raw Markdown of the source (escapes kept), so
 * encode then decode gives back the value byte for byte.
 */
import type { PhrasingContent } from 'mdast'
import { markdownToPhrasing } from '../../content/markdown.ts'

export type Code =
  | { kind: 'ph'; id: string; data: string; type: CodeType; subType?: string }
  | { kind: 'pc'; id: string; start: string; end: string; type: CodeType; subType?: string }

/** XLIFF 2.0's code types (spec 4.3.1.48). */
export type CodeType = 'fmt' | 'link' | 'image' | 'ui' | 'other'

/** Content of a source or target: text and references to codes by id. */
export type Token = { text: string } | { ph: string } | { open: string } | { close: string }

export interface Coded {
  tokens: Token[]
  codes: Map<string, Code>
}

const VARIABLE = /\{\{[^{}]*\}\}/g
const PAIRED: Record<string, { type: CodeType; subType?: string }> = {
  emphasis: { type: 'fmt', subType: 'xlf:i' },
  strong: { type: 'fmt', subType: 'xlf:b' },
  delete: { type: 'fmt' },
  link: { type: 'link' },
  linkReference: { type: 'link' }
}

/** @param markdown whether the value is inline Markdown (false: plain text, only `{{variables}}` are codes) */
export function encodeInline(value: string, markdown: boolean): Coded {
  const coded: Coded = { tokens: [], codes: new Map() }
  const nextId = () => String(coded.codes.size + 1)
  const pushText = (text: string) => {
    let at = 0
    for (const match of text.matchAll(VARIABLE)) {
      if (match.index > at) coded.tokens.push({ text: text.slice(at, match.index) })
      const id = nextId()
      coded.codes.set(id, { kind: 'ph', id, data: match[0], type: 'ui', subType: 'xlf:var' })
      coded.tokens.push({ ph: id })
      at = match.index + match[0].length
    }
    if (at < text.length) coded.tokens.push({ text: text.slice(at) })
  }
  const walk = (nodes: PhrasingContent[], from: number, to: number) => {
    let cursor = from
    for (const node of nodes) {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) continue
      if (start > cursor) pushText(value.slice(cursor, start))
      const paired = PAIRED[node.type]
      const children = 'children' in node ? (node.children as PhrasingContent[]) : []
      const inner = children[0]?.position?.start.offset
      const innerEnd = children[children.length - 1]?.position?.end.offset
      if (node.type === 'text') pushText(value.slice(start, end))
      else if (paired && inner !== undefined && innerEnd !== undefined) {
        const id = nextId()
        coded.codes.set(id, { kind: 'pc', id, start: value.slice(start, inner), end: value.slice(innerEnd, end), ...paired })
        coded.tokens.push({ open: id })
        walk(children, inner, innerEnd)
        coded.tokens.push({ close: id })
      } else {
        const id = nextId()
        coded.codes.set(id, { kind: 'ph', id, data: value.slice(start, end), type: node.type === 'image' || node.type === 'imageReference' ? 'image' : 'fmt' })
        coded.tokens.push({ ph: id })
      }
      cursor = end
    }
    if (cursor < to) pushText(value.slice(cursor, to))
  }
  if (markdown) walk(markdownToPhrasing(value), 0, value.length)
  else pushText(value)
  return coded
}

/** A target whose codes are not the source's: refused, with why in words. */
export class CodeMismatch extends Error {
  override name = 'CodeMismatch'
}

/**
 * Markdown from tokens and the codes they refer to. Every code must be used
 * exactly once and paired codes must nest; anything else is a CodeMismatch.
 */
export function decodeInline(tokens: readonly Token[], codes: ReadonlyMap<string, Code>): string {
  const used = new Set<string>()
  const open: string[] = []
  let out = ''
  const take = (id: string, kind: Code['kind']): Code => {
    const code = codes.get(id)
    if (!code || code.kind !== kind) throw new CodeMismatch(`inline code ${id} is not in the source`)
    if (used.has(id)) throw new CodeMismatch(`inline code ${id} is used twice`)
    used.add(id)
    return code
  }
  for (const token of tokens) {
    if ('text' in token) out += token.text
    else if ('ph' in token) out += (take(token.ph, 'ph') as Extract<Code, { kind: 'ph' }>).data
    else if ('open' in token) {
      out += (take(token.open, 'pc') as Extract<Code, { kind: 'pc' }>).start
      open.push(token.open)
    } else {
      if (open.pop() !== token.close) throw new CodeMismatch(`inline code ${token.close} is closed out of order`)
      out += (codes.get(token.close) as Extract<Code, { kind: 'pc' }>).end
    }
  }
  if (open.length > 0) throw new CodeMismatch(`inline code ${open[open.length - 1]} is not closed`)
  const missing = [...codes.keys()].filter((id) => !used.has(id))
  if (missing.length > 0) throw new CodeMismatch(`inline code${missing.length > 1 ? 's' : ''} ${missing.map((id) => `${id} (${shown(codes.get(id)!)})`).join(', ')} missing`)
  return out
}

/** How a code looks to a person: `{{total}}`, `*…*`, `[…](https://…)`. */
export function shown(code: Code): string {
  return code.kind === 'ph' ? code.data : `${code.start}…${code.end}`
}

/**
 * White space as the source has it: a tool that pretty-prints a target
 * adds a newline and indentation around it (and around its lines). Line
 * ends become LF, blanks around a line break go, and the ends are trimmed.
 */
export function normalizeTokens(tokens: readonly Token[]): Token[] {
  const out = tokens.map((token) => ('text' in token ? { text: token.text.replace(/\r\n?/g, '\n').replace(/[ \t]*\n[ \t]*/g, '\n') } : token))
  const first = out.findIndex((token) => !('text' in token) || token.text.trim() !== '')
  const last = out.findLastIndex((token) => !('text' in token) || token.text.trim() !== '')
  if (first === -1) return []
  const kept = out.slice(first, last + 1)
  const head = kept[0]!
  const tail = kept[kept.length - 1]!
  if ('text' in head) head.text = head.text.trimStart()
  if ('text' in tail) tail.text = tail.text.trimEnd()
  return kept
}

/** The text of a value as a reader compares it: line ends and white space at the ends as normalizeTokens leaves them. */
export function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/[ \t]*\n[ \t]*/g, '\n').trim()
}
