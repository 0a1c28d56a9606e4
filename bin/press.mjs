#!/usr/bin/env node
/**
 * Runs the build from JavaScript that esbuild bundled from pipeline/ into
 * pipeline/.build/ (git-ignored). Node.js 20 cannot run TypeScript, and tsx
 * compiles every module on each start (about half a second here); the bundle
 * is rebuilt, in about a tenth of that, only when a source file or the
 * installed packages changed.
 *
 * The libraries are bundled too: Node.js resolves, reads and links each of
 * the unified collective's few hundred small modules one by one, about 0.15 s
 * of every cold build. pdfkit stays outside (it loads its standard-font
 * metrics through its own package imports at run time), and so does fontkit,
 * so that pdfkit and our measuring share one copy of it, and harfbuzzjs.
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
  // What npm installed: the bundle holds copies of the libraries.
  for (const file of [path.join(root, 'package-lock.json'), path.join(root, 'node_modules/.package-lock.json')]) {
    const stat = existsSync(file) ? statSync(file) : undefined
    parts.push(`${path.relative(root, file)}:${stat?.mtimeMs}:${stat?.size}`)
  }
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
    // harfbuzzjs finds its WebAssembly file beside its own module.
    external: ['pdfkit', 'fontkit', 'harfbuzzjs'],
    // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its "module" is plain ESM.
    mainFields: ['module', 'main'],
    // CommonJS libraries inside an ES module bundle still call require() for Node's own modules.
    banner: { js: "import { createRequire as __pressRequire } from 'node:module'; const require = __pressRequire(import.meta.url);" },
    outdir: staging, logLevel: 'warning'
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
