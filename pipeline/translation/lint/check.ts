/**
 * `npm run i18n:check`: reads every catalog and record of every locale,
 * runs the rules, and returns the problems (file, line, column, key, rule).
 */
import { readFile } from 'node:fs/promises'
import { isCatalogFailure, type RuleId } from '../../messages.ts'
import { catalogPath, displayPath, listLocales, type Project } from '../../project.ts'
import { emptyCatalog, parseCatalog, type Catalog } from '../../i18n/catalog.ts'
import { expectedEntries } from '../expected-entries.ts'
import { loadSources } from '../sources.ts'
import { handEdit } from '../../i18n/generated-mark.ts'
import { readTermbase } from '../termbase.ts'
import { readRecord, recordPath } from '../translation-record.ts'
import { lintCatalog, type Problem } from './rules.ts'

export interface CheckResult {
  problems: Problem[]
  /** Namespaces that could not be checked (their source document is broken). */
  skipped: string[]
}

export async function check(project: Project): Promise<CheckResult> {
  const problems: Problem[] = []
  const sources = await loadSources(project)
  for (const locale of await listLocales(project)) {
    const termbase = locale === project.sourceLocale ? undefined : await readTermbase(project, locale).catch((error: unknown) => { problems.push(problemOf(error)); return undefined })
    for (const [ns, source] of sources.namespaces) {
      const catalog = await readChecked(project, catalogPath(project, locale, ns), problems)
      const edited = locale === project.sourceLocale && ns !== 'ui' ? await handEdit(project, ns) : undefined
      if (edited) problems.push({ file: displayPath(project, catalogPath(project, locale, ns)), line: 1, column: 1, ruleId: 'generated-catalog', reason: edited })
      if (locale === project.sourceLocale || !catalog) continue
      const record = recordPath(project, locale, ns)
      await readRecord(record, displayPath(project, record)).catch((error: unknown) => { problems.push(problemOf(error)) })
      problems.push(...lintCatalog({ ns, locale, sourceLocale: project.sourceLocale, expected: expectedEntries(source, locale), catalog, terms: termbase?.terms ?? [], termbaseFile: termbase?.file }))
    }
  }
  return { problems, skipped: [...sources.errors].map(([ns, reason]) => `${ns}: ${reason}`) }
}

/** A catalog, or undefined (with a problem) when it is not valid catalog JSON. */
async function readChecked(project: Project, file: string, problems: Problem[]): Promise<Catalog | undefined> {
  const shown = displayPath(project, file)
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    return emptyCatalog(shown)
  }
  try {
    return parseCatalog(bytes, shown)
  } catch (error) {
    problems.push(problemOf(error))
    return undefined
  }
}

export function problemOf(error: unknown): Problem {
  if (!isCatalogFailure(error)) throw error
  return { file: error.file ?? '', line: error.line ?? undefined, column: error.column ?? undefined, key: error.key, ruleId: error.ruleId as RuleId, reason: error.reason }
}
