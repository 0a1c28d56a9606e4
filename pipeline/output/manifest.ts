/**
 * output/manifest.json: every published file with its document, locale,
 * format, size and sha256. A partial build keeps the entries of editions it
 * did not touch, as long as their files are still there.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

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

export function entryFor(relativePath: string, data: string | Uint8Array, document: string | null, locale: string | null, format: string): ManifestEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data
  return { path: relativePath, document, locale, format, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/** Previous entries whose files still exist, replaced by this build's entries. */
export function mergeManifest(outputDir: string, entries: ManifestEntry[]): Manifest {
  const byPath = new Map<string, ManifestEntry>()
  const previous = path.join(outputDir, 'manifest.json')
  if (existsSync(previous)) {
    try {
      const old = JSON.parse(readFileSync(previous, 'utf8')) as Manifest
      for (const entry of old.files ?? []) if (existsSync(path.join(outputDir, entry.path))) byPath.set(entry.path, entry)
    } catch {
      // A damaged manifest is rebuilt from this build's files.
    }
  }
  for (const entry of entries) byPath.set(entry.path, entry)
  const files = [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path))
  return { generator: 'polyglot-press', files }
}
