/**
 * What the conformance run builds: the repository's own content (the
 * interview, every language it has) and the GFM test document
 * (test/fixtures/gfm: a captioned table, footnotes, task items,
 * strikethrough, nested lists, inline images) in English, Kazakh and
 * Arabic, set up as an editor's project would be: its catalogs beside the
 * repository's ui.json, the English catalog extracted.
 */
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { extract } from '../../pipeline/translation/extract.ts'

export interface ConformanceProject {
  /** Prefix of its editions in the report. */
  name: string
  root: string
  locales?: string[]
}

const GFM_LOCALES = ['en', 'kk', 'ar']

/** Every project, or only the one named by CONFORMANCE_PROJECT (`interview` or `gfm`) while working on it. */
export async function conformanceProjects(repo: string, only = process.env.CONFORMANCE_PROJECT): Promise<ConformanceProject[]> {
  const interview: ConformanceProject = { name: '', root: repo }
  if (only === 'interview') return [interview]
  const gfm = mkdtempSync(path.join(tmpdir(), 'press-conformance-gfm-'))
  const fixture = path.join(repo, 'test/fixtures/gfm')
  cpSync(path.join(fixture, 'content'), path.join(gfm, 'content'), { recursive: true })
  cpSync(path.join(fixture, 'locales'), path.join(gfm, 'locales'), { recursive: true })
  for (const locale of GFM_LOCALES) cpSync(path.join(repo, `locales/${locale}/ui.json`), path.join(gfm, `locales/${locale}/ui.json`))
  await extract(gfm)
  const document: ConformanceProject = { name: 'gfm', root: gfm, locales: GFM_LOCALES }
  return only === 'gfm' ? [document] : [interview, document]
}
