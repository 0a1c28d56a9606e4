/**
 * `npm run i18n:export -- --locale kk --format xliff`: one XLIFF 2.0 file per
 * locale, one <file> per namespace (`ui`, each document), one <unit> per key
 * with the current source, the translation (when there is one) and its state:
 * initial (missing, or outdated with subState polyglot-press:outdated and a
 * note of the older source), translated, or reviewed.
 */
import js2xliff from 'xliff/js2xliff'
import type { XliffJs, XliffUnit } from 'xliff/xliff2js'
import type { Project } from '../../project.ts'
import { computeStatus, type StatusEntry } from '../status/status.ts'
import { OUTDATED, preEscape, withStates, type StateMark, type States } from './segment-states.ts'

export async function exportXliff(project: Project, locale: string): Promise<string> {
  const status = await computeStatus(project, { locales: [locale] })
  const only = status.locales[0]
  if (!only || only.error) throw new Error(only?.error ?? `Unknown locale \`${locale}\``)
  const resources: XliffJs['resources'] = {}
  const states: States = new Map()
  for (const ns of only.namespaces) {
    const units: Record<string, XliffUnit> = {}
    const marks = new Map<string, StateMark>()
    for (const entry of ns.entries) {
      if (entry.state === 'orphaned') continue
      units[entry.key] = unitOf(entry)
      marks.set(entry.key, markOf(entry))
    }
    resources[ns.ns] = units
    states.set(ns.ns, marks)
  }
  const xml = await js2xliff({ sourceLanguage: project.sourceLocale, targetLanguage: locale, resources })
  return withStates(xml, states)
}

function unitOf(entry: StatusEntry): XliffUnit {
  const unit: XliffUnit = { source: preEscape(entry.source ?? '') }
  if (entry.value !== undefined) unit.target = preEscape(entry.value)
  if (entry.state === 'outdated') unit.note = preEscape(`The source changed since this was translated. It was: ${entry.previousSource ?? ''}`)
  return unit
}

function markOf(entry: StatusEntry): StateMark {
  if (entry.state === 'outdated') return { state: 'initial', subState: OUTDATED }
  if (entry.state === 'missing') return { state: 'initial' }
  return { state: entry.reviewed ? 'reviewed' : 'translated' }
}
