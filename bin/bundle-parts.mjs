/**
 * The bundle as scripts that V8 can cache after a build has run
 * (bin/load-parts.mjs), where Node.js's compile cache keeps only what V8
 * compiled before running: each a CommonJS bundle without code splitting.
 *
 * - `cli`: the command line and the nothing-changed check, all a build
 *   loads when nothing changed.
 * - `build`: the rest, loaded when something is to be built. A module of
 *   `cli` that the build imports too (the project, the locks, the errors)
 *   is not bundled again: the build reads it from `cli`'s exports, so
 *   there is one of each, as in an ES module bundle.
 * - `merge-manifests`, its own small tool.
 *
 * Inside a part, esbuild turns a dynamic import into a call of an
 * initialising function, so the writers' code still runs only when a build
 * needs them. A dynamic import of another part (or one that must wait for
 * an ES module, below) becomes `__pressImport(name)`, which the loader
 * answers.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'

/**
 * Dynamic imports the loader answers, by their file under pipeline/. HarfBuzz
 * (harfbuzzjs) is an ES module that awaits its WebAssembly at the top, which
 * a script cannot require: the loader imports it before the PDF writer runs.
 */
const SEAMS = {
  'build.ts': { part: 'build', export: 'build' },
  'translation/status/format-status.ts': { part: 'build', export: 'formatStatus' },
  'render/pdf/index.ts': { part: 'build', export: 'pdf', lazy: true, before: 'harfbuzzjs' }
}

const PREFIX = 'press-part:'

/** The name of a part's generated entry (esbuild's stdin), whose own imports of seams are bundled. */
const ENTRY = 'press-part-entry.js'

/** Dynamic imports of SEAMS by the part's own modules: left to the loader. */
function seams(pipeline) {
  return {
    name: 'seams',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'dynamic-import' || path.basename(args.importer) === ENTRY) return undefined
        const name = path.relative(pipeline, path.resolve(args.resolveDir, args.path)).split(path.sep).join('/')
        return name in SEAMS ? { path: `${PREFIX}${name}`, external: true } : undefined
      })
    }
  }
}

/**
 * Modules of the cli part, read from its exports (`__pressParts.cli.m3`):
 * its ES modules (a CommonJS library's `module.exports` would not survive
 * the round trip, and is bundled again: none holds state the build shares).
 */
function shared(modules) {
  const packages = new Set([...modules.keys()].map((file) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1]).filter(Boolean))
  const escaped = [...packages].map((name) => name.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  const toShared = (file) => (modules.has(file) ? { path: file, namespace: 'press-shared' } : undefined)
  return {
    name: 'shared',
    setup(build) {
      // The pipeline's own imports name their file; a library's (rarely one of these packages) is resolved as esbuild would.
      build.onResolve({ filter: /^\./ }, (args) => args.namespace === 'file' && !args.importer.includes('node_modules') ? toShared(path.resolve(args.resolveDir, args.path)) : undefined)
      if (escaped.length > 0) {
        build.onResolve({ filter: new RegExp(`^(${escaped.join('|')})(/|$)`) }, async (args) => {
          if (args.pluginData === 'shared') return undefined
          return toShared((await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'shared' })).path)
        })
      }
      // Named exports are read through the namespace when used (as live as an ES module's); the default once.
      build.onLoad({ filter: /.*/, namespace: 'press-shared' }, (args) => ({
        contents: `export * from ${JSON.stringify(`press-namespace:${modules.get(args.path)}`)}\nexport default __pressParts.cli.${modules.get(args.path)}.default`,
        loader: 'js', resolveDir: '/'
      }))
      build.onResolve({ filter: /^press-namespace:/ }, (args) => ({ path: args.path.slice('press-namespace:'.length), namespace: 'press-namespace' }))
      build.onLoad({ filter: /.*/, namespace: 'press-namespace' }, (args) => ({ contents: `module.exports = __pressParts.cli.${args.path}`, loader: 'js' }))
    }
  }
}

/**
 * The part's text in ASCII: esbuild escapes every other character in strings and names, but copies comments,
 * regular expression literals and template literals' raw text as they are, and one curly quote in a comment
 * makes V8 hold the whole source two bytes a character, decoded from UTF-8 (15 ms of every build for the
 * build part on Node.js 20, against 5 ms read as Latin-1: bin/load-parts.mjs). A \u escape means the same
 * character in a comment and in a regular expression; in a String.raw text it would be six characters, so
 * the pipeline writes those in ASCII (rehype-latin-runs, cjk.ts, untrusted-text.ts: `\u2019`, read by RegExp).
 */
