/**
 * A termbase per language, `locales/<lang>/terms.json`: the target terms a
 * translation must use where the English has the source term, and the
 * names it must keep as they are (do not translate). JSON is what the
 * project's own check and a code review read; translators' tools get the
 * same entries as TBX (ISO 30042, which OmegaT, memoQ, Trados MultiTerm,
 * Weblate and translate-toolkit import) beside a PO or XLIFF 1.2 export,
 * and inside XLIFF 2.0 as its glossary module.
 *
 *   [{ "source": "INTERPOL", "target": "Интерпол", "note": "…" },
 *    { "source": "Kazinform", "doNotTranslate": true }]
 *
 * `match` is the part of the target to look for when the language inflects
 * it (Arabic «للإنتربول» for «الإنتربول»: match «إنتربول»).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseTree, type Node as JsonNode } from 'jsonc-parser'
import { locator } from '../content/untrusted-text.ts'
import { displayPath, type Project } from '../project.ts'
import { failCatalog } from '../i18n/catalog.ts'

export interface Term {
  source: string
  /** The required translation; for a do-not-translate name, the source itself. */
  target: string
  doNotTranslate: boolean
  /** What a translation must contain (default: the target). */
  match: string
  note?: string
}

export interface Termbase {
  /** Project-relative path. */
  file: string
  terms: Term[]
}

export function termbasePath(project: Project, locale: string): string {
  return path.join(project.localesDir, locale, 'terms.json')
}

/** A missing file is an empty termbase; a broken one throws a fatal catalog message with its place (failCatalog). */
export async function readTermbase(project: Project, locale: string): Promise<Termbase> {
  const file = termbasePath(project, locale)
  const shown = displayPath(project, file)
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => { if (error.code === 'ENOENT') return undefined; throw error })
  if (text === undefined) return { file: shown, terms: [] }
  const at = locator(text)
  const root = parseTree(text)
  const fail = (node: JsonNode | undefined, what: string): never => {
    return failCatalog(shown, `Unexpected ${what}, expected a list of terms such as [{"source": "INTERPOL", "target": "Интерпол"}, {"source": "Kazinform", "doNotTranslate": true}]`, at(node?.offset ?? 0))
  }
  if (root?.type !== 'array') return fail(root, 'content')
  return { file: shown, terms: (root.children ?? []).map((node) => termOf(node, fail)) }
}

function termOf(node: JsonNode, fail: (node: JsonNode | undefined, what: string) => never): Term {
  if (node.type !== 'object') return fail(node, `${node.type} in the list`)
  const field = (name: string) => node.children?.find((property) => property.children?.[0]?.value === name)?.children?.[1]
  const text = (name: string) => {
    const value = field(name)
    if (value !== undefined && (value.type !== 'string' || String(value.value).trim() === '')) fail(value, `\`${name}\` that is not a text`)
    return value === undefined ? undefined : String(value.value)
  }
  const source = text('source')
  if (source === undefined) return fail(node, 'term without `source`')
  const doNotTranslate = field('doNotTranslate')?.value === true
  const target = doNotTranslate ? source : text('target')
  if (target === undefined) return fail(node, `term \`${source}\` without \`target\` (or \`"doNotTranslate": true\`)`)
  const note = text('note')
  return { source, target, doNotTranslate, match: text('match') ?? target, ...(note ? { note } : {}) }
}

/** Whether the English text uses the term: whole words, any case. */
export function usesTerm(text: string, term: Term): boolean {
  const escaped = term.source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text)
}

/** Whether a translation has the required term (in any case, inflected forms included by `match`). */
export function hasTerm(value: string, term: Term): boolean {
  return value.toLocaleLowerCase().includes(term.match.toLocaleLowerCase())
}
