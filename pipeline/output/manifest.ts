/**
 * output/manifest.json: every published file with its document, locale,
 * format, size and sha256. It only ever lists files that are on disk with
 * exactly those bytes: entries of earlier builds are kept only while their
 * file still matches (a partial build merges), and output/publish.ts drops
 * an entry before the file under it is replaced.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { isBelow } from '../inside.ts'

export interface ManifestEntry {
  path: string
  document: string | null
  locale: string | null
  format: string
  bytes: number
  sha256: string
}

export interface Manifest {
  generator: string
  files: ManifestEntry[]
}

export const MANIFEST = 'manifest.json'

export function entryFor(relativePath: string, data: string | Uint8Array, document: string | null, locale: string | null, format: string): ManifestEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data
  return { path: relativePath, document, locale, format, bytes: bytes.byteLength, sha256: sha256(bytes) }
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Entries of the manifest in `outputDir` whose files are still there, byte for byte. */
export async function readVerifiedManifest(outputDir: string): Promise<Map<string, ManifestEntry>> {
  const verified = new Map<string, ManifestEntry>()
  let old: Partial<Manifest>
  try {
    old = JSON.parse(readFileSync(path.join(outputDir, MANIFEST), 'utf8')) as Partial<Manifest>
  } catch {
    return verified // none yet, or damaged: rebuilt from this build's files
  }
  for (const entry of Array.isArray(old.files) ? old.files : []) {
    if (typeof entry?.path !== 'string' || !isBelow(outputDir, path.resolve(outputDir, entry.path))) continue
    const data = readIfThere(path.join(outputDir, entry.path))
    if (data && data.byteLength === entry.bytes && sha256(data) === entry.sha256) verified.set(entry.path, entry)
  }
  return verified
}

/** A published file's bytes, read at once (edition-cache.ts, sameBytes), or undefined when it cannot be read. */
function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

export function manifestText(entries: Iterable<ManifestEntry>): string {
  const files = [...entries].sort((a, b) => a.path.localeCompare(b.path))
  return JSON.stringify({ generator: 'polyglot-press', files } satisfies Manifest, null, 2) + '\n'
}
