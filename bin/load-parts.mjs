/**
 * Runs the bundle's parts (bin/bundle-parts.mjs) as V8 scripts with a code
 * cache made after a build has run. Node.js's compile cache stores what V8
 * compiled before the code ran: the top level and little else, so each
 * build compiled again every function it called. A script's cache made at
 * the end of a build (`script.createCachedData()`) holds every function
 * that ran. Measurements in the README ("Speed").
 *
 * The cache lives in the project's .cache/code/, one file a part, named by
 * the part's text, Node.js's version and V8's flags (V8 refuses a cache of
 * other flags or another version). V8 checks a cache's version, flags and
 * source length, not its bytes: each file carries a CRC-32 of its data,
 * and a file that fails it, or that V8 refuses, is made again. It is
 * written under a temporary name and renamed, at the end of a build that
 * succeeded (so a nothing-changed build, which loads only `cli`, writes
 * nothing once `cli`'s cache exists), and again when a build wrote formats
 * the cached one did not. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
import { isAscii } from 'node:buffer'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import module from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'
import zlib from 'node:zlib'
import { seamsForLoader as SEAMS } from './bundle-parts.mjs'

const HEAD = '(function (exports, require, module, __filename, __dirname, __pressImport, __pressParts, __pressUrl) {'
const FORMATS = ['html', 'epub', 'pdf']

/** The formats a build's arguments ask for: what its run compiles beyond the cached one. */
export function formatsAsked(args) {
  const asked = []
  args.forEach((arg, index) => {
    if (arg === '--format') asked.push(...(args[index + 1] ?? '').split(','))
    else if (arg.startsWith('--format=')) asked.push(...arg.slice('--format='.length).split(','))
  })
  return asked.length === 0 ? FORMATS : FORMATS.filter((format) => asked.includes(format))
}

/** A code cache's file: a line of JSON (the data's CRC-32, the formats of the run that made it), then V8's data. */
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
    return zlib.crc32(data) === head.crc32 && Array.isArray(head.formats) ? { data, formats: head.formats } : undefined
  } catch {
    return undefined
  }
}

function writeCache(file, data, formats) {
  const dir = path.dirname(file)
  const [part, id] = path.basename(file).split('.')
  mkdirSync(dir, { recursive: true })
  // The temporary name write-atomic.ts gives, so that a build removes one a killed process left.
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  writeFileSync(temporary, Buffer.concat([Buffer.from(`${JSON.stringify({ crc32: zlib.crc32(data), formats })}\n`), data]))
  renameSync(temporary, file)
  // Caches of this part's earlier texts: never read again.
  for (const name of readdirSync(dir)) {
    if (name.startsWith(`${part}.`) && name.endsWith('.bin') && name.split('.')[1] !== id) rmSync(path.join(dir, name), { force: true })
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
  if (zlib.crc32(bytes) !== listed.crc32) throw new Error(`The bundle in ${dir} was replaced while this build ran (another build bundled changed sources): run the build again`)
  return partText(bytes)
}

/**
 * Runs the part `entry` of the bundle in `dir` (its texts' ids in parts.json),
 * with the code caches in `cacheDir` unless it is undefined.
 */
export function runParts({ dir, cacheDir, entry, args }) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'parts.json'), 'utf8'))
  // V8's version and flags, as V8 checks them (bin/v8-flags.mjs set ours before this), and the wrapper
  // around each part: V8 compares a cached script's length only, and the wrapper is part of the script.
  const flags = `${v8.cachedDataVersionTag().toString(16)}-${zlib.crc32(HEAD).toString(16)}`
  const asked = formatsAsked(args)
  const exports = {}
  const toWrite = new Map()
  const firstImported = {}

  const run = (name) => {
    const file = path.join(dir, `${name}.cjs`)
    const cacheFile = cacheDir && path.join(cacheDir, `${name}.${manifest[name].id}.${flags}.${process.version}.bin`)
    const cached = cacheFile && readCache(cacheFile)
    const script = new vm.Script(`${HEAD}${listedPart(dir, name, manifest[name])}\n})`, { filename: file, cachedData: cached?.data })
    if (cacheFile) {
      const covered = cached && !script.cachedDataRejected && (name !== 'build' || asked.every((format) => cached.formats.includes(format)))
      if (!covered) toWrite.set(name, { script, file: cacheFile, formats: [...new Set([...(cached?.formats ?? []), ...asked])] })
    }
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
    if (code !== 0 || toWrite.size === 0) return
    for (const { script, file, formats } of toWrite.values()) {
      try {
        writeCache(file, script.createCachedData(), formats)
      } catch {
        // A cache is only ever a saving: a full disk or a read-only project leaves the next build to compile.
      }
    }
  })
  return run(entry)
}
