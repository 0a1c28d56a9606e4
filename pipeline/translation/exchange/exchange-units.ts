/**
 * What every exchange format carries, whatever its syntax: per namespace,
 * each key with its current source, its translation when there is one, and
 * its state. One model out (ExportUnit), one model in (ImportedUnit), so
 * XLIFF 2.0, XLIFF 1.2 and PO differ only in how they write and read it.
 */
import { kindOf, PLAIN_KINDS } from '../../segments/assign-keys.ts'
import type { Project } from '../../project.ts'
import { computeStatus, type StatusEntry } from '../status/status.ts'

export type ExportState = 'missing' | 'outdated' | 'translated' | 'reviewed'

export interface ExportUnit {
  key: string
  source: string
  target?: string
  state: ExportState
  /** For an outdated unit: the source its translation was made from. */
  previousSource?: string
  /** Whether the text is inline Markdown (codes for emphasis, links…) or plain text. */
  markdown: boolean
}

export interface ExportNamespace {
  ns: string
  units: ExportUnit[]
}

export interface Exported {
  sourceLocale: string
  locale: string
  namespaces: ExportNamespace[]
}

/** How an imported unit stands: a draft (XLIFF `initial`, PO fuzzy or empty) is never taken as a translation. */
export type ImportState = 'draft' | 'translated' | 'reviewed'

export interface ImportedUnit {
  ns: string
  key: string
  /** The source the file showed, as Markdown. */
  source: string
  /** The target as Markdown, white space normalized; undefined: none. */
  target?: string
  state: ImportState
  /** Why the unit cannot be imported (its inline codes do not match the source's). */
  refused?: string
}

export interface ImportedFile {
  locale: string
  sourceLocale: string
  units: ImportedUnit[]
}

export async function exportUnits(project: Project, locale: string): Promise<Exported> {
  const status = await computeStatus(project, { locales: [locale] })
  const only = status.locales[0]
  if (!only || only.error) throw new Error(only?.error ?? `Unknown locale \`${locale}\``)
  const namespaces = only.namespaces.map((ns) => ({
    ns: ns.ns,
    units: ns.entries.filter((entry) => entry.state !== 'orphaned').map((entry) => unitOf(ns.ns, entry))
  }))
  return { sourceLocale: project.sourceLocale, locale, namespaces }
}

function unitOf(ns: string, entry: StatusEntry): ExportUnit {
  const state: ExportState = entry.state === 'translated' && entry.reviewed ? 'reviewed' : (entry.state as ExportState)
  return {
    key: entry.key,
    source: entry.source ?? '',
    ...(entry.value !== undefined && entry.value.trim() !== '' ? { target: entry.value } : {}),
    state,
    ...(entry.previousSource !== undefined ? { previousSource: entry.previousSource } : {}),
    markdown: isMarkdown(ns, entry.key)
  }
}

/** Document segments carry inline Markdown; interface terms and metadata are plain text. */
export function isMarkdown(ns: string, key: string): boolean {
  return ns !== 'ui' && !PLAIN_KINDS.has(kindOf(key))
}

/** The note an outdated unit carries, in every format. */
export function outdatedNote(unit: ExportUnit): string | undefined {
  return unit.state === 'outdated' ? `The source changed since this was translated. It was: ${unit.previousSource ?? ''}` : undefined
}

/** The namespace and keys a note names: `interview:p.key`, or `ui:readingTime_one, readingTime_other` for a plural term. */
export function keysInNote(note: string): { ns: string; keys: string[] } | undefined {
  const match = /^([\w.-]+):(\S[^\n]*)$/m.exec(note.trim())
  return match ? { ns: match[1]!, keys: match[2]!.split(',').map((key) => key.trim()) } : undefined
}

/** namespace → the keys a locale provides, to find where a key read from a file belongs. */
export type KeysFor = (locale: string) => ReadonlyMap<string, ReadonlySet<string>>
