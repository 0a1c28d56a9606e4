/**
 * What a saved file means for the preview: which documents to parse again,
 * which catalogs to reload, and which editions to render, most affected
 * first. Pure functions over paths, so the rules are testable without a disk.
 */
import path from 'node:path'
import { editionInputs, isEditionInput, type KnownEditions } from '../edition-inputs.ts'
import { pathInside } from '../inside.ts'
import type { Project } from '../project.ts'

export type WatchEvent = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir'

export interface FileEvent {
  event: WatchEvent
  /** Absolute path. */
  file: string
}

export type Known = KnownEditions

export interface EditionId {
  doc: string
  locale: string
}

export interface RebuildPlan {
  /** A document or a locale appeared or went: start over (still in this process). */
  reload: boolean
  templates: boolean
  /** An image in content/ changed: publish media again. */
  assets: boolean
  documents: Set<string>
  catalogs: Array<{ locale: string; ns: string }>
  editions: EditionId[]
}

export function planRebuild(events: readonly FileEvent[], project: Project, templatesDir: string, known: Known): RebuildPlan {
  const plan: RebuildPlan = { reload: false, templates: false, assets: false, documents: new Set(), catalogs: [], editions: [] }
  const every = known.docs.flatMap((doc) => known.locales.map((locale) => ({ doc, locale, inputs: editionInputs(project, doc, locale, known) })))
  const first: EditionId[] = []
  const then: EditionId[] = []
  for (const { event, file } of events) {
    if (event === 'addDir' || event === 'unlinkDir') continue
    if (inside(templatesDir, file)) {
      plan.templates = true
      continue
    }
    const inContent = relativeInside(project.contentDir, file)
    const doc = inContent?.endsWith('.md') && !inContent.includes('/') ? inContent.slice(0, -3) : undefined
    const [locale, name, ...deeper] = relativeInside(project.localesDir, file)?.split('/') ?? []
    const ns = locale && name?.endsWith('.json') && deeper.length === 0 ? name.slice(0, -5) : undefined
    // A document or a language that appears or goes changes every page's links: start over.
    if ((doc !== undefined && (!known.docs.includes(doc) || event === 'unlink')) || (ns === 'ui' && (event !== 'change' || !known.locales.includes(locale!)))) {
      plan.reload = true
      continue
    }
    if (doc !== undefined) plan.documents.add(doc)
    if (ns !== undefined && locale && known.locales.includes(locale) && (ns === 'ui' || known.docs.includes(ns))) plan.catalogs.push({ locale, ns })
    const affected = every.filter((edition) => isEditionInput(edition.inputs, file))
    if (affected.length > 0 && inContent !== undefined && doc === undefined) plan.assets = true
    // The file's own language first (a catalog's translator is looking at it), then the others.
    for (const edition of affected) (locale === undefined || edition.locale === locale ? first : then).push({ doc: edition.doc, locale: edition.locale })
  }
  if (plan.templates) for (const doc of known.docs) for (const locale of known.locales) then.push({ doc, locale })
  plan.editions = unique([...first, ...then])
  return plan
}

/** Editions someone is looking at go first. */
export function viewedFirst(editions: readonly EditionId[], viewed: ReadonlySet<string>): EditionId[] {
  const seen = (id: EditionId) => viewed.has(editionPath(id))
  return [...editions.filter(seen), ...editions.filter((id) => !seen(id))]
}

/** The URL path of an edition's HTML page. */
export function editionPath(id: EditionId): string {
  return `/${id.locale}/${id.doc}.html`
}

function unique(ids: EditionId[]): EditionId[] {
  const seen = new Set<string>()
  return ids.filter((id) => {
    const key = `${id.locale}/${id.doc}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function inside(dir: string, file: string): boolean {
  return relativeInside(dir, file) !== undefined
}

function relativeInside(dir: string, file: string): string | undefined {
  const relative = pathInside(dir, file)
  return relative ? relative.split(path.sep).join('/') : undefined
}
