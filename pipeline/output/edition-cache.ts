/**
 * A content-addressed cache of editions (.cache/editions/). An edition's key
 * is a hash of everything that can change its bytes: the pipeline's own code
 * and templates, the installed libraries and fonts (package-lock.json), the
 * files the edition is made from (edition-inputs.ts: the document, the images
 * in content/, its locale's catalogs and records, the source's register,
 * every locale's interface words for the language switcher), and the options. Same key, same bytes: a cached edition is copied, not built.
 * An entry whose bytes do not match its recorded hash is ignored.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { editionInputFiles, filesUnder, type EditionInputs } from '../edition-inputs.ts'
import type { Project } from '../project.ts'
import { sha256 } from './manifest.ts'
import { TEMPORARY_DIR, writeAtomic, writeAtomicSync } from './write-atomic.ts'

export interface CachedMessage {
  reason: string
  line?: number | undefined
  column?: number | undefined
  /** Where the place ends, when it is a range (a paragraph's `5:1-5:41`). */
  end?: { line: number; column: number } | undefined
  ruleId?: string | undefined
  source?: string | undefined
  fatal?: boolean | null | undefined
  /** A place in another file (a translation in its catalog), as messages.ts's catalogCause makes it. */
  cause?: { file: string; line: number; column: number; reason: string } | undefined
}

interface Entry {
  sha256: string
  messages: CachedMessage[]
}

const PIPELINE_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
let pipelineHash: string | undefined

/** bin/'s files: each changes what the bundle is, how it runs or what V8 does with it. */
const BUNDLER_FILES = ['press.mjs', 'bundle-parts.mjs', 'lazy-modules.mjs', 'load-parts.mjs', 'code-cache-file.mjs', 'sweep-code-cache.mjs', 'processes.mjs', 'native-inflate.cjs', 'v8-flags.mjs']

/** The pipeline's code, templates and locked dependencies, hashed once per process. */
export function pipelineVersion(root: string): string {
  if (pipelineHash) return pipelineHash
  const seen = (globalThis as Record<symbol, unknown>)[PIPELINE_FILES]
  const hash = createHash('sha256').update(pipelineFilesDigest(path.join(root, '.cache'), typeof seen === 'string' ? seen : undefined))
  for (const name of ['package-lock.json']) {
    const file = path.join(root, name)
    if (existsSync(file)) hash.update(readFileSync(file))
  }
  // How the pipeline is bundled (its plugins replace parts of libraries), loaded and set up for V8.
  for (const name of BUNDLER_FILES) {
    const file = path.join(PIPELINE_DIR, '..', 'bin', name)
    if (existsSync(file)) hash.update(readFileSync(file))
  }
  pipelineHash = hash.digest('hex')
  return pipelineHash
}

/** What bin/press.mjs saw of pipeline/'s files when it started this process: each name, size, times and inode. */
const PIPELINE_FILES = Symbol.for('polyglot-press.pipeline-files')
const DIGEST = /^[0-9a-f]{64}$/

/**
 * A hash of the bytes of pipeline/'s files. Reading and hashing all of them
 * is about 10 ms of every build, so with what bin/press.mjs saw of them
 * (`seen`: it stats them all to decide whether to bundle again) the hash is
 * kept in `cacheDir` and read back while they look the same; run otherwise
 * (tests), it is made every time.
 */
export function pipelineFilesDigest(cacheDir: string, seen?: string): string {
  const file = path.join(cacheDir, 'pipeline-files.json')
  if (seen !== undefined) {
    try {
      const kept = JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown; digest?: unknown }
      if (kept.files === seen && typeof kept.digest === 'string' && DIGEST.test(kept.digest)) return kept.digest
    } catch {
      // Not kept yet, or damaged: made again below.
    }
  }
  const hash = createHash('sha256')
  for (const source of filesUnder(PIPELINE_DIR).filter((name) => !name.includes(`${path.sep}.build${path.sep}`))) {
    hash.update(path.relative(PIPELINE_DIR, source)).update('\0').update(readFileSync(source)).update('\0')
  }
  const digest = hash.digest('hex')
  if (seen !== undefined) writeAtomicSync(file, JSON.stringify({ files: seen, digest }))
  return digest
}

