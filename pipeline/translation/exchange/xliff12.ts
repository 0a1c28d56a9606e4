/**
 * XLIFF 1.2 (OASIS, 2008), what OmegaT (through Okapi), translate-toolkit
 * and most CAT tools read: one `<file original="namespace">` per namespace,
 * one `<trans-unit id="key">` each. Inline Markdown travels as native code
 * inside `<bpt>`/`<ept>` (paired) and `<ph>` (placeholders), the 1.2 way
 * of carrying original data. States on `<target state>`: none (missing: no
 * target), `needs-review-translation` (outdated, with a note of the older
 * source), `translated`, `final` (reviewed). In: `new`, `needs-*` are
 * drafts; `translated` translated; `final` and `signed-off` reviewed; a
 * target without a state counts as translated unless the unit says
 * `approved="no"`.
 */
import { pluralBase } from '../expected-entries.ts'
import { ExchangeError } from './exchange-error.ts'
import { keysInNote, outdatedNote, type Exported, type ExportUnit, type ImportedFile, type ImportedUnit, type ImportState, type KeysFor } from './exchange-units.ts'
import { alignCodes, tokensToXml, xmlToTokens, type InlineVocabulary } from './inline-xml.ts'
import { encodeInline, normalizeTokens, type Code } from './inline-codes.ts'
import { decodeUnit, type FallbackCodes } from './xliff2.ts'
import { attribute, childrenNamed, escapeText, lineOf, localName, parseXml, tag, textOf, type XmlElement } from './xml.ts'

const EXPECTED = 'an XLIFF 1.2 file (npm run i18n:export -- --format xliff12)'

const VOCABULARY: InlineVocabulary = {
  placeholder: (code) => `${tag('ph', { id: code.id, ctype: code.subType === 'xlf:var' ? 'x-variable' : undefined })}${escapeText(code.data)}</ph>`,
  paired: (code, inner) => `${tag('bpt', { id: code.id, ctype: ctypeOf(code) })}${escapeText(code.start)}</bpt>${inner}${tag('ept', { id: code.id })}${escapeText(code.end)}</ept>`,
  read: { placeholder: ['ph', 'x', 'it'], paired: ['g'], start: ['bpt', 'bx'], end: ['ept', 'ex'], endRef: 'rid' }
}

function ctypeOf(code: Code): string | undefined {
  if (code.type === 'link') return 'link'
  return code.subType === 'xlf:b' ? 'bold' : code.subType === 'xlf:i' ? 'italic' : undefined
}

export function writeXliff12(exported: Exported): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">']
  for (const { ns, units } of exported.namespaces) {
    lines.push(`  ${tag('file', { original: ns, 'source-language': exported.sourceLocale, 'target-language': exported.locale, datatype: 'x-markdown' })}`, '    <body>')
    for (const unit of units) lines.push(...unitLines(unit))
    lines.push('    </body>', '  </file>')
  }
  lines.push('</xliff>', '')
  return lines.join('\n')
}

const STATE_OUT: Record<ExportUnit['state'], string | undefined> = { missing: undefined, outdated: 'needs-review-translation', translated: 'translated', reviewed: 'final' }

function unitLines(unit: ExportUnit): string[] {
  const source = encodeInline(unit.source, unit.markdown)
  // approved: translate-toolkit's and Okapi's "not fuzzy".
  const lines = [`      ${tag('trans-unit', { id: unit.key, resname: unit.key, approved: unit.state === 'translated' || unit.state === 'reviewed' ? 'yes' : undefined })}`]
  lines.push(`        <source>${tokensToXml(source.tokens, source.codes, VOCABULARY)}</source>`)
  if (unit.target !== undefined) {
    const target = alignCodes(encodeInline(unit.target, unit.markdown), source)
    lines.push(`        ${tag('target', { state: STATE_OUT[unit.state] })}${tokensToXml(target, source.codes, VOCABULARY)}</target>`)
  }
  const note = outdatedNote(unit)
  if (note) lines.push(`        <note from="polyglot-press">${escapeText(note)}</note>`)
  lines.push('      </trans-unit>')
  return lines
}

export function readXliff12(xml: string, shownPath: string, fallback: FallbackCodes, keysFor: KeysFor): ImportedFile {
  const root = childrenNamed(parseXml(xml, shownPath, EXPECTED), 'xliff')[0]
  if (!root || !attribute(root, 'version')?.startsWith('1.')) throw new ExchangeError(`Unexpected XLIFF version ${attribute(root, 'version') ?? '(none)'}, expected ${EXPECTED}`, shownPath)
  const units: ImportedUnit[] = []
  let locale = ''
  let sourceLocale = ''
  const splitForms = new Set<ImportedUnit>()
  for (const file of childrenNamed(root, 'file')) {
    const original = attribute(file, 'original') ?? ''
    locale ||= attribute(file, 'target-language') ?? ''
    sourceLocale ||= attribute(file, 'source-language') ?? ''
    const keysOf = keysFor(locale)
    const seen = new Map<string, number>()
    for (const { unit, notes } of transUnits(childrenNamed(file, 'body')[0], [])) {
      // A PO's header, carried along by translate-toolkit.
      if (attribute(unit, 'restype') === 'x-gettext-domain-header') continue
      const { ns, key } = placeOf(unit, notes, original, keysOf)
      seen.set(key, (seen.get(key) ?? 0) + 1)
      if (seen.get(key)! > 1) {
        const line = lineOf(xml, new RegExp(`<(?:\\w+:)?trans-unit\\b[^>]*\\bid="${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`), seen.get(key)! - 1)
        throw new ExchangeError(`Unexpected duplicate trans-unit \`${key}\` in <file original="${original}">, expected each key once`, shownPath, line)
      }
      const read = readUnit(ns, key, unit, fallback)
      units.push(read)
      if (/\[\d+\]$/.test(attribute(unit, 'id') ?? '')) splitForms.add(read)
    }
  }
  return { locale, sourceLocale, units: withPluralSources(units, splitForms) }
}

