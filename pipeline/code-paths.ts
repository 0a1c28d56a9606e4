/**
 * What a build ran, for the code cache of the bundle (bin/load-parts.mjs):
 * each format's writer in each script (`pdf:arabic`), noted when the writer
 * runs (an edition copied from the editions' cache runs none). A cache made
 * by builds that did not run one is made again, with it, by the first build
 * that does: an English-only build's cache holds no bytecode of right-to-left
 * lines or Chinese line breaking, which every later build of all languages
 * would compile again. Outside the bundle (the tests) nothing is noted.
 */
import type { Script } from './render/script-of-locale.ts'
import type { Format } from './types.ts'

/** The set bin/load-parts.mjs gives each build. */
const CODE_PATHS = Symbol.for('polyglot-press.code-paths')

export function noteCodePath(format: Format, script: Script): void {
  ;(globalThis as Record<symbol, Set<string> | undefined>)[CODE_PATHS]?.add(`${format}:${script}`)
}
