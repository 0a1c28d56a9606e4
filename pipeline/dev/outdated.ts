/**
 * Which translations are outdated (their source sentence changed after they
 * were made), as the build knows it: the translation status, computed once
 * for a batch of saves and handed to prepareEdition, whose remark-translate
 * flags the outdated segments (`file.data.translation.outdated`). This is
 * the one place the preview asks, so tests can plug in their own answer.
 */
import path from 'node:path'
import type { CatalogLookup, Sources } from '../translation/sources.ts'
import { computeStatus, type ProjectStatus } from '../translation/status/status.ts'
import { renderStatusPage } from '../translation/status/status-page.ts'
import { writeAtomic } from '../output/write-atomic.ts'
import type { Project } from '../project.ts'
import { template } from '../render/templates.ts'

/** `sources`: the source texts, read once for a batch (otherwise read here); `catalogOf`: catalogs already read. */
export type StatusSource = (project: Project, sources?: Sources, catalogOf?: CatalogLookup) => Promise<ProjectStatus | undefined>

export const noStatus: StatusSource = async () => undefined

/** The project's own translation status: the catalogs and the translation records beside them. */
export const recordedStatus: StatusSource = (project, sources, catalogOf) => computeStatus(project, { sources, catalogOf })

/** The status page, as `npm run build:all` writes it, into the preview folder (`status`: the batch's, else read afresh). */
export async function writePreviewStatus(project: Project, status?: ProjectStatus): Promise<void> {
  const page = renderStatusPage(status ?? (await computeStatus(project)), template('status.css'))
  await writeAtomic(path.join(project.outputDir, 'status.html'), page)
}
