/**
 * Inline codes in XML, shared by XLIFF 2.0 and 1.2: tokens to markup and
 * markup to tokens. The two versions name the same things differently
 * (2.0 `<pc>`/`<ph>`/`<sc>`/`<ec>`/`<mrk>`, 1.2 `<g>`/`<x>`/`<bx>`/`<ex>`/`<mrk>`),
 * so each passes its own vocabulary.
 */
import type { Code, Coded, Token } from './inline-codes.ts'
import { attribute, escapeText, localName, tag, type XmlElement } from './xml.ts'

export interface InlineVocabulary {
  /** Markup of a placeholder and of a paired code around `inner`. */
  placeholder: (code: Extract<Code, { kind: 'ph' }>) => string
  paired: (code: Extract<Code, { kind: 'pc' }>, inner: string) => string
  /** Element names that open/close/stand for codes when reading. */
  read: { placeholder: string[]; paired: string[]; start: string[]; end: string[]; endRef: string }
}

/** A value's tokens as XML; codes the source lacks are written as their Markdown text. */
export function tokensToXml(tokens: readonly Token[], codes: ReadonlyMap<string, Code>, vocabulary: InlineVocabulary): string {
  let index = 0
  const until = (close?: string): string => {
    let out = ''
    while (index < tokens.length) {
      const token = tokens[index++]!
      if ('text' in token) out += escapeText(token.text)
      else if ('ph' in token) out += vocabulary.placeholder(codes.get(token.ph) as Extract<Code, { kind: 'ph' }>)
      else if ('open' in token) out += vocabulary.paired(codes.get(token.open) as Extract<Code, { kind: 'pc' }>, until(token.open))
      else if (token.close === close) return out
    }
    return out
  }
  return until()
}

/**
 * The target's own codes renumbered to the source's (matched by the Markdown
 * they stand for), so a reordered translation keeps the source's ids. A code
 * the source has not becomes text.
 */
export function alignCodes(target: Coded, source: Coded): Token[] {
  const taken = new Set<string>()
  const renamed = new Map<string, string>()
  const same = (a: Code, b: Code) => (a.kind === 'ph' && b.kind === 'ph' && a.data === b.data) || (a.kind === 'pc' && b.kind === 'pc' && a.start === b.start && a.end === b.end)
  for (const [id, code] of target.codes) {
    const match = [...source.codes.values()].find((candidate) => !taken.has(candidate.id) && same(candidate, code))
    if (match) {
      taken.add(match.id)
      renamed.set(id, match.id)
    }
  }
  return target.tokens.map((token) => {
    if ('text' in token) return token
    if ('ph' in token) return renamed.has(token.ph) ? { ph: renamed.get(token.ph)! } : { text: (target.codes.get(token.ph) as Extract<Code, { kind: 'ph' }>).data }
    const id = 'open' in token ? token.open : token.close
    const code = target.codes.get(id) as Extract<Code, { kind: 'pc' }>
    if (!renamed.has(id)) return { text: 'open' in token ? code.start : code.end }
    return 'open' in token ? { open: renamed.get(id)! } : { close: renamed.get(id)! }
  })
}

/** Tokens of an element's content; `<mrk>` (a term mark, a comment) is unwrapped, unknown elements too. */
export function xmlToTokens(element: XmlElement | undefined, vocabulary: InlineVocabulary): Token[] {
  const tokens: Token[] = []
  const walk = (node: XmlElement) => {
    for (const child of node.elements ?? []) {
      if (child.type === 'text' || child.type === 'cdata') {
        tokens.push({ text: String(child.text ?? child.cdata ?? '') })
        continue
      }
      if (child.type !== 'element') continue
      const name = localName(child)
      const id = attribute(child, 'id') ?? ''
      if (vocabulary.read.placeholder.includes(name)) tokens.push({ ph: id })
      else if (vocabulary.read.paired.includes(name)) {
        tokens.push({ open: id })
        walk(child)
        tokens.push({ close: id })
      } else if (vocabulary.read.start.includes(name)) tokens.push({ open: id })
      else if (vocabulary.read.end.includes(name)) tokens.push({ close: attribute(child, vocabulary.read.endRef) ?? id })
      else if (name === 'cp') tokens.push({ text: String.fromCodePoint(Number.parseInt(attribute(child, 'hex') ?? '20', 16)) })
      else walk(child)
    }
  }
  if (element) walk(element)
  return tokens
}

export { tag }
