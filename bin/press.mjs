#!/usr/bin/env node
/**
 * Runs the build from JavaScript that esbuild bundled from pipeline/ into
 * pipeline/.build/ (git-ignored). Node.js 20 cannot run TypeScript, and tsx
 * compiles every module on each start (about half a second here); the bundle
 * is rebuilt, in about a tenth of that, only when a source file or the
 * installed packages changed.
 *
 * The libraries are bundled too: Node.js resolves, reads and links each of
 * their few hundred small modules one by one, about 0.2 s of every cold
 * build. harfbuzzjs stays outside: it finds its WebAssembly file beside its
 * own module.
 */
import './v8-flags.mjs'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import module from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pipeline = path.join(root, 'pipeline')
const out = path.join(pipeline, '.build')
const ENTRIES = { cli: 'cli.ts', 'merge-manifests': 'merge-manifests.ts' }

/**
 * Every file of pipeline/ (code, templates, patterns) as this walk sees it:
 * name, size, modification and change times, inode. A file written anew
 * changes its change time, whatever tool kept its modification time.
 * pipeline/output/edition-cache.ts keeps its hash of the files' bytes under
 * this line in .cache/ instead of reading them all in every build.
 */
const PIPELINE_FILES = Symbol.for('polyglot-press.pipeline-files')

/** Names and modification times of the TypeScript sources: the bundle's fingerprint. */
function fingerprint() {
  const parts = []
  const files = [`pipeline:${pipeline}`]
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === '.build') continue
      const file = path.join(dir, name)
      const stat = statSync(file)
      if (stat.isDirectory()) walk(file)
      else {
        files.push(`${path.relative(pipeline, file)}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`)
        if (name.endsWith('.ts')) parts.push(`${path.relative(pipeline, file)}:${stat.mtimeMs}:${stat.size}`)
      }
    }
  }
  walk(pipeline)
  globalThis[PIPELINE_FILES] = files.join('\n')
  parts.push(`root:${root}`)
  // What npm installed (the bundle holds copies of the libraries), and how this file bundles.
  for (const file of [path.join(root, 'package-lock.json'), path.join(root, 'node_modules/.package-lock.json'), fileURLToPath(import.meta.url), path.join(root, 'bin', 'native-inflate.cjs')]) {
    const stat = existsSync(file) ? statSync(file) : undefined
    parts.push(`${path.relative(root, file)}:${stat?.mtimeMs}:${stat?.size}`)
  }
  return parts.join('\n')
}

/**
 * pdfkit finds its data (the PDF/A colour profile, the standard fonts'
 * metrics) beside its own module: in the bundle it keeps that module's
 * address. The fingerprint holds the project's path, so a moved checkout
 * bundles again.
 */
const pdfkitData = {
  name: 'pdfkit-data',
  setup(build) {
    let found = false
    build.onLoad({ filter: /pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => {
      found = true
      return { contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'js' }
    })
    // Otherwise PDFs would fail only when they look for the colour profile.
    build.onEnd(() => {
      if (!found) throw new Error('pdfkit-data: pdfkit/js/pdfkit.node.mjs was not bundled; has pdfkit moved its entry? Update the filter in bin/press.mjs')
    })
  }
}

/**
 * fontkit reads WOFF2 with a Brotli decoder: 1.4 MB of JavaScript, most of
 * it a dictionary, about 20 ms to load in every cold build. The PDF writer
 * takes TrueType and OpenType files only (render/pdf/fonts.ts refuses WOFF
 * before fontkit sees it), so the decoder is left out; the stub only guards.
 */
const noWoff2 = {
  name: 'no-woff2',
  setup(build) {
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli-decompress', namespace: 'no-woff2' }))
    build.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({
      contents: "export default function decompress() { throw new Error('WOFF2 fonts are not supported: use a TrueType or OpenType file') }",
      loader: 'js'
    }))
  }
}

/**
 * epub-gen-memory fetches an image given by http(s) address with node-fetch,
 * whose URL parser loads Unicode tables (about 15 ms). Editions are built
 * without the network: images are files of content/ (file: addresses, which
 * epub-gen-memory reads itself), so node-fetch is replaced by a refusal.
 */
const noNetwork = {
  name: 'no-network',
  setup(build) {
    build.onResolve({ filter: /^node-fetch$/ }, () => ({ path: 'node-fetch', namespace: 'no-network' }))
    build.onLoad({ filter: /.*/, namespace: 'no-network' }, () => ({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the template literal is in the code this string holds
      contents: "export default async function fetch(url) { throw new Error(`Cannot fetch ${url}: editions are built without the network, from files in content/`) }",
      loader: 'js'
    }))
  }
}

/**
 * unicode-trie (the line breaker's and fontkit's Unicode tables) inflates
 * its tables with tiny-inflate, a JavaScript inflater, whenever its module is
 * loaded: about 20 ms of every build on Node.js 20. Node.js's own zlib
 * inflates the same data to the same bytes (bin/native-inflate.cjs).
 */
const nativeInflate = {
  name: 'native-inflate',
  setup(build) {
    build.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: path.join(root, 'bin', 'native-inflate.cjs') }))
  }
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
    // resvg is a native module (so is the WOFF2 encoder, loaded with createRequire in render/fonts/woff2.ts).
    external: ['harfbuzzjs', '@resvg/resvg-js'],
    plugins: [pdfkitData, noWoff2, noNetwork, nativeInflate],
    // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its "module" is plain ESM.
    mainFields: ['module', 'main'],
    // CommonJS libraries inside an ES module bundle still call require() for Node's own modules.
    banner: { js: "import { createRequire as __pressRequire } from 'node:module'; const require = __pressRequire(import.meta.url);" },
    outdir: staging, logLevel: 'warning'
  }).catch((error) => {
    rmSync(staging, { recursive: true, force: true })
    throw error
  })
  writeFileSync(path.join(staging, 'fingerprint'), current)
  // Builds started together (tests, a fresh clone) each bundle; the first in place wins, and the
  // others leave it be: a running build loads its format chunks later, from that folder.
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === current) {
    rmSync(staging, { recursive: true, force: true })
    return
  }
  rmSync(out, { recursive: true, force: true })
  try {
    renameSync(staging, out)
  } catch {
    // Another build renamed its bundle first; it is the same code.
    rmSync(staging, { recursive: true, force: true })
  }
}

/**
 * Node.js 22.1 and later keep V8's compiled code of the bundle on disk (checked
 * against each file's content, so a new bundle is compiled afresh). It lives
 * in the project's .cache/, beside the bundle's other products, never in an
 * output folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node.js 20 has none.
 */
module.enableCompileCache?.(path.join(root, '.cache', 'compile'))

const [command = 'build', ...rest] = process.argv.slice(2)
const entry = command === 'merge-manifests' ? 'merge-manifests' : 'cli'
await ensureBundle()
process.argv = [process.argv[0], path.join(out, `${entry}.js`), ...rest]
await import(pathToFileURL(path.join(out, `${entry}.js`)).href)
