/**
 * `npm run merge-manifests -- a/manifest.json b/manifest.json [--out output/manifest.json]`
 * joins the manifests of shards (`--shard i/n`) into one. The same file listed
 * twice with different bytes is an error: two shards built it differently.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { manifestText, type Manifest, type ManifestEntry } from './output/manifest.ts'
import { writeAtomic } from './output/write-atomic.ts'
import { describeOsError } from './output/os-error.ts'
import { reportFailure, UsageError } from './report.ts'
import { endQuietlyWhenOutputCloses } from './closed-output.ts'

function mergeEntries(manifests: ReadonlyArray<{ file: string; manifest: Manifest }>): ManifestEntry[] {
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
  return [...byPath.values()].map((item) => item.entry)
}

/** A shard's manifest, or one line saying why it is not one. */
function readManifest(file: string): Manifest {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError((describeOsError(error, path.resolve(file), 'read') as Error).message)
  }
  let manifest: Partial<Manifest>
  try {
    manifest = JSON.parse(text) as Partial<Manifest>
  } catch (error) {
    throw new Error(`Unexpected content in ${file}: ${(error as Error).message}, expected the manifest.json a build wrote`)
  }
  const valid = manifest?.generator === 'polyglot-press' && Array.isArray(manifest.files) &&
    manifest.files.every((entry) => typeof entry?.path === 'string' && typeof entry.sha256 === 'string')
  if (!valid) throw new Error(`Unexpected content in ${file}: not a manifest of polyglot-press, expected the manifest.json a build wrote`)
  return manifest as Manifest
}

const USAGE = 'Usage: npm run merge-manifests -- SHARD/manifest.json… [--out output/manifest.json] [-h, --help]'

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ options: { out: { type: 'string', default: 'output/manifest.json' }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; --help lists the options`)
  }
  const { values, positionals } = parsed
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (positionals.length === 0) {
    console.error(USAGE)
    return 2
  }
  const manifests = positionals.map((file) => ({ file, manifest: readManifest(file) }))
  const files = mergeEntries(manifests)
  await writeAtomic(path.resolve(values.out), manifestText(files))
  console.log(`${files.length} files from ${manifests.length} manifests → ${values.out}`)
  return 0
}


endQuietlyWhenOutputCloses()
main().then((code) => { process.exitCode = code }, (error: unknown) => { process.exitCode = reportFailure(error) })
