/**
 * The current source text of every namespace: `ui` from the source locale's
 * ui.json, and each document's segments as content/ has them now (keyed
 * against the source catalog, exactly as the build and extract key them).
 * Reading content rather than the source catalog means an edit shows up as
 * outdated even before anyone runs `i18n:extract`.
 */
import path from 'node:path'
import { loadDocument, type LoadedDocument } from '../content/load-document.ts'
import { catalogPath, displayPath, listDocuments, type Project } from '../project.ts'
import { readCatalog, type Catalog } from '../i18n/catalog.ts'
import { registerOfCatalog } from '../i18n/load-catalogs.ts'
import { sourceEntries } from '../segments/keyed-units.ts'

export interface Sources {
  /** namespace → key → source text, `ui` first, then documents by name. */
  namespaces: Map<string, ReadonlyMap<string, string>>
  /** Namespaces whose source could not be read, with the reason. */
  errors: Map<string, string>
}

export type DocumentLoader = (name: string) => Promise<LoadedDocument>

/** A catalog already read, by locale and namespace; undefined: read it from disk. */
export type CatalogLookup = (locale: string, ns: string) => Catalog | undefined

/**
 * `load` and `catalogOf`: the build passes its own, so each document and
 * catalog is parsed once for the status and the editions.
 */
export async function loadSources(project: Project, docs?: readonly string[], load: DocumentLoader = documentLoader(project), catalogOf?: CatalogLookup): Promise<Sources> {
  const namespaces = new Map<string, ReadonlyMap<string, string>>()
  const errors = new Map<string, string>()
  try {
    namespaces.set('ui', await registerFile(project, 'ui', catalogOf))
  } catch (error) {
    errors.set('ui', messageOf(error))
  }
  for (const name of docs ?? (await listDocuments(project))) {
    try {
      const document = await load(name)
      const register = await registerFile(project, name, catalogOf)
      namespaces.set(name, sourceEntries(document.tree, document.meta, register))
    } catch (error) {
      errors.set(name, messageOf(error))
    }
  }
  return { namespaces, errors }
}

/** Reads and parses a document of content/ by name, each at most once; with `cacheDir`, a text parsed by an earlier build is read back from there. */
export function documentLoader(project: Project, cacheDir?: string): DocumentLoader {
  const loaded = new Map<string, Promise<LoadedDocument>>()
  return (name) => {
    let document = loaded.get(name)
    if (!document) {
      document = loadDocument(path.join(project.contentDir, `${name}.md`), project.sourceLocale, cacheDir)
      loaded.set(name, document)
    }
    return document
  }
}

/** A source catalog as key → text. */
export async function registerFile(project: Project, ns: string, catalogOf?: CatalogLookup): Promise<ReadonlyMap<string, string>> {
  const file = catalogPath(project, project.sourceLocale, ns)
  return registerOfCatalog(catalogOf?.(project.sourceLocale, ns) ?? await readCatalog(file, displayPath(project, file)))
}

function messageOf(error: unknown): string {
  // A VFileMessage prints as `file:line:column: reason`; other errors by their message.
  if (error instanceof Error && 'reason' in error) return String(error)
  return error instanceof Error ? error.message : String(error)
}
