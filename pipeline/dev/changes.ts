/**
 * What a saved file means for the preview: which documents to parse again,
 * which catalogs to reload, and which editions to render, most affected
 * first. Pure functions over paths, so the rules are testable without a disk.
 */
import path from 'node:path'
import { pathInside } from '../inside.ts'
import type { Project } from '../project.ts'

export type WatchEvent = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir'

export interface FileEvent {
  event: WatchEvent
  /** Absolute path. */
  file: string
}

export interface Known {
  docs: readonly string[]
  locales: readonly string[]
  sourceLocale: string
}

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

/** Files in content/ other than documents that an edition can show. */
const IMAGE = /\.(png|jpe?g)$/i

export function planRebuild(events: readonly FileEvent[], project: Project, templatesDir: string, known: Known): RebuildPlan {
  const plan: RebuildPlan = { reload: false, templates: false, assets: false, documents: new Set(), catalogs: [], editions: [] }
  const first: EditionId[] = []
  const then: EditionId[] = []
  const everyLocale = (doc: string, locale: string) => {
    first.push({ doc, locale })
    for (const other of known.locales) then.push({ doc, locale: other })
  }
  for (const { event, file } of events) {
    if (event === 'addDir' || event === 'unlinkDir') continue
    if (inside(templatesDir, file)) {
      plan.templates = true
      continue
    }
    const inContent = relativeInside(project.contentDir, file)
    if (inContent !== undefined) {
      const doc = inContent.endsWith('.md') && !inContent.includes('/') ? inContent.slice(0, -3) : undefined
      if (doc === undefined) plan.assets ||= IMAGE.test(inContent)
      else if (!known.docs.includes(doc) || event === 'unlink') plan.reload = true
      else {
        plan.documents.add(doc)
        for (const locale of known.locales) first.push({ doc, locale })
      }
      continue
    }
    const inLocales = relativeInside(project.localesDir, file)
    if (inLocales === undefined) continue
    const [locale, name, ...deeper] = inLocales.split('/')
    if (!locale || !name || deeper.length > 0) continue
    const ns = name.endsWith('.json') ? name.slice(0, -5) : undefined
    if (ns === 'ui' && (event !== 'change' || !known.locales.includes(locale))) {
      plan.reload = true
    } else if (ns === 'ui' || (ns !== undefined && known.docs.includes(ns))) {
      if (!known.locales.includes(locale)) continue
      plan.catalogs.push({ locale, ns })
      // A ui.json names its language in every edition's switcher; the source catalog is every locale's register.
      const docs = ns === 'ui' ? known.docs : [ns]
      for (const doc of docs) {
        if (ns === 'ui' || locale === known.sourceLocale) everyLocale(doc, locale)
        else first.push({ doc, locale })
      }
    } else if (known.locales.includes(locale)) {
      // Anything else beside a locale's catalogs (such as records of outdated translations) changes what the preview shows.
      for (const doc of known.docs) first.push({ doc, locale })
    }
  }
  if (plan.templates || plan.assets) for (const doc of known.docs) for (const locale of known.locales) then.push({ doc, locale })
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
