/**
 * The record beside each translation catalog of which source text every
 * translated value was made from: `locales/<lng>/<ns>.translated-from.json`,
 *
 *   { "p.key": { "source": "The English text", "translation": "<hash of the value>" } }
 *
 * The catalog itself stays plain i18next JSON. A value whose hash still
 * matches was not touched since it was recorded, so if the source moved on
 * it is outdated; a value whose hash differs was edited by a translator, and
 * that edit counts as the update. Plain JSON, one key per entry, sorted like
 * the source: it survives machines and reads well in a code review.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Project } from '../project.ts'
import { writeAtomic } from '../output/write-atomic.ts'
import { failCatalog, readCatalog } from '../i18n/catalog.ts'

export interface RecordEntry {
  /** The source text the translation was made from. */
  source: string
  /** Short hash of the translated value when it was recorded. */
  translation: string
  /** Set when someone confirmed the translation against `source` (i18n:review, XLIFF state). */
  state?: 'reviewed'
}

export type TranslationRecord = Map<string, RecordEntry>

const FIELDS = ['source', 'translation', 'state'] as const

export function recordPath(project: Project, locale: string, ns: string): string {
  return path.join(project.localesDir, locale, `${ns}.translated-from.json`)
}

/** Short, stable hash of a translated value. */
export function hashValue(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16)
}

/** Read a record; a missing file is an empty record. Problems are fatal catalog messages with positions (failCatalog). */
export async function readRecord(file: string, shownPath = file): Promise<TranslationRecord> {
  const flat = await readCatalog(file, shownPath)
  const record: TranslationRecord = new Map()
  for (const [dotted, entry] of flat.entries) {
    const at = dotted.lastIndexOf('.')
    const key = dotted.slice(0, at)
    const field = dotted.slice(at + 1) as (typeof FIELDS)[number]
    if (at <= 0 || !FIELDS.includes(field)) {
      failCatalog(flat.file, `Unexpected field \`${dotted}\`, expected \`<key>.source\`, \`.translation\` or \`.state\``, entry, dotted)
    }
    const item = record.get(key) ?? { source: '', translation: '' }
    if (field !== 'state') item[field] = entry.value
    else if (entry.value === 'reviewed') item.state = 'reviewed'
    else failCatalog(flat.file, `Unexpected state \`${entry.value}\` for \`${key}\`, expected \`reviewed\``, entry, dotted)
    record.set(key, item)
  }
  return record
}

export function stringifyRecord(record: TranslationRecord): string {
  const out: Record<string, RecordEntry> = {}
  for (const [key, entry] of record) out[key] = entry.state ? { ...entry } : { source: entry.source, translation: entry.translation }
  return JSON.stringify(out, null, 2) + '\n'
}

/** Write a record if its text changed; returns whether it did. */
export async function writeRecord(file: string, record: TranslationRecord, before: TranslationRecord): Promise<boolean> {
  const text = stringifyRecord(record)
  if (text === stringifyRecord(before)) return false
  await writeAtomic(file, text)
  return true
}

/** A record entry for `value` translated from `source`. */
export function recordOf(source: string, value: string, reviewed = false): RecordEntry {
  return reviewed ? { source, translation: hashValue(value), state: 'reviewed' } : { source, translation: hashValue(value) }
}

/** The record's entries in the order of `keys` (the source order); others dropped. */
export function orderedLike(record: TranslationRecord, keys: ReadonlyMap<string, unknown>): TranslationRecord {
  const ordered: TranslationRecord = new Map()
  for (const key of keys.keys()) {
    const entry = record.get(key)
    if (entry) ordered.set(key, entry)
  }
  return ordered
}
