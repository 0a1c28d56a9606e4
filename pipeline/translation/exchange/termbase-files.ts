/**
 * The termbase as translators' tools take it: TBX-Basic (ISO 30042, the
 * `martif` document OmegaT, memoQ, Trados MultiTerm, Weblate and
 * translate-toolkit import) beside a PO or XLIFF 1.2 file, and XLIFF 2.0's
 * glossary module inside each unit that uses a term.
 */
import type { Term, Termbase } from '../termbase.ts'
import { usesTerm } from '../termbase.ts'
import { escapeText, tag } from './xml.ts'

export function writeTbx(termbase: Termbase, sourceLocale: string, locale: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<martif type="TBX-Basic" xml:lang="${sourceLocale}">`,
    '  <martifHeader>',
    '    <fileDesc>',
    `      <sourceDesc><p>${escapeText(`polyglot-press termbase for ${locale}, from ${termbase.file}`)}</p></sourceDesc>`,
    '    </fileDesc>',
    '  </martifHeader>',
    '  <text>',
    '    <body>'
  ]
  termbase.terms.forEach((term, index) => {
    lines.push(`      ${tag('termEntry', { id: `t${index + 1}` })}`)
    if (term.note) lines.push(`        <note>${escapeText(term.note)}</note>`)
    lines.push(`        ${tag('langSet', { 'xml:lang': sourceLocale })}<tig><term>${escapeText(term.source)}</term></tig></langSet>`)
    const status = term.doNotTranslate ? '<termNote type="usageNote">do not translate</termNote>' : ''
    lines.push(`        ${tag('langSet', { 'xml:lang': locale })}<tig><term>${escapeText(term.target)}</term>${status}</tig></langSet>`)
    lines.push('      </termEntry>')
  })
  lines.push('    </body>', '  </text>', '</martif>', '')
  return lines.join('\n')
}

/** `<gls:glossary>` for the terms a unit's source uses (none: no element). */
export function glossaryLines(terms: readonly Term[], source: string): string[] {
  const used = terms.filter((term) => usesTerm(source, term))
  if (used.length === 0) return []
  return [
    '<gls:glossary>',
    ...used.flatMap((term) => [
      '  <gls:glossEntry>',
      `    <gls:term source="polyglot-press termbase">${escapeText(term.source)}</gls:term>`,
      `    <gls:translation>${escapeText(term.target)}</gls:translation>`,
      ...(term.note || term.doNotTranslate ? [`    <gls:definition>${escapeText([term.doNotTranslate ? 'Do not translate.' : '', term.note ?? ''].filter(Boolean).join(' '))}</gls:definition>`] : []),
      '  </gls:glossEntry>'
    ]),
    '</gls:glossary>'
  ]
}
