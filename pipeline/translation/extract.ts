/**
 * `npm run i18n:extract`: writes each document's source catalog
 * (locales/<source>/<doc>.json) from content/. Idempotent: run it twice and
 * the second run changes nothing.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { loadDocument } from '../content/load-document.ts'
import { writeAtomic } from '../output/write-atomic.ts'
import { catalogPath, createProject, displayPath, listDocuments, type Project } from '../project.ts'
import { failCatalog, nest, readCatalog, stringifyCatalog, valuesOf } from '../i18n/catalog.ts'
import { handEdit, markPath, markText } from '../i18n/generated-mark.ts'
import { sourceEntries } from '../segments/keyed-units.ts'
import { settleRecords, type SettleResult } from './settle-records.ts'
import { registerFile } from './sources.ts'

export interface ExtractResult {
  doc: string
  file: string
  added: string[]
  removed: string[]
  /** Keys whose source text changed: their translations are now outdated. */
  edited: string[]
  changed: boolean
}

export interface Extraction {
  documents: ExtractResult[]
  records: SettleResult
  /** Source catalogs whose document is gone from content/ (reported, not deleted). */
  orphans: string[]
}

export async function extract(root: string): Promise<Extraction> {
  const project = createProject(root)
  const results: ExtractResult[] = []
  const ui = await registerFile(project, 'ui')
  const before = new Map<string, ReadonlyMap<string, string>>([['ui', ui]])
  const after = new Map<string, ReadonlyMap<string, string>>([['ui', ui]])
  const pending: Array<[string, string]> = []
  for (const name of await listDocuments(project)) {
    const document = await loadDocument(path.join(project.contentDir, `${name}.md`), project.sourceLocale)
    const file = catalogPath(project, document.meta.lang, name)
    const edited = await handEdit(project, name)
    // Nothing is written: re-keying from a hand-edited register would detach translations.
    if (edited) failCatalog(displayPath(project, file), edited, { line: 1, column: 1 }, undefined, 'generated-catalog')
    const previous = await readCatalog(file, displayPath(project, file))
    const register = valuesOf(previous)
    const entries = sourceEntries(document.tree, document.meta, register)
    const text = stringifyCatalog(nest(entries))
    const old = previous.entries.size > 0 ? stringifyCatalog(previous.resources) : ''
    before.set(name, register)
    after.set(name, entries)
    results.push({
      doc: name,
      file: displayPath(project, file),
      added: [...entries.keys()].filter((key) => !register.has(key)),
      removed: [...register.keys()].filter((key) => !entries.has(key)),
      edited: [...entries].filter(([key, value]) => register.has(key) && register.get(key) !== value).map(([key]) => key),
      changed: text !== old
    })
    if (text !== old) pending.push([file, text])
    const mark = markText(project, name, text)
    if ((await readFile(markPath(project, name), 'utf8').catch(() => '')) !== mark) pending.push([markPath(project, name), mark])
  }
  // Translators' edits are recorded against the old source before the source catalog changes.
  const records = await settleRecords(project, before, after)
  for (const [file, text] of pending) await writeAtomic(file, text)
  return { documents: results, records, orphans: await orphanedCatalogs(project, results.map((result) => result.doc)) }
}

/**
 * Source catalogs of documents no longer in content/. Extract does not delete
 * them: the keys they hold tie the translations to the text, and a document
 * moved away for a while comes back with the same keys. It says so each run.
 */
async function orphanedCatalogs(project: Project, docs: readonly string[]): Promise<string[]> {
  const names = await readdir(path.join(project.localesDir, project.sourceLocale)).catch(() => [] as string[])
  return names
    .filter((name) => name.endsWith('.json') && !name.endsWith('.translated-from.json') && !name.endsWith('.extracted.json') && name !== 'ui.json' && !docs.includes(name.slice(0, -5)))
    .sort()
    .map((name) => displayPath(project, path.join(project.localesDir, project.sourceLocale, name)))
}
