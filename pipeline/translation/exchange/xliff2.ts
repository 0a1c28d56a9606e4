/**
 * XLIFF 2.0 (OASIS, 2014): one `<file>` per namespace, one `<unit>` per key.
 * Out: the source and translation with inline codes (`<pc>`, `<ph>`, their
 * Markdown in `<originalData>`), the state on `<segment state>`: `initial`
 * for a missing or outdated translation (outdated: subState
 * `polyglot-press:outdated` and a note of the older source), `translated`,
 * `reviewed`. In: a unit as CAT tools write it back, split into several
 * `<segment>`s with `<ignorable>` white space between them, codes as
 * `<pc>`/`<ph>` or `<sc>`/`<ec>`, term marks (`<mrk>`) around words.
 */
import { ExchangeError } from './exchange-error.ts'
import { outdatedNote, type Exported, type ExportUnit, type ImportedFile, type ImportedUnit, type ImportState } from './exchange-units.ts'
import { alignCodes, tokensToXml, xmlToTokens, type InlineVocabulary } from './inline-xml.ts'
import { CodeMismatch, decodeInline, encodeInline, normalizeTokens, type Code, type Token } from './inline-codes.ts'
import { attribute, childrenNamed, escapeText, lineOf, localName, parseXml, tag, textOf, type XmlElement } from './xml.ts'

export const OUTDATED = 'polyglot-press:outdated'
const EXPECTED = 'an XLIFF 2.0 file (npm run i18n:export -- --format xliff)'

const VOCABULARY: InlineVocabulary = {
  placeholder: (code) => tag('ph', { id: code.id, dataRef: `d${code.id}`, disp: code.data, type: code.type, subType: code.subType }, true),
  paired: (code, inner) => `${tag('pc', { id: code.id, dataRefStart: `d${code.id}s`, dataRefEnd: `d${code.id}e`, dispStart: code.start, dispEnd: code.end, type: code.type, subType: code.subType })}${inner}</pc>`,
  read: { placeholder: ['ph'], paired: ['pc'], start: ['sc'], end: ['ec'], endRef: 'startRef' }
}

/** @param extra module elements of a unit (the glossary), by namespace and unit */
export function writeXliff2(exported: Exported, extra: (ns: string, unit: ExportUnit) => string[] = () => []): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" version="2.0" srcLang="${exported.sourceLocale}" trgLang="${exported.locale}">`]
  for (const { ns, units } of exported.namespaces) {
    lines.push(`  ${tag('file', { id: ns })}`)
    for (const unit of units) lines.push(...unitLines(unit, extra(ns, unit)))
    lines.push('  </file>')
  }
  lines.push('</xliff>', '')
  return lines.join('\n')
}

function unitLines(unit: ExportUnit, extra: string[]): string[] {
  const source = encodeInline(unit.source, unit.markdown)
  // Modules (the glossary) come first in a unit, then notes, original data, segments.
  const lines = [`    ${tag('unit', { id: unit.key })}`, ...extra.map((line) => `      ${line}`)]
  const note = outdatedNote(unit)
  if (note) lines.push('      <notes>', `        <note>${escapeText(note)}</note>`, '      </notes>')
  if (source.codes.size > 0) {
    lines.push('      <originalData>')
    for (const code of source.codes.values()) {
      if (code.kind === 'ph') lines.push(`        <data id="d${code.id}">${escapeText(code.data)}</data>`)
      else lines.push(`        <data id="d${code.id}s">${escapeText(code.start)}</data>`, `        <data id="d${code.id}e">${escapeText(code.end)}</data>`)
    }
    lines.push('      </originalData>')
  }
  const state = unit.state === 'missing' || unit.state === 'outdated' ? 'initial' : unit.state
  lines.push(`      ${tag('segment', { state, subState: unit.state === 'outdated' ? OUTDATED : undefined })}`)
  lines.push(`        <source>${tokensToXml(source.tokens, source.codes, VOCABULARY)}</source>`)
  if (unit.target !== undefined) {
    const target = alignCodes(encodeInline(unit.target, unit.markdown), source)
    lines.push(`        <target>${tokensToXml(target, source.codes, VOCABULARY)}</target>`)
  }
  lines.push('      </segment>', '    </unit>')
  return lines
}

/** What a unit's codes stand for when the file lacks `<originalData>`: the current source's codes. */
export type FallbackCodes = (ns: string, key: string) => ReadonlyMap<string, Code> | undefined

export function readXliff2(xml: string, shownPath: string, fallback: FallbackCodes): ImportedFile {
  const root = childrenNamed(parseXml(xml, shownPath, EXPECTED), 'xliff')[0]
  const version = attribute(root, 'version')
  if (!root || !version?.startsWith('2.')) throw new ExchangeError(`Unexpected ${root ? `XLIFF version ${version ?? '(none)'}` : 'XML without <xliff>'}, expected ${EXPECTED}`, shownPath)
  const locale = attribute(root, 'trgLang') ?? ''
  const units: ImportedUnit[] = []
  for (const file of childrenNamed(root, 'file')) {
    const ns = attribute(file, 'id') ?? ''
    const seen = new Map<string, number>()
    for (const unit of unitsOf(file)) {
      const key = attribute(unit, 'id') ?? ''
      seen.set(key, (seen.get(key) ?? 0) + 1)
      if (seen.get(key)! > 1) {
        const line = lineOf(xml, new RegExp(`<(?:\\w+:)?unit\\b[^>]*\\bid="${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`), seen.get(key)! - 1)
        throw new ExchangeError(`Unexpected duplicate unit \`${key}\` in <file id="${ns}">, expected each key once (which of the two is the translation?)`, shownPath, line)
      }
      units.push(readUnit(ns, key, unit, fallback))
    }
  }
  return { locale, sourceLocale: attribute(root, 'srcLang') ?? '', units }
}

