/**
 * Runs the bundle's parts (bin/bundle-parts.mjs) as V8 scripts with a code
 * cache made after a build has run. Node.js's compile cache stores what V8
 * compiled before the code ran: the top level and little else, so each
 * build compiled again every function it called. A script's cache made at
 * the end of a build (`script.createCachedData()`) holds every function
 * that ran. Measurements in the README ("Speed").
 *
 * The cache lives in the installation's .cache/code/, one file a part,
 * named by the part's text, Node.js's version and V8's flags (V8 refuses a
 * cache of other flags or another version). A file whose CRC-32 fails
 * (bin/code-cache-file.mjs), or that V8 refuses, is made again. It is
 * written at the end of a build that succeeded (so a nothing-changed build,
 * which loads only `cli`, writes nothing once `cli`'s cache exists), and
 * again when a build ran code paths (a format's writer in a script:
 * pdf:arabic) the cached one did not; then the folder is swept
 * (bin/sweep-code-cache.mjs). NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
import { isAscii } from 'node:buffer'
import { readFileSync } from 'node:fs'
import module from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'
import zlib from 'node:zlib'
import { seamsForLoader as SEAMS } from './bundle-parts.mjs'
import { readCache, writeCache } from './code-cache-file.mjs'
import { sweepCodeCache } from './sweep-code-cache.mjs'

const HEAD = '(function (exports, require, module, __filename, __dirname, __pressImport, __pressParts, __pressUrl) {'

/**
 * The code paths a build ran (pipeline/code-paths.ts adds each, `pdf:arabic`): a build part's cache covers
 * a build if it was made by builds that ran them all. Right-to-left lines, Chinese line breaking or the
 * PDF writer a cached build never ran would otherwise be compiled again in every later build that runs them.
 */
const CODE_PATHS = Symbol.for('polyglot-press.code-paths')

/** A problem of the bundle's folder, said in one line by bin/press.mjs. */
function bundleError(message) {
  return Object.assign(new Error(message), { code: 'ERR_PRESS_BUNDLE' })
}



/**
 * A part's text. bin/bundle-parts.mjs writes it in ASCII, which Latin-1 decodes as it is, to a string of one
 * byte a character, 3 times faster than UTF-8 does (the build part: 5 ms instead of 15 on Node.js 20); other
 * text (a part written otherwise) is read as UTF-8.
 */
export function readPart(file) {
  return partText(readFileSync(file))
}

function partText(bytes) {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')
}

/**
 * The part's text, if it is the one parts.json lists. Another build that bundled changed sources
 * replaces the folder while this one runs: this build then has its command-line part from one bundle,
 * and would run the build part of the next (its modules numbered otherwise) and keep that part's code
 * cache under the first one's name, for every later build of the first text to run.
 */
function listedPart(dir, name, listed) {
  const bytes = readFileSync(path.join(dir, `${name}.cjs`))
  if (zlib.crc32(bytes) !== listed.crc32) throw bundleError(`The bundle in ${dir} was replaced while this build ran (another build bundled changed sources): run the build again`)
  return partText(bytes)
}

/** parts.json: each part's id and CRC-32, as bin/press.mjs writes them (one written otherwise cannot tell a replaced part). */
function readManifest(dir) {
  const file = path.join(dir, 'parts.json')
  let manifest
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    manifest = undefined
  }
  const whole = manifest && ['cli', 'build', 'merge-manifests'].every((name) => typeof manifest[name]?.id === 'string' && typeof manifest[name]?.crc32 === 'number')
  if (!whole) throw bundleError(`${file} does not list each part's id and CRC-32 (an older or damaged bundle): delete ${dir} and run the build again, which bundles anew`)
  return manifest
}

/**
 * Runs the part `entry` of the bundle in `dir` (its texts' ids in parts.json),
 * with the code caches in `cacheDir` unless it is undefined.
 */
export function runParts({ dir, cacheDir, entry }) {
  const manifest = readManifest(dir)
  // V8's version and flags, as V8 checks them (bin/v8-flags.mjs set ours before this), and the wrapper
  // around each part: V8 compares a cached script's length only, and the wrapper is part of the script.
  const flags = `${v8.cachedDataVersionTag().toString(16)}-${zlib.crc32(HEAD).toString(16)}`
  const cacheFileOf = (name) => cacheDir && path.join(cacheDir, `${name}.${manifest[name].id}.${flags}.${process.version}.bin`)
  const ran = new Set()
  globalThis[CODE_PATHS] = ran
  const exports = {}
  const scripts = new Map()
  const firstImported = {}

  const run = (name) => {
    const file = path.join(dir, `${name}.cjs`)
    const cacheFile = cacheFileOf(name)
    const cached = cacheFile && readCache(cacheFile)
    const script = new vm.Script(`${HEAD}${listedPart(dir, name, manifest[name])}\n})`, { filename: file, cachedData: cached?.data })
    if (cacheFile) scripts.set(name, { script, file: cacheFile, cached: cached && !script.cachedDataRejected ? cached.ran : undefined })
    const require = module.createRequire(file)
    const loaded = Object.assign((id) => (id in firstImported ? firstImported[id] : require(id)), require)
    const part = { exports: {} }
    // A bundle replaces its module.exports at its start; another part may read them before it ends.
    Object.defineProperty(exports, name, { get: () => part.exports, enumerable: true })
    script.runInThisContext().call(part.exports, part.exports, loaded, part, file, dir, importSeam, exports, pathToFileURL(file).href)
    return part.exports
  }

  async function importSeam(name) {
    const seam = SEAMS[name]
    if (!seam) throw new Error(`bin/load-parts.mjs: no part holds ${name}`)
    const part = exports[seam.part] ?? run(seam.part)
    if (seam.before && !(seam.before in firstImported)) firstImported[seam.before] = await import(seam.before)
    return seam.lazy ? part[seam.export]() : part[seam.export]
  }

  process.on('exit', (code) => {
    if (code !== 0 || scripts.size === 0) return
    let wrote = false
    for (const [name, { script, file, cached }] of scripts) {
      // The cli part runs the same code in every build; the build part, what the build's formats and scripts ask.
      const covered = cached && (name !== 'build' || [...ran].every((codePath) => cached.includes(codePath)))
      if (covered) continue
      try {
        writeCache(file, script.createCachedData(), name === 'build' ? [...new Set([...(cached ?? []), ...ran])].sort() : [])
        wrote = true
      } catch {
        // A cache is only ever a saving: a full disk or a read-only project leaves the next build to compile.
      }
    }
    if (!wrote && !scripts.has('build')) return
    try {
      sweepCodeCache(cacheDir, Object.fromEntries(Object.keys(manifest).map((name) => [name, { file: cacheFileOf(name), id: manifest[name].id }])))
    } catch {
      // Another build sweeping at the same moment, or a folder not ours to change: the next build sweeps.
    }
  })
  return run(entry)
}
