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
 *
 * The bundle is a few CommonJS scripts (bin/bundle-parts.mjs), run with
 * V8's code cache made after a build has run (bin/load-parts.mjs).
 */
import './v8-flags.mjs'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import zlib from 'node:zlib'
import { bundleParts } from './bundle-parts.mjs'
import { runParts } from './load-parts.mjs'
import { mayBeWriting } from './processes.mjs'

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

/** Names, sizes, modification and change times and inodes of the TypeScript sources: the bundle's fingerprint. */
function fingerprint() {
  const parts = []
  const files = [`pipeline:${pipeline}`]
  // Names joined as strings, not by path.join and path.relative, which normalise each again: 8 ms of every
  // build for pipeline/'s 214 files on Node.js 20, against 3 ms.
  const walk = (dir, prefix) => {
    for (const name of readdirSync(dir).sort()) {
      // The bundle, and folders bundlings are writing (or a killed one left): not sources.
      if (name === '.build' || name.startsWith('.build.')) continue
      const file = `${dir}${path.sep}${name}`
      const relative = `${prefix}${name}`
      const stat = statSync(file)
      if (stat.isDirectory()) walk(file, `${relative}${path.sep}`)
      else {
        // Change time and inode as well: an edit whose tool kept the modification time and size is bundled
        // too (otherwise the old bundle ran, and the editions' cache kept its output under the new sources' hash).
        const entry = `${relative}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`
        files.push(entry)
        if (name.endsWith('.ts')) parts.push(entry)
      }
    }
  }
  walk(pipeline, '')
  globalThis[PIPELINE_FILES] = files.join('\n')
  parts.push(`root:${root}`)
  // What npm installed (the bundle holds copies of the libraries), and how this file bundles.
  for (const file of [path.join(root, 'package-lock.json'), path.join(root, 'node_modules/.package-lock.json'), fileURLToPath(import.meta.url), ...['native-inflate.cjs', 'bundle-parts.mjs', 'lazy-modules.mjs', 'processes.mjs'].map((name) => path.join(root, 'bin', name))]) {
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
let pdfkitBundled = false
const pdfkitData = {
  name: 'pdfkit-data',
  setup(build) {
    build.onLoad({ filter: /pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => {
      pdfkitBundled = true
      return { contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'js' }
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

/**
 * Libraries whose module code computes tables that a build rarely or never
 * uses, each run on the first call of one of its exports instead of when the
 * bundle loads (bin/lazy-modules.mjs):
 *
 * - `@noble/ciphers/aes`: pdfkit imports AES for encrypted PDFs, which no
 *   edition is; its lookup tables took 4 ms of every build on Node.js 24,
 *   7-11 ms on Node.js 20;
 * - `unicode-properties`: fontkit's layout engine asks it for a character's
 *   script and category (the cover's fontkit layout; the PDF writer shapes
 *   with HarfBuzz); its table, decoded from base64 and inflated, took 2-4 ms
 *   of every build that loads fontkit.
 */
const LAZY_MODULES = /^(@noble\/ciphers\/aes|unicode-properties)$/

/**
 * Folders a bundling left when it was killed (`pipeline/.build.<pid>`): removed when their process is gone,
 * or its id now belongs to a process started after the folder was made. A live bundler's folder stays.
 */
function removeLeftBundles() {
  for (const name of readdirSync(pipeline)) {
    const pid = Number(/^\.build\.(\d+)$/.exec(name)?.[1])
    if (!pid || pid === process.pid) continue
    const folder = path.join(pipeline, name)
    // Another bundler may rename or remove its folder between the listing and this.
    const made = statSync(folder, { throwIfNoEntry: false })?.mtimeMs
    if (made !== undefined && !mayBeWriting(pid, made)) rmSync(folder, { recursive: true, force: true })
  }
}

async function ensureBundle() {
  const stamp = path.join(out, 'fingerprint')
  const current = fingerprint()
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === current) return
  removeLeftBundles()
  const { build } = await import('esbuild')
  const { lazyModules } = await import('./lazy-modules.mjs')
  // Built beside the final folder and renamed into place: two builds at once never see half a bundle.
  const staging = `${out}.${process.pid}`
  const parts = await bundleParts(build, {
    platform: 'node', target: 'node20',
    // resvg is a native module (so is the WOFF2 encoder, loaded with createRequire in render/fonts/woff2.ts).
    external: ['harfbuzzjs', '@resvg/resvg-js'],
    plugins: [pdfkitData, noWoff2, noNetwork, nativeInflate, lazyModules(LAZY_MODULES)],
    // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its "module" is plain ESM.
    mainFields: ['module', 'main'],
    // The modules' own address, for the files they read beside them (templates, patterns): the bundle's folder.
    define: { 'import.meta.url': '__pressUrl' },
    logLevel: 'warning'
  }, { pipeline, entries: ENTRIES })
  // Otherwise PDFs would fail only when they look for the colour profile.
  if (!pdfkitBundled) throw new Error('pdfkit-data: pdfkit/js/pdfkit.node.mjs was not bundled; has pdfkit moved its entry? Update the filter in bin/press.mjs')
  mkdirSync(staging, { recursive: true })
  try {
    for (const [name, part] of Object.entries(parts)) writeFileSync(path.join(staging, `${name}.cjs`), part.text)
    // The CRC-32 of each file's bytes: bin/load-parts.mjs checks the part it reads is the one listed here.
    writeFileSync(path.join(staging, 'parts.json'), JSON.stringify(Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, { id: part.id, crc32: zlib.crc32(Buffer.from(part.text)) }]))))
    writeFileSync(path.join(staging, 'fingerprint'), current)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
  // Builds started together (tests, a fresh clone) each bundle; the first in place wins, and the
  // others leave it be: a running build reads its build part later, from that folder.
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

// `press.mjs --help`, `press.mjs --force`: options with no command are the build's (the default command).
const given = process.argv.slice(2)
const command = given[0] === undefined || given[0].startsWith('-') ? 'build' : given[0]
const rest = given[0] === command ? given.slice(1) : given
if (command !== 'build' && command !== 'merge-manifests') {
  console.error(`error: Unknown command '${command}', expected build or merge-manifests; --help lists the commands and options`)
  process.exit(2)
}
const entry = command === 'merge-manifests' ? 'merge-manifests' : 'cli'
await ensureBundle()
process.argv = [process.argv[0], path.join(out, `${entry}.cjs`), ...rest]
// V8's code cache of the bundle's parts (bin/load-parts.mjs); NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it did Node.js's own.
try {
  runParts({ dir: out, cacheDir: process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : path.join(root, '.cache', 'code'), entry })
} catch (error) {
  // The bundle's folder, said as the build says its errors; anything else is a bug to show whole.
  if (error?.code !== 'ERR_PRESS_BUNDLE') throw error
  console.error(`error: ${error.message}`)
  process.exitCode = 1
}
