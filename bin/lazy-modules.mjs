/**
 * An esbuild plugin that bundles a library behind a module of the same
 * exports, which runs the library's module code on the first call of one of
 * them instead of when the bundle loads: esbuild runs a module reached by
 * require() when it is first required. For libraries that compute tables at
 * load that a build rarely or never asks for (bin/press.mjs names them).
 *
 * Each export must be a function, or an object of functions (a default
 * export such as unicode-properties'), found by loading the library here,
 * when bundling. A forwarding function keeps a call's arguments, `this` of
 * an object's method, and result, not the function's own properties (noble's
 * `cbc.blockSize`, which pdfkit does not read).
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** The forwarding code for an export `target`, read from the loaded library as `load()${access}`. */
function forward(access, target, file) {
  if (typeof target === 'function') return `function (...args) { return load()${access}(...args) }`
  if (target === null || typeof target !== 'object' || Object.values(target).some((value) => typeof value !== 'function')) {
    throw new Error(`lazy-modules: ${file} exports ${access}, neither a function nor an object of functions; it cannot wait for a first call`)
  }
  return `{ ${Object.entries(target).map(([key, value]) => `${JSON.stringify(key)}: ${forward(`${access}[${JSON.stringify(key)}]`, value, file)}`).join(', ')} }`
}

/** Libraries whose import specifier `filter` matches, bundled to load on first use. */
export function lazyModules(filter) {
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve({ filter }, async (args) => {
        if (args.pluginData === 'lazy-modules') return undefined
        const real = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'lazy-modules' })
        return real.errors.length > 0 ? { errors: real.errors } : { path: real.path, namespace: 'lazy-modules' }
      })
      build.onLoad({ filter: /.*/, namespace: 'lazy-modules' }, async (args) => {
        const library = await import(pathToFileURL(args.path).href)
        const lines = [`let loaded\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}))`]
        for (const [name, value] of Object.entries(library)) {
          const code = forward(`[${JSON.stringify(name)}]`, value, args.path)
          lines.push(name === 'default' ? `export default ${code}` : `export const ${name} = ${code}`)
        }
        return { contents: lines.join('\n'), loader: 'js', resolveDir: path.dirname(args.path) }
      })
    }
  }
}