export interface EditionKeyInputs {
  project: Project
  /** The files the edition is made from (edition-inputs.ts). */
  files: EditionInputs
  format: string
  /** Everything else that shapes the output: formats published beside it, strictness, the date. */
  options: Record<string, unknown>
  /** The build's digests of the files already hashed (every edition key reads the same images and catalogs). */
  digests?: FileDigests | undefined
}

/** Path → sha256 of the file (null: no such file), for one build: files do not change under it. */
export type FileDigests = Map<string, string | null>

/** A file's sha256, read once per build when `digests` is given. */
export function fileDigest(file: string, digests?: FileDigests): string | null {
  let digest = digests?.get(file)
  if (digest === undefined) {
    digest = existsSync(file) ? sha256(readFileSync(file)) : null
    digests?.set(file, digest)
  }
  return digest
}

export function editionKey(inputs: EditionKeyInputs): string {
  const { project, files } = inputs
  const hash = createHash('sha256').update(pipelineVersion(project.root))
  // A catalog that is not there is an input too: its absence shapes the edition.
  for (const file of new Set([files.document, ...files.catalogs, ...files.languageNames, ...editionInputFiles(files)])) {
    hash.update(path.relative(project.root, file)).update('\0').update(fileDigest(file, inputs.digests) ?? '').update('\0')
  }
  hash.update(JSON.stringify({ format: inputs.format, options: inputs.options }))
  return hash.digest('hex')
}

export class EditionCache {
  constructor(private readonly dir: string) {}

  /** The cached bytes and messages for a key, or undefined (a damaged entry counts as missing). */
  async get(key: string): Promise<{ data: Buffer; messages: CachedMessage[] } | undefined> {
    try {
      // Read at once, as sameBytes reads (below).
      const entry = JSON.parse(readFileSync(this.file(key, 'json'), 'utf8')) as Entry
      const data = readFileSync(this.file(key, 'bin'))
      if (sha256(data) !== entry.sha256) return undefined
      return { data, messages: entry.messages }
    } catch {
      return undefined
    }
  }

  async put(key: string, data: string | Uint8Array, messages: CachedMessage[]): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    const bytes = typeof data === 'string' ? Buffer.from(data) : data
    // Written in one folder, not beside the entry in one of 256: a build looks there for what a killed one left.
    const written = { sync: false, temporaryDir: path.join(this.dir, TEMPORARY_DIR) }
    await writeAtomic(this.file(key, 'bin'), bytes, written)
    // The record last: an entry without its record is never read.
    const entry: Entry = { sha256: sha256(bytes), messages }
    await writeAtomic(this.file(key, 'json'), JSON.stringify(entry), written)
  }

  private file(key: string, extension: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.${extension}`)
  }
}

export function cachedMessage(message: VFileMessage): CachedMessage {
  const cause = message.cause instanceof VFileMessage && message.cause.file
    ? { file: message.cause.file, line: message.cause.line ?? 1, column: message.cause.column ?? 1, reason: message.cause.reason }
    : undefined
  const end = message.place && 'end' in message.place ? { line: message.place.end.line, column: message.place.end.column } : undefined
  return { reason: message.reason, line: message.line, column: message.column, end, ruleId: message.ruleId, source: message.source, fatal: message.fatal, cause }
}

/** The warnings an edition gave when it was built, given again when it comes from the cache. */
export function replayMessages(file: VFile, messages: readonly CachedMessage[]): void {
  for (const message of messages) {
    const start = message.line ? { line: message.line, column: message.column ?? 1 } : undefined
    const place = start && message.end ? { start, end: message.end } : start
    const cause = message.cause && new VFileMessage(message.cause.reason, { place: { line: message.cause.line, column: message.cause.column }, source: 'catalog' })
    if (cause && message.cause) cause.file = message.cause.file
    const replayed = file.message(message.reason, { place, ruleId: message.ruleId, source: message.source, cause })
    replayed.fatal = message.fatal
  }
}

/** Whether `file` already holds bytes with this hash. */
export async function sameBytes(file: string, expected: string): Promise<boolean> {
  try {
    // Read at once: a build compares every file it publishes, and the no-change check every file in the folder;
    // fs/promises' readFile (open, stat, read, close on the thread pool) costs twice the CPU and several times the wait.
    return sha256(readFileSync(file)) === expected
  } catch {
    return false
  }
}
