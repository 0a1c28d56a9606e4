/**
 * `npm run i18n:extract`: writes each document's source catalog
 * (locales/<source>/<doc>.json) from content/. Idempotent: run it twice and
 * the second run changes nothing.
 */
import path from 'node:path'
import { loadDocument } from '../content/load-document.ts'
import { writeAtomic } from '../output/write-atomic.ts'
import { catalogPath, createProject, displayPath, listDocuments } from '../project.ts'
import { nest, readCatalog, stringifyCatalog } from './catalog.ts'
import { sourceEntries } from './keyed-units.ts'

export interface ExtractResult {
  doc: string
  file: string
  added: string[]
  removed: string[]
  changed: boolean
}

export async function extract(root: string): Promise<ExtractResult[]> {
  const project = createProject(root)
  const results: ExtractResult[] = []
  for (const name of await listDocuments(project)) {
    const document = await loadDocument(path.join(project.contentDir, `${name}.md`), project.sourceLocale)
    const file = catalogPath(project, document.meta.lang, name)
    const previous = await readCatalog(file, displayPath(project, file))
    const register = new Map([...previous.entries].map(([key, entry]) => [key, entry.value]))
    const entries = sourceEntries(document.tree, document.meta, register)
    const text = stringifyCatalog(nest(entries))
    const before = previous.entries.size > 0 ? stringifyCatalog(previous.resources) : ''
    if (text !== before) await writeAtomic(file, text)
    results.push({
      doc: name,
      file: displayPath(project, file),
      added: [...entries.keys()].filter((key) => !register.has(key)),
      removed: [...register.keys()].filter((key) => !entries.has(key)),
      changed: text !== before
    })
  }
  return results
}
