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
 * cache of other flags or another version). V8 checks a cache's version,
 * flags and source length, not its bytes: each file carries a CRC-32 of its
 * data, and a file that fails it, or that V8 refuses, is made again. It is
 * written under a temporary name and renamed, at the end of a build that
 * succeeded (so a nothing-changed build, which loads only `cli`, writes
 * nothing once `cli`'s cache exists), and again when a build ran code paths
 * (a format's writer in a script: pdf:arabic) the cached one did not.
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 *
 * This loader keeps the folder (sweepCodeCache), wherever the project is:
 * a project that runs another checkout's bin/ uses that checkout's cache.
 */
import { isAscii } from 'node:buffer'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import module from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'
import zlib from 'node:zlib'
import { seamsForLoader as SEAMS } from './bundle-parts.mjs'

const HEAD = '(function (exports, require, module, __filename, __dirname, __pressImport, __pressParts, __pressUrl) {'

/**
 * The code paths a build ran (pipeline/code-paths.ts adds each, `pdf:arabic`): a build part's cache covers
 * a build if it was made by builds that ran them all. Right-to-left lines, Chinese line breaking or the
 * PDF writer a cached build never ran would otherwise be compiled again in every later build that runs them.
 */
const CODE_PATHS = Symbol.for('polyglot-press.code-paths')

/** Caches of one part's text (other Node.js versions or V8 flags) kept beside the one in use. */
const KEEP_PER_PART = 4
/** A temporary file untouched this long, its writer gone, was left by a killed build (write-atomic.ts's rule). */
const UNTOUCHED_FOR_MS = 10 * 60 * 1000
const TEMPORARY = /^\.(.+\.bin)\.(\d+)\.[0-9a-f]{8}\.tmp$/

/** A problem of the bundle's folder, said in one line by bin/press.mjs. */
function bundleError(message) {
  return Object.assign(new Error(message), { code: 'ERR_PRESS_BUNDLE' })
}

/** A code cache's file: a line of JSON (the data's CRC-32, the code paths of the runs that made it), then V8's data. */
function readCache(file) {
  let bytes
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  const end = bytes.indexOf(10)
  try {
    const head = JSON.parse(bytes.subarray(0, end).toString('utf8'))
    const data = bytes.subarray(end + 1)
    return zlib.crc32(data) === head.crc32 ? { data, ran: Array.isArray(head.ran) ? head.ran : [] } : undefined
  } catch {
    return undefined
  }
}

function writeCache(file, data, ran) {
  mkdirSync(path.dirname(file), { recursive: true })
  // The temporary name write-atomic.ts gives: sweepCodeCache removes one a killed process left.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  writeFileSync(temporary, Buffer.concat([Buffer.from(`${JSON.stringify({ crc32: zlib.crc32(data), ran })}\n`), data]))
  renameSync(temporary, file)
}

/**
 * The folder after a build that ran its build part or wrote a cache (never a nothing-changed build): a
 * part's caches of earlier texts go (never read again); of its current text, the one in use and the
 * KEEP_PER_PART others last used (read or written) most recently stay, the rest (Node.js versions and V8
 * flags not used lately) go; so do temporary files of writers gone and untouched for ten minutes.
 * Read times count where the system keeps them (relatime: once a day at most); where it does not, a
 * cache's age is its writing's, and one swept too early is only made again.
 */
export function sweepCodeCache(dir, current, now = Date.now()) {
  const byPart = new Map()
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name)
    // Another build may remove a file between the listing and this.
    const stats = statSync(file, { throwIfNoEntry: false })
    if (!stats?.isFile()) continue
    const temporary = TEMPORARY.exec(name)
    if (temporary) {
      if (now - stats.mtimeMs >= UNTOUCHED_FOR_MS && !writerMayRun(Number(temporary[2]), stats.mtimeMs)) rmSync(file, { force: true })
      continue
    }
    const [part, id] = name.split('.')
    if (!name.endsWith('.bin') || !(part in current) || name === path.basename(current[part].file)) continue
    if (id !== current[part].id) rmSync(file, { force: true })
    else byPart.set(part, [...(byPart.get(part) ?? []), { file, used: Math.max(stats.atimeMs, stats.mtimeMs) }])
  }
  for (const others of byPart.values()) {
    for (const { file } of others.sort((a, b) => b.used - a.used).slice(KEEP_PER_PART)) rmSync(file, { force: true })
  }
}

/**
 * Whether process `pid` runs and started before `madeMs` (as pipeline/output/processes.ts decides for a
 * writer): a killed bundler's folder and a killed writer's cache file are removed, a live one's stay.
 */
export function writerMayRun(pid, madeMs) {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
  } catch (error) {
    if (error.code !== 'EPERM') return false
  }
  try {
    const ticks = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1).split(' ')[19]
    const boot = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))[1]
    return madeMs >= Number(boot) * 1000 + Number(ticks) * 10 - 1000
  } catch {
    return true
  }
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