function unitsOf(parent: XmlElement): XmlElement[] {
  return (parent.elements ?? []).flatMap((child) => (child.type !== 'element' ? [] : localName(child) === 'group' ? unitsOf(child) : localName(child) === 'unit' ? [child] : []))
}

const RANK: Record<string, number> = { initial: 0, translated: 1, reviewed: 2, final: 3 }

function readUnit(ns: string, key: string, unit: XmlElement, fallback: FallbackCodes): ImportedUnit {
  const source: Token[] = []
  const target: Token[] = []
  let rank = 3
  let hasTarget = false
  for (const part of unit.elements ?? []) {
    if (part.type !== 'element' || !['segment', 'ignorable'].includes(localName(part))) continue
    const partSource = xmlToTokens(childrenNamed(part, 'source')[0], VOCABULARY)
    const partTarget = childrenNamed(part, 'target')[0]
    source.push(...partSource)
    if (localName(part) === 'ignorable') {
      target.push(...(partTarget ? xmlToTokens(partTarget, VOCABULARY) : partSource))
      continue
    }
    // A segment without a target leaves the unit unfinished: a draft.
    if (partTarget) hasTarget = true
    else rank = 0
    // Each segment's target is trimmed: a tool pretty-prints each one.
    target.push(...normalizeTokens(xmlToTokens(partTarget, VOCABULARY)))
    rank = Math.min(rank, RANK[attribute(part, 'state') ?? 'initial'] ?? 0)
  }
  const codes = codesOf(unit, fallback(ns, key))
  const state: ImportState = rank === 0 ? 'draft' : rank === 1 ? 'translated' : 'reviewed'
  return decodeUnit(ns, key, source, hasTarget ? target : undefined, codes, state)
}

/** Tokens to Markdown; a target whose codes do not match is refused, with why. */
export function decodeUnit(ns: string, key: string, source: Token[], target: Token[] | undefined, all: ReadonlyMap<string, Code>, state: ImportState): ImportedUnit {
  // Only the codes the source shows: a tool that writes `{{page}}` as text has none.
  const shownIds = new Set(source.flatMap((token) => ('ph' in token ? [token.ph] : 'open' in token ? [token.open] : [])))
  const codes = new Map([...all].filter(([id]) => shownIds.has(id)))
  let shown: string
  try {
    shown = decodeInline(source, codes)
  } catch (error) {
    if (!(error instanceof CodeMismatch)) throw error
    return { ns, key, source: '', state, refused: `its source's ${error.message}` }
  }
  if (target === undefined) return { ns, key, source: shown, state }
  try {
    return { ns, key, source: shown, target: decodeInline(normalizeTokens(target), codes), state }
  } catch (error) {
    if (!(error instanceof CodeMismatch)) throw error
    return { ns, key, source: shown, state, refused: `the target's ${error.message}, expected the source's codes, each once` }
  }
}

/** Codes of a unit from its `<originalData>` and the codes' data references, or else the fallback's. */
function codesOf(unit: XmlElement, fallback: ReadonlyMap<string, Code> | undefined): Map<string, Code> {
  const data = new Map(childrenNamed(childrenNamed(unit, 'originalData')[0], 'data').map((item) => [attribute(item, 'id') ?? '', textOf(item)]))
  const codes = new Map<string, Code>()
  const visit = (node: XmlElement) => {
    for (const child of node.elements ?? []) {
      if (child.type !== 'element') continue
      const name = localName(child)
      const id = attribute(child, 'id') ?? ''
      const known = fallback?.get(id)
      if (name === 'ph' && !codes.has(id)) {
        const value = data.get(attribute(child, 'dataRef') ?? '') ?? (known?.kind === 'ph' ? known.data : attribute(child, 'disp'))
        if (value !== undefined) codes.set(id, { kind: 'ph', id, data: value, type: 'other' })
      } else if ((name === 'pc' || name === 'sc') && !codes.has(id)) {
        const start = data.get(attribute(child, 'dataRefStart') ?? attribute(child, 'dataRef') ?? '') ?? (known?.kind === 'pc' ? known.start : undefined)
        const end = data.get(attribute(child, 'dataRefEnd') ?? '') ?? endOf(unit, id, data) ?? (known?.kind === 'pc' ? known.end : undefined)
        if (start !== undefined && end !== undefined) codes.set(id, { kind: 'pc', id, start, end, type: 'other' })
      }
      visit(child)
    }
  }
  for (const part of unit.elements ?? []) for (const source of childrenNamed(part, 'source')) visit(source)
  return codes
}

/** The data of the `<ec startRef=id>` that closes an `<sc id>` (codes split over segments). */
function endOf(unit: XmlElement, id: string, data: ReadonlyMap<string, string>): string | undefined {
  let found: string | undefined
  const visit = (node: XmlElement) => {
    for (const child of node.elements ?? []) {
      if (child.type === 'element' && localName(child) === 'ec' && attribute(child, 'startRef') === id) found ??= data.get(attribute(child, 'dataRef') ?? '')
      visit(child)
    }
  }
  visit(unit)
  return found
}
