#!/usr/bin/env node
/**
 * Runs the build from JavaScript that esbuild bundled from pipeline/ into
 * pipeline/.build/ (git-ignored). Node.js 20 cannot run TypeScript, and tsx
 * compiles every module on each start (about half a second here); the bundle
 * is rebuilt, in about a tenth of that, only when a source file is newer.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pipeline = path.join(root, 'pipeline')
const out = path.join(pipeline, '.build')
const ENTRIES = { cli: 'cli.ts', 'merge-manifests': 'merge-manifests.ts' }

/** Names and modification times of the TypeScript sources: the bundle's fingerprint. */
function fingerprint() {
  const parts = []
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.build') continue
      const file = path.join(dir, name)
      const stat = statSync(file)
      if (stat.isDirectory()) walk(file)
      else if (name.endsWith('.ts')) parts.push(`${path.relative(pipeline, file)}:${stat.mtimeMs}:${stat.size}`)
    }
  }
  walk(pipeline)
  return parts.join('\n')
}

async function ensureBundle() {
  const stamp = path.join(out, 'fingerprint')
  const current = fingerprint()
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === current) return
  const { build } = await import('esbuild')
  // Built beside the final folder and renamed into place: two builds at once never see half a bundle.
  const staging = `${out}.${process.pid}`
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(pipeline, file)])),
    bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
    packages: 'external', outdir: staging, logLevel: 'warning'
  })
  writeFileSync(path.join(staging, 'fingerprint'), current)
  rmSync(out, { recursive: true, force: true })
  try {
    renameSync(staging, out)
  } catch {
    // Another build renamed its bundle first; it is the same code.
    rmSync(staging, { recursive: true, force: true })
  }
}

const [command = 'build', ...rest] = process.argv.slice(2)
const entry = command === 'merge-manifests' ? 'merge-manifests' : 'cli'
await ensureBundle()
process.argv = [process.argv[0], path.join(out, `${entry}.js`), ...rest]
await import(pathToFileURL(path.join(out, `${entry}.js`)).href)
