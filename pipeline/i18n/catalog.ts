/**
 * Reads an i18next JSON v4 catalog with source positions, so every problem
 * in a hand-edited locale file can be reported as file:line:column and key.
 */
import { readFileSync } from 'node:fs'
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser'
import { VFile } from 'vfile'
import { cleanText, describeProblems, firstHtml, firstInvalidUtf8, locator, type Locate } from '../content/untrusted-text.ts'
import { fail, warn, type RuleId } from '../messages.ts'

/** A catalog value: a string, or a plural object such as {one, other}. */
export type CatalogValue = string

export interface CatalogEntry {
  value: CatalogValue
  line: number
  column: number
}

export interface Catalog {
  path: string
  /** Flat map: nested keys joined with '.', plural forms as key_one etc. */
  entries: Map<string, CatalogEntry>
  /** The nested object, as i18next reads it. */
  resources: Record<string, unknown>
  /** Warnings about values (positioned in the catalog file), for the build's report. */
  file: VFile
}

/**
 * A catalog (or a record, or a termbase) that cannot be read stops what
 * reads it: a fatal message on the file's VFile, thrown, with its place, rule
 * and key; the reporter prints it as file:line:column (isCatalogFailure).
 */
export function failCatalog(
  file: VFile | string, reason: string, place: { line: number; column: number }, key?: string, ruleId: RuleId = 'invalid-json'
): never {
  return fail(typeof file === 'string' ? new VFile({ path: file }) : file, ruleId, reason, { place, source: 'catalog', key })
}

/** A catalog's values by key, in file order. */
export function valuesOf(catalog: Pick<Catalog, 'entries'>): Map<string, string> {
  return new Map([...catalog.entries].map(([key, entry]) => [key, entry.value]))
}

export function emptyCatalog(path: string): Catalog {
  return { path, entries: new Map(), resources: {}, file: new VFile({ path }) }
}

/**
 * Read a catalog file; a missing file is an empty catalog.
 * @param shownPath how messages name the file (project-relative)
 */
export async function readCatalog(file: string, shownPath = file, options: ParseOptions = {}): Promise<Catalog> {
  let bytes: Buffer
  try {
    // Read at once: a build reads every locale's catalogs, and fs/promises costs a thread-pool trip per step.
    bytes = readFileSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyCatalog(shownPath)
    throw error
  }
  return parseCatalog(bytes, shownPath, options)
}

export interface ParseOptions {
  /**
   * Warn about values (HTML, characters no edition can carry; default true).
   * Off for the source language's document catalogs: they are the register
   * of keys, copied from content that is checked where it is read. Values
   * are cleaned either way.
   */
  report?: boolean
}

/** Parse catalog bytes strictly: JSON as i18next tools expect it, nothing looser. */
export function parseCatalog(bytes: Uint8Array, path: string, options: ParseOptions = {}): Catalog {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    // Columns count characters, as editors do, not bytes.
    const valid = new TextDecoder().decode(bytes.subarray(0, firstInvalidUtf8(bytes)))
    const pos = locator(valid)(valid.length)
    failCatalog(path, 'Unexpected invalid UTF-8 byte, expected the file saved as UTF-8', pos)
  }
  if (text.charCodeAt(0) === 0xfeff) {
    failCatalog(path, 'Unexpected byte order mark (BOM), expected plain UTF-8: save the file without BOM', { line: 1, column: 1 })
  }
  const at = locator(text)
  const file = new VFile({ path, value: text })
  const errors: ParseError[] = []
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true })
  const first = errors[0]
  if (first || !root) {
    const offset = first?.offset ?? 0
    const pos = at(offset)
    const code = first ? printParseErrorCode(first.error) : 'EmptyFile'
    failCatalog(file, `Invalid JSON (${describeJsonError(code)})`, pos)
  }
  if (root.type !== 'object') {
    const pos = at(root.offset)
    failCatalog(file, 'Unexpected ' + root.type + ', expected an object of keys', pos)
  }
  const entries = new Map<string, CatalogEntry>()
  const resources = walk(root, [], at, file, entries, options.report ?? true)
  return { path, entries, resources, file }
}

function walk(
  node: JsonNode,
  prefix: string[],
  at: Locate,
  file: VFile,
  entries: Map<string, CatalogEntry>,
  report: boolean
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? []
    if (!keyNode || !valueNode) continue
    const name = String(keyNode.value)
    const key = [...prefix, name].join('.')
    const pos = at(keyNode.offset)
    if (Object.hasOwn(out, name)) {
      failCatalog(file, `Unexpected duplicate key \`${key}\`, expected each key once`, pos, key)
    }
    if (valueNode.type === 'object') {
      out[name] = walk(valueNode, [...prefix, name], at, file, entries, report)
    } else if (valueNode.type === 'string') {
      const place = at(valueNode.offset)
      const value = checkedValue(String(valueNode.value), key, place, file, report)
      out[name] = value
      entries.set(key, { value, line: place.line, column: place.column })
    } else {
      failCatalog(file, `Unexpected ${valueNode.type} for key \`${key}\`, expected a string (or an object of plural forms)`, pos, key, 'value-type')
    }
  }
  return out
}

/** A value as editions may use it; what had to change, or will be left out, is a warning naming the key. */
function checkedValue(raw: string, key: string, place: { line: number; column: number }, file: VFile, report: boolean): string {
  // Line ends are LF in every value, as in documents: a CRLF must not make a value differ.
  const { text, problems } = cleanText(raw.replace(/\r\n?/g, '\n'))
  if (report && problems.length > 0) {
    warn(file, 'invalid-character', `Unexpected ${describeProblems(problems)} in \`${key}\`, expected printable text: removed (a lone surrogate becomes U+FFFD)`, {
      place, source: 'catalog'
    })
  }
  const html = report ? firstHtml(text) : undefined
  if (html) {
    warn(file, 'catalog-html', `Unexpected HTML \`${html}\` in \`${key}\`, expected plain text or Markdown: editions never carry HTML from a catalog (it is left out, or shown as text)`, {
      place, source: 'catalog'
    })
  }
  return text
}

/** Serialize nested resources the way the repo stores them: two spaces, final newline. */
export function stringifyCatalog(resources: Record<string, unknown>): string {
  return JSON.stringify(resources, null, 2) + '\n'
}

/** Build nested resources from flat dotted keys, keeping the given order. */
export function nest(flat: Iterable<[string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, value] of flat) {
    const parts = key.split('.')
    let node = root
    for (const part of parts.slice(0, -1)) {
      const next = node[part]
      if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>
      else node = node[part] = {}
    }
    node[parts[parts.length - 1]!] = value
  }
  return root
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    PropertyNameExpected: 'a key was expected; a trailing comma before `}` is not allowed in JSON',
    ValueExpected: 'a value was expected; a trailing comma before `]` or `}` is not allowed in JSON',
    CommaExpected: 'a comma was expected between entries',
    CloseBraceExpected: 'a closing brace `}` was expected',
    CloseBracketExpected: 'a closing bracket `]` was expected',
    ColonExpected: 'a colon was expected after the key',
    EndOfFileExpected: 'unexpected content after the end of the object',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfString: 'a string is not closed',
    InvalidCharacter: 'invalid character',
    InvalidEscapeCharacter: 'invalid escape in a string',
    EmptyFile: 'the file is empty'
  }
  return words[code] ?? code
}
