/**
 * `npm run merge-manifests -- a/manifest.json b/manifest.json [--out output/manifest.json]`
 * joins the manifests of shards (`--shard i/n`) into one. The same file listed
 * twice with different bytes is an error: two shards built it differently.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import type { Manifest, ManifestEntry } from './output/manifest.ts'
import { writeAtomic } from './output/write-atomic.ts'

export function mergeManifestFiles(manifests: ReadonlyArray<{ file: string; manifest: Manifest }>): Manifest {
  const byPath = new Map<string, { entry: ManifestEntry; from: string }>()
  for (const { file, manifest } of manifests) {
    for (const entry of manifest.files) {
      const known = byPath.get(entry.path)
      if (known && known.entry.sha256 !== entry.sha256) {
        throw new Error(`${entry.path} differs between ${known.from} and ${file}: the shards did not build from the same inputs`)
      }
      byPath.set(entry.path, { entry, from: file })
    }
  }
  const files = [...byPath.values()].map((item) => item.entry).sort((a, b) => a.path.localeCompare(b.path))
  return { generator: 'polyglot-press', files }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string', default: 'output/manifest.json' } }, allowPositionals: true })
  if (positionals.length === 0) {
    console.error('Usage: npm run merge-manifests -- SHARD/manifest.json… [--out output/manifest.json]')
    return 2
  }
  const manifests = positionals.map((file) => ({ file, manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest }))
  const merged = mergeManifestFiles(manifests)
  await writeAtomic(path.resolve(values.out), JSON.stringify(merged, null, 2) + '\n')
  console.log(`${merged.files.length} files from ${manifests.length} manifests → ${values.out}`)
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then((code) => { process.exitCode = code }, (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  })
}
