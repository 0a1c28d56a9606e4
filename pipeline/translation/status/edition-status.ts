/**
 * What the translation status means for one edition: a warning for each
 * interface term it falls back on or uses outdated (content segments are
 * flagged by remark-translate, with their place in the document), and, for
 * `--strict`, whether the edition may be published at all.
 */
import type { VFile } from 'vfile'
import type { ProjectStatus } from './status.ts'
import { catalogCause, countOf, strictProblems, warn } from '../../messages.ts'

export function noteInterfaceStatus(file: VFile, status: ProjectStatus, locale: string): void {
  const ui = status.locales.find((item) => item.locale === locale)?.namespaces.find((ns) => ns.ns === 'ui')
  for (const entry of ui?.entries ?? []) {
    if (entry.state === 'missing') {
      warn(file, 'missing-translation', `Missing translation for interface term \`${entry.key}\` in ${ui!.file}, using the source text`, { source: 'i18n-status' })
    } else if (entry.state === 'outdated') {
      warn(file, 'outdated-translation', `Outdated translation for interface term \`${entry.key}\` in ${ui!.file}: the source changed since it was translated`, {
        source: 'i18n-status', cause: catalogCause(ui!.file, entry.key, { line: entry.line ?? 1, column: entry.column ?? 1 })
      })
    }
  }
}

/** Why `--strict` refuses an edition (a fallback to the source or an outdated translation), or undefined. */
export function strictRefusal(file: VFile): string | undefined {
  // The catalog of messages (messages.ts) says which rules refuse an edition and which count as missing.
  const refused = strictProblems(file.messages, 'refuse-edition')
  if (refused.length === 0) return undefined
  const missing = countOf(refused, 'missing')
  const outdated = refused.filter((message) => message.ruleId === 'outdated-translation').length
  const other = refused.length - missing - outdated
  const others = other > 0 ? ` and ${other} other problem${other === 1 ? '' : 's'}` : ''
  return `--strict: not written, it would show ${missing} fallback${missing === 1 ? '' : 's'} to the source and ${outdated} outdated translation${outdated === 1 ? '' : 's'}${others} (see the warnings above)`
}
