/**
 * The status as text (a table a person reads in a terminal, printed by
 * `npm run i18n:status` and after every build) and as JSON for machines.
 */
import { COUNT_COLUMNS, countsOf, localeCounts, percentOf, type Counts, type ProjectStatus, type StatusEntry } from './status.ts'


export function formatStatusTable(status: ProjectStatus): string {
  const header = ['locale', ...COUNT_COLUMNS, 'complete']
  const rows = status.locales.map((locale) => {
    if (locale.error) return [locale.locale, 'unreadable: ' + locale.error]
    const counts = localeCounts(locale)
    return [locale.locale, ...COUNT_COLUMNS.map((column) => String(counts[column])), `${percentOf(counts)} %`]
  })
  if (rows.length === 0) return `No translations yet: add a language with \`npm run i18n:add -- <code>\``
  const widths = header.map((title, index) => Math.max(title.length, ...rows.filter((row) => row.length > 2).map((row) => row[index]!.length)))
  const line = (cells: string[]) => cells.length === 2
    ? `${cells[0]!.padEnd(widths[0]!)}  ${cells[1]}`
    : cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ')
  const sourceProblems = [...status.sourceErrors].map(([ns, reason]) => `source of ${ns} unreadable: ${reason}`)
  return [line(header), ...rows.map(line), ...sourceProblems].join('\n')
}

/** Each missing, outdated and orphaned key with its catalog position, at most `limit` per locale and state. */
export function formatStatusDetails(status: ProjectStatus, limit = 10): string {
  const lines: string[] = []
  for (const locale of status.locales) {
    for (const state of ['outdated', 'missing', 'orphaned'] as const) {
      const found = locale.namespaces.flatMap((ns) => ns.entries.filter((entry) => entry.state === state).map((entry) => ({ ns, entry })))
      for (const { ns, entry } of found.slice(0, limit)) lines.push(`${locale.locale}  ${state.padEnd(8)}  ${ns.file}${where(entry)}  ${entry.key}`)
      if (found.length > limit) lines.push(`${locale.locale}  ${state.padEnd(8)}  … and ${found.length - limit} more (all of them: --json, or output/status.html after a build)`)
    }
  }
  return lines.join('\n')
}

function where(entry: StatusEntry): string {
  return entry.line ? `:${entry.line}:${entry.column}` : ''
}

export interface StatusJson {
  locales: Record<string, Counts & {
    percent: number
    error?: string
    namespaces: Record<string, Counts & { file: string }>
    keys: Record<'missing' | 'outdated' | 'orphaned', string[]>
  }>
}

/** `--json`: counts per locale (and per namespace), with the keys that need work (`ns:key`). */
export function statusJson(status: ProjectStatus): StatusJson {
  const locales: StatusJson['locales'] = {}
  for (const locale of status.locales) {
    const counts = localeCounts(locale)
    const keys = { missing: [] as string[], outdated: [] as string[], orphaned: [] as string[] }
    const namespaces: Record<string, Counts & { file: string }> = {}
    for (const ns of locale.namespaces) {
      namespaces[ns.ns] = { ...countsOf(ns.entries), file: ns.file }
      for (const entry of ns.entries) if (entry.state !== 'translated') keys[entry.state].push(`${ns.ns}:${entry.key}`)
    }
    locales[locale.locale] = { ...counts, percent: percentOf(counts), ...(locale.error ? { error: locale.error } : {}), namespaces, keys }
  }
  return { locales }
}
