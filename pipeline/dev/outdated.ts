/**
 * Which translations of an edition are outdated: their source sentence
 * changed after they were made. The translation records beside the catalogs
 * (pipeline/translation/translation-record) say so; this is the one place the
 * preview asks, so tests can plug in their own answer.
 */
import path from 'node:path'
import type { Sources } from '../translation/sources.ts'
import { computeStatus, keysIn } from '../translation/status/status.ts'
import { renderStatusPage } from '../translation/status/status-page.ts'
import { writeAtomic } from '../output/write-atomic.ts'
import type { Project } from '../project.ts'
import { template } from '../render/templates.ts'

/** `sources`: the source texts, read once for a batch of editions (otherwise read here). */
export type OutdatedKeys = (project: Project, doc: string, locale: string, sources?: Sources) => Promise<ReadonlySet<string>>

export const noOutdatedKeys: OutdatedKeys = async () => new Set()

/** The project's own translation status, read afresh: a save may have changed a catalog or its record. */
export const recordedOutdatedKeys: OutdatedKeys = async (project, doc, locale, sources) =>
  keysIn(await computeStatus(project, { locales: [locale], sources }), locale, doc, 'outdated')

/** The status page, as `npm run build:all` writes it, into the preview folder. */
export async function writePreviewStatus(project: Project, sources?: Sources): Promise<void> {
  const page = renderStatusPage(await computeStatus(project, { sources }), template('status.css'))
  await writeAtomic(path.join(project.outputDir, 'status.html'), page)
}
