/**
 * The source language's document catalogs are generated from content/ by
 * `i18n:extract`, which leaves beside each one a mark of what it wrote:
 * `locales/en/<doc>.extracted.json`, `{ "document": "content/<doc>.md",
 * "catalog": "<sha256 of the catalog's text>" }`. A catalog whose text no
 * longer has that hash was edited by hand: the build warns, i18n:check
 * reports it and extract refuses to run over it, so a hand edit never
 * re-keys the text and detaches the translations. (Without a mark, a
 * project that never ran extract, nothing is said.)
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { catalogPath, displayPath, type Project } from '../project.ts'

export function markPath(project: Project, doc: string): string {
  return path.join(project.localesDir, project.sourceLocale, `${doc}.extracted.json`)
}

export function markText(project: Project, doc: string, catalogText: string): string {
  return `${JSON.stringify({ document: `${path.basename(project.contentDir)}/${doc}.md`, catalog: hashText(catalogText) }, null, 2)}\n`
}

/** Why the catalog counts as hand-edited, in one sentence; undefined when it is as extract wrote it. */
export async function handEdit(project: Project, doc: string, catalogText?: string): Promise<string | undefined> {
  const mark = await readFile(markPath(project, doc), 'utf8').catch(() => undefined)
  if (mark === undefined) return undefined
  const file = catalogPath(project, project.sourceLocale, doc)
  const text = catalogText ?? (await readFile(file, 'utf8').catch(() => ''))
  let recorded: unknown
  try {
    recorded = (JSON.parse(mark) as { catalog?: unknown }).catalog
  } catch {
    recorded = undefined
  }
  if (recorded === hashText(text)) return undefined
  const document = `${path.basename(project.contentDir)}/${doc}.md`
  return `Unexpected hand edit of ${displayPath(project, file)}, expected it as i18n:extract wrote it: it is generated from ${document}: edit the document, then extract (undo the edit first, e.g. git checkout ${displayPath(project, file)})`
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
