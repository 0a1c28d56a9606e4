/**
 * Parsed documents kept in `.cache/documents/`, by everything a parse
 * depends on: the document's name and text, the default language and the
 * pipeline's digest (its code and locked libraries). A build parses in cold
 * code, about 30 ms of CPU for the interview on Node.js 24; the same text
 * reads back as JSON. Kept only when the parse gave no message (a warning is
 * printed from the parse itself, with its whole place) and the tree and
 * front matter come back from JSON exactly as they were made. One entry per
 * document, its latest parse: an edited text replaces the entry instead of
 * adding one, so the folder never grows with the edits.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { pipelineVersion } from '../output/edition-cache.ts'
import { exactJson } from './exact-json.ts'
import { writeAtomicSync } from '../output/write-atomic.ts'
import type { DocumentMeta } from '../types.ts'

interface Parsed {
  tree: Root
  meta: DocumentMeta
}

interface Entry extends Parsed {
  key: string
}

/** `parse`'s result for this file, from `cacheDir` when the same text was parsed before. */
export function cachedParse(name: string, file: VFile, defaultLang: string, cacheDir: string, parse: () => Parsed): Parsed {
  const key = createHash('sha256').update(JSON.stringify([pipelineVersion(path.dirname(cacheDir)), name, defaultLang, String(file.value)])).digest('hex')
  const entry = path.join(cacheDir, 'documents', `${name}.json`)
  const kept = readParsed(entry, key)
  if (kept && file.messages.length === 0) return kept
  const before = file.messages.length
  const parsed = parse()
  if (before === 0 && file.messages.length === 0) {
    const json = entryJson(key, parsed)
    if (json !== undefined) writeAtomicSync(entry, json)
  }
  return parsed
}

/**
 * The entry as JSON, when the tree and front matter come back from it
 * exactly: the tree checked as it is written (exact-json.ts), the few fields
 * of the front matter, which may be undefined (JSON leaves them out, revive() puts them back), by parsing them back.
 */
function entryJson(key: string, parsed: Parsed): string | undefined {
  const tree = exactJson(parsed.tree)
  const meta = JSON.stringify(parsed.meta)
  if (tree === undefined || !isDeepStrictEqual(revive({ tree: parsed.tree, meta: JSON.parse(meta) as DocumentMeta }).meta, parsed.meta)) return undefined
  return `{"key":${JSON.stringify(key)},"tree":${tree},"meta":${meta}}`
}

/** The front matter's fields in the order load-document.ts makes them, those JSON leaves out (undefined) too. */
const META_FIELDS = ['title', 'titleMarkdown', 'shortTitle', 'lang', 'interviewee', 'intervieweeRole', 'interviewer', 'publisher', 'credits'] as const

function revive(kept: Parsed): Parsed {
  return { tree: kept.tree, meta: Object.fromEntries(META_FIELDS.map((field) => [field, kept.meta[field]])) as unknown as DocumentMeta }
}

/** The kept parse of this key, or undefined when there is none, it is another text's, or it is not one (damaged: parsed again). */
function readParsed(entry: string, key: string): Parsed | undefined {
  try {
    const kept = JSON.parse(readFileSync(entry, 'utf8')) as Partial<Entry> | null
    const meta = kept?.meta
    if (kept?.key !== key || kept.tree?.type !== 'root' || !Array.isArray(kept.tree.children) || typeof meta?.title !== 'string' || typeof meta.lang !== 'string' || !Array.isArray(meta.credits)) return undefined
    return revive(kept as Parsed)
  } catch {
    return undefined
  }
}