/**
 * A plural term split into units by translate-toolkit: the first shows the
 * English singular, the others the plural, whatever the language's forms
 * are. Each form's source is what it is translated from: the singular for
 * `_one`, the plural for the others (as expectedEntries has them).
 */
function withPluralSources(units: ImportedUnit[], splitForms: ReadonlySet<ImportedUnit>): ImportedUnit[] {
  const terms = new Map<string, ImportedUnit[]>()
  for (const unit of splitForms) {
    const base = pluralBase(unit.key)
    if (base !== undefined) terms.set(`${unit.ns}:${base}`, [...(terms.get(`${unit.ns}:${base}`) ?? []), unit])
  }
  for (const forms of terms.values()) {
    const singular = forms[0]!.source
    const plural = forms[forms.length - 1]!.source
    for (const form of forms) form.source = form.key.endsWith('_one') ? singular : plural
  }
  return units
}

/**
 * A unit's namespace and key: the file's `original` and the unit's `resname`
 * or `id`, as we write them; or, from a file another tool made out of our PO
 * (translate-toolkit's po2xliff numbers units and names the file after the
 * PO), the `namespace:key` note, the n-th key for the n-th plural form `id[n]`.
 */
function placeOf(unit: XmlElement, groupNotes: string[], original: string, keysOf: ReadonlyMap<string, ReadonlySet<string>>): { ns: string; key: string } {
  const key = attribute(unit, 'resname') ?? attribute(unit, 'id') ?? ''
  if (keysOf.get(original)?.has(key)) return { ns: original, key }
  for (const note of [...notesOf(unit), ...groupNotes]) {
    const noted = keysInNote(note)
    const index = Number(/\[(\d+)\]$/.exec(attribute(unit, 'id') ?? '')?.[1] ?? 0)
    if (noted?.keys[index] !== undefined) return { ns: noted.ns, key: noted.keys[index]! }
  }
  return { ns: original, key }
}

/** Trans-units, each with the notes of the groups around it (translate-toolkit notes a plural term on its group). */
function transUnits(parent: XmlElement | undefined, notes: string[]): Array<{ unit: XmlElement; notes: string[] }> {
  return (parent?.elements ?? []).flatMap((child) => {
    if (child.type !== 'element') return []
    if (localName(child) === 'group') return transUnits(child, [...notes, ...notesOf(child)])
    return localName(child) === 'trans-unit' ? [{ unit: child, notes }] : []
  })
}

function notesOf(element: XmlElement): string[] {
  const contexts = childrenNamed(element, 'context-group').flatMap((group) => childrenNamed(group, 'context'))
  return [...childrenNamed(element, 'note'), ...contexts].map(textOf)
}

function readUnit(ns: string, key: string, unit: XmlElement, fallback: FallbackCodes): ImportedUnit {
  const sourceElement = childrenNamed(unit, 'seg-source')[0] ?? childrenNamed(unit, 'source')[0]
  const targetElement = childrenNamed(unit, 'target')[0]
  const source = xmlToTokens(sourceElement, VOCABULARY)
  const codes = codesOf(childrenNamed(unit, 'source')[0], fallback(ns, key))
  const hasTarget = targetElement !== undefined && textOf(targetElement).trim() !== ''
  return decodeUnit(ns, key, source, hasTarget ? normalizeTokens(xmlToTokens(targetElement, VOCABULARY)) : undefined, codes, stateOf(unit, targetElement))
}

function stateOf(unit: XmlElement, target: XmlElement | undefined): ImportState {
  const state = attribute(target, 'state')
  if (state === 'final' || state === 'signed-off') return 'reviewed'
  if (state === 'translated') return 'translated'
  if (state !== undefined) return 'draft'
  // translate-toolkit writes approved="no" for a fuzzy entry, "yes" for any other.
  return attribute(unit, 'approved') === 'no' ? 'draft' : 'translated'
}

/** Codes from the source's native code: `<ph>` content, `<bpt>`/`<ept>` content by id; else the fallback's. */
function codesOf(source: XmlElement | undefined, fallback: ReadonlyMap<string, Code> | undefined): Map<string, Code> {
  const codes = new Map<string, Code>(fallback ?? [])
  const ends = new Map<string, string>()
  const starts = new Map<string, string>()
  for (const child of source?.elements ?? []) {
    if (child.type !== 'element') continue
    const id = attribute(child, 'id') ?? ''
    const name = localName(child)
    if (name === 'ph') codes.set(id, { kind: 'ph', id, data: textOf(child), type: 'other' })
    if (name === 'bpt') starts.set(id, textOf(child))
    if (name === 'ept') ends.set(attribute(child, 'rid') ?? id, textOf(child))
  }
  for (const [id, start] of starts) codes.set(id, { kind: 'pc', id, start, end: ends.get(id) ?? '', type: 'other' })
  return codes
}