export function asciiOnly(text) {
  return text.replaceAll(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** The part's text with its seams as calls of the loader; checked, so that a change of esbuild's output fails here. */
function withSeams(text, part) {
  const calls = asciiOnly(text).replaceAll(/\bimport\("press-part:([^"]+)"\)/g, (_, name) => `__pressImport(${JSON.stringify(name)})`)
  if (calls.includes(PREFIX)) throw new Error(`bin/bundle-parts.mjs: a dynamic import in the ${part} part was not made a call of the loader`)
  return { text: calls }
}

/**
 * The inputs of a metafile that `entry` reaches through static imports and require() calls, not dynamic imports:
 * the modules that run when the part loads.
 */
function staticallyImported(metafile, entry) {
  const reached = new Set()
  const visit = (file) => {
    if (reached.has(file) || !metafile.inputs[file]) return
    reached.add(file)
    for (const imported of metafile.inputs[file].imports) if (imported.kind !== 'dynamic-import' && !imported.external) visit(imported.path)
  }
  visit(entry)
  return reached
}

/**
 * Bundles every part with esbuild's `build` and the options all share;
 * returns each part's text and an id of its text (its code cache's key).
 */
export async function bundleParts(build, common, { pipeline, entries }) {
  const options = { ...common, bundle: true, format: 'cjs', write: false, absWorkingDir: path.dirname(pipeline) }
  const parts = {}
  const keep = (name, output) => {
    const { text } = withSeams(output.outputFiles[0].text, name)
    parts[name] = { text, id: createHash('sha256').update(text).digest('hex').slice(0, 16) }
    return output
  }

  // The command line's modules, found first, then bundled again with each exported for the build.
  const cliEntry = path.join(pipeline, entries.cli)
  const found = await build({ ...options, entryPoints: [cliEntry], metafile: true, plugins: [...common.plugins, seams(pipeline)] })
  const loadedAtStart = staticallyImported(found.metafile, path.relative(options.absWorkingDir, cliEntry))
  const esm = Object.entries(found.metafile.inputs).filter(([file, input]) => input.format === 'esm' && !file.includes(':'))
  const cliModules = esm.filter(([file]) => loadedAtStart.has(file)).map(([file]) => path.resolve(options.absWorkingDir, file)).filter((file) => file !== cliEntry)
  // Exporting a module runs it when the part loads: one the command line imports only when it needs it stays unshared.
  const later = new Set(esm.filter(([file]) => !loadedAtStart.has(file)).map(([file]) => path.resolve(options.absWorkingDir, file)))
  const names = new Map(cliModules.map((file, index) => [file, `m${index}`]))
  const cliSource = [`import ${JSON.stringify(cliEntry)}`, ...cliModules.map((file) => `export * as ${names.get(file)} from ${JSON.stringify(file)}`)].join('\n')
  keep('cli', await build({ ...options, stdin: { contents: cliSource, resolveDir: pipeline, sourcefile: ENTRY, loader: 'js' }, plugins: [...common.plugins, seams(pipeline)] }))

  const buildSource = Object.entries(SEAMS).map(([file, seam]) => seam.lazy
    ? `export const ${seam.export} = () => import(${JSON.stringify(`./${file}`)})`
    : `export * as ${seam.export} from ${JSON.stringify(`./${file}`)}`).join('\n')
  const built = keep('build', await build({ ...options, metafile: true, stdin: { contents: buildSource, resolveDir: pipeline, sourcefile: ENTRY, loader: 'js' }, plugins: [...common.plugins, seams(pipeline), shared(names)] }))
  // A module of both parts bundled twice would be two modules with two states: resolved by a path the plugin did not see.
  const twice = Object.keys(built.metafile.inputs).map((file) => path.resolve(options.absWorkingDir, file)).filter((file) => names.has(file) || later.has(file))
  if (twice.length > 0) throw new Error(`bin/bundle-parts.mjs: ${twice.join(', ')} bundled in both the cli and the build part`)

  keep('merge-manifests', await build({ ...options, entryPoints: [path.join(pipeline, entries['merge-manifests'])], plugins: [...common.plugins, seams(pipeline)] }))
  return parts
}

/** What the loader answers for `__pressImport(name)`. */
export const seamsForLoader = SEAMS
