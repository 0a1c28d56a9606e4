/**
 * Which translations of an edition are outdated: their source sentence
 * changed after they were made. The translation workflow (issue 3) records
 * that beside the catalogs; this is the one place the preview asks for it.
 * Until a source is plugged in, no segment is outdated.
 */
import type { Project } from '../project.ts'

export type OutdatedKeys = (project: Project, doc: string, locale: string) => Promise<ReadonlySet<string>>

export const noOutdatedKeys: OutdatedKeys = async () => new Set()
