/**
 * What the conformance run builds: the repository's own content (the
 * interview, every language it has) and the GFM test document
 * (test/fixtures/gfm: a captioned table, footnotes, task items,
 * strikethrough, nested lists, inline images) in English, Kazakh and
 * Arabic, set up as an editor's project would be: its catalogs beside the
 * repository's ui.json, the English catalog extracted.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { extract } from '../../pipeline/translation/extract.ts'
import { GFM_LOCALES, gfmProject } from '../helpers/project.ts'

export interface ConformanceProject {
  /** Prefix of its editions in the report. */
  name: string
  root: string
  locales?: string[]
}

/** Every project, or only the one named by CONFORMANCE_PROJECT (`interview` or `gfm`) while working on it. */
export async function conformanceProjects(repo: string, only = process.env.CONFORMANCE_PROJECT): Promise<ConformanceProject[]> {
  const interview: ConformanceProject = { name: '', root: repo }
  if (only === 'interview') return [interview]
  const gfm = gfmProject(mkdtempSync(path.join(tmpdir(), 'press-conformance-gfm-')), repo)
  await extract(gfm)
  const document: ConformanceProject = { name: 'gfm', root: gfm, locales: GFM_LOCALES }
  return only === 'gfm' ? [document] : [interview, document]
}
