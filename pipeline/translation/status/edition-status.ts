/**
 * What the translation status means for one edition: a warning for each
 * interface term it falls back on or uses outdated (content segments are
 * flagged by remark-translate, with their place in the document), and, for
 * `--strict`, whether the edition may be published at all.
 */
import type { VFile } from 'vfile'
import type { ProjectStatus } from './status.ts'

export function noteInterfaceStatus(file: VFile, status: ProjectStatus, locale: string): void {
  const ui = status.locales.find((item) => item.locale === locale)?.namespaces.find((ns) => ns.ns === 'ui')
  for (const entry of ui?.entries ?? []) {
    if (entry.state === 'missing') {
      file.message(`Missing translation for interface term \`${entry.key}\` in ${ui!.file}, using the source text`, { ruleId: 'missing-translation', source: 'i18n-status' })
    } else if (entry.state === 'outdated') {
      file.message(`Outdated translation for interface term \`${entry.key}\` in ${ui!.file}:${entry.line}:${entry.column}: the source changed since it was translated`, { ruleId: 'outdated-translation', source: 'i18n-status' })
    }
  }
}

/** Why `--strict` refuses an edition (a fallback to the source or an outdated translation), or undefined. */
export function strictRefusal(file: VFile): string | undefined {
  const count = (ruleId: string) => file.messages.filter((message) => message.ruleId === ruleId).length
  const missing = count('missing-translation')
  const outdated = count('outdated-translation')
  if (missing + outdated === 0) return undefined
  return `--strict: not written, it would show ${missing} fallback${missing === 1 ? '' : 's'} to the source and ${outdated} outdated translation${outdated === 1 ? '' : 's'} (see the warnings above)`
}
