/**
 * bin/lazy-modules.mjs: a library bundled behind it runs its module code on
 * the first call of one of its exports, not when the bundle loads, and every
 * call gets what the library itself gives. (e2e: esbuild runs as a process.)
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { build, type Plugin } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { lazyModules } from '../bin/lazy-modules.mjs'
import { tempDir } from './helpers/project.ts'

/** A library that counts how often its module code ran: a named export, a default object whose method calls another through `this`. */
const LIBRARY = `globalThis.ran = (globalThis.ran ?? 0) + 1
const table = [3, 5, 7]
export function entry(index) { return table[index] }
export default { factor() { return 10 }, times(n) { return n * this.factor() } }
`
const ENTRY = `import { entry } from './tables.mjs'
import tables from './tables.mjs'
export const atLoad = globalThis.ran ?? 0
export const use = () => [entry(1), tables.times(4), globalThis.ran]
`

async function bundled(plugins: Plugin[], library = LIBRARY) {
  const dir = tempDir('lazy-modules-')
  writeFileSync(path.join(dir, 'tables.mjs'), library)
  writeFileSync(path.join(dir, 'entry.mjs'), ENTRY)
  const result = await build({ entryPoints: [path.join(dir, 'entry.mjs')], bundle: true, format: 'cjs', platform: 'node', write: false, logLevel: 'silent', plugins: plugins as Plugin[] })
  const module = { exports: {} as { atLoad: number; use: () => unknown[] } }
  const context = vm.createContext({ module, exports: module.exports, require })
  vm.runInContext(result.outputFiles[0]!.text, context)
  return module.exports
}

describe('a library bundled to load on first use', () => {
  it('runs its module code at the first call, once, and answers as itself', async () => {
    const lazy = await bundled([lazyModules(/^\.\/tables\.mjs$/)])
    expect(lazy.atLoad).toBe(0)
    expect(lazy.use()).toEqual([5, 40, 1])
    expect(lazy.use()).toEqual([5, 40, 1])
  })

  it('is what esbuild does without it: the module code runs when the bundle loads', async () => {
    const eager = await bundled([])
    expect(eager.atLoad).toBe(1)
    expect(eager.use()).toEqual([5, 40, 1])
  })

  it('refuses an export that cannot wait for a call', async () => {
    await expect(bundled([lazyModules(/^\.\/tables\.mjs$/)], `${LIBRARY}export const count = 3\n`)).rejects.toThrow(/exports \["count"\], neither a function nor an object of functions/)
  })
})
