/**
 * bin/press.mjs sets V8's flags first (bin/v8-flags.mjs): WebAssembly stays
 * in Liftoff's code (TurboFan's compiling of HarfBuzz and Brotli cost a short
 * build more CPU and memory than it saved), and no allocation site is
 * pretenured (the PDF's short-lived objects were made straight in the old
 * generation, which grew to 150 MB before V8 collected it); on Node.js 20,
 * TurboFan waits for four times as much bytecode run. Checked in a
 * child process, by V8's own trace, never by time or memory.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

function run(flags: string[], code: string): { stdout: string } {
  const child = spawnSync(process.execPath, [...flags, '--import', path.join(root, 'bin/v8-flags.mjs'), '--input-type=module', '-e', code], { encoding: 'utf8' })
  expect(child.status, child.stderr).toBe(0)
  return child
}

/** A WebAssembly function summing a countdown, called hot enough for V8's own budget to optimise it. */
const HOT_WASM = `
const bytes = new Uint8Array([0,97,115,109,1,0,0,0,1,6,1,96,1,127,1,127,3,2,1,0,7,5,1,1,102,0,0,10,27,1,25,1,1,127,3,64,32,1,32,0,106,33,1,32,0,65,1,107,34,0,13,0,11,32,1,11])
const { instance } = await WebAssembly.instantiate(bytes)
let total = 0
for (let i = 0; i < 200; i++) total += instance.exports.f(100000)
console.log('sum', total)
`

/** Objects of two allocation sites (an object and an array literal) that all survive: V8 alone decides to make them in the old generation. */
const SURVIVING_LITERALS = `
const kept = []
function make(i) { return { a: i, b: [i, i + 1] } }
for (let i = 0; i < 1000000; i++) kept.push(make(i))
console.log('kept', kept.length)
`

/** Fifty small functions, each called 4,000 times: enough for V8 alone to mark every one for TurboFan. */
const WARM_FUNCTIONS = `
const fns = Array.from({ length: 50 }, (_, i) => new Function('a', 'b', \`return (a * \${i + 1} + b) % 7 + (a ^ b) - (a >> 1)\`))
let total = 0
for (const f of fns) for (let n = 0; n < 4000; n++) total += f(n, 3)
console.log('total', total)
`
/**
 * Two hundred functions run once, then garbage collections with V8 told to flush every function's bytecode it
 * may (`--stress-flush-code`): the size of a code cache made afterwards says how many kept theirs.
 */
const RUN_THEN_COLLECT = `
import vm from 'node:vm'
const source = Array.from({ length: 200 }, (_, i) => 'function f' + i + '(x) { let s = 0; for (let j = 0; j < x; j++) s += j * ' + i + '; return s }').join('\\n') + '\\nglobalThis.fs = [' + Array.from({ length: 200 }, (_, i) => 'f' + i).join(',') + ']'
const script = new vm.Script(source)
script.runInThisContext()
const before = script.createCachedData().length
for (const f of globalThis.fs) f(10)
const ran = script.createCachedData().length
for (let i = 0; i < 12; i++) globalThis.gc()
console.log(JSON.stringify({ before, ran, after: script.createCachedData().length }))
`
const markings = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('[marking')).length
const v8Major = Number.parseInt(process.versions.v8, 10)

describe('V8 flags of a build', () => {
  it('lets TurboFan wait four times longer on Node.js 20 (V8 11), and leaves later lines tiering as they do', () => {
    const { stdout } = run(['--trace-opt'], WARM_FUNCTIONS)
    expect(stdout).toContain('total ')
    const bare = spawnSync(process.execPath, ['--trace-opt', '--input-type=module', '-e', WARM_FUNCTIONS], { encoding: 'utf8' })
    expect(markings(bare.stdout)).toBeGreaterThanOrEqual(50)
    if (v8Major < 12) expect(markings(stdout)).toBeLessThan(10)
    else expect(markings(stdout)).toBeGreaterThanOrEqual(50)
  })

  it('leaves a hot WebAssembly function in Liftoff’s code (V8 alone optimises it with TurboFan)', () => {
    const { stdout } = run(['--trace-wasm-compilation-times'], HOT_WASM)
    expect(stdout).toContain('sum 141016540800')
    expect(stdout).toMatch(/Compiled function .* using Liftoff/)
    expect(stdout).not.toMatch(/using TurboFan/)
  })

  it('pretenures no allocation site, even one whose objects all survive (V8 alone does)', () => {
    const { stdout } = run(['--trace-pretenuring', '--trace-pretenuring-statistics'], SURVIVING_LITERALS)
    expect(stdout).toContain('kept 1000000')
    expect(stdout).not.toMatch(/=> (maybe )?tenure/)
    // Without bin/v8-flags.mjs the same code is pretenured: the trace above can show it.
    const bare = spawnSync(process.execPath, ['--trace-pretenuring', '--trace-pretenuring-statistics', '--input-type=module', '-e', SURVIVING_LITERALS], { encoding: 'utf8' })
    expect(bare.stdout).toMatch(/=> (maybe )?tenure/)
  })

  it('flushes no bytecode, so the code cache made at the end of a build holds the functions it ran early', () => {
    const flags = ['--expose-gc', '--stress-flush-code']
    const kept = JSON.parse(run(flags, RUN_THEN_COLLECT).stdout)
    expect(kept.ran).toBeGreaterThan(kept.before)
    expect(kept.after).toBe(kept.ran)
    const bare = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', RUN_THEN_COLLECT], { encoding: 'utf8' })
    expect(bare.status, bare.stderr).toBe(0)
    expect(JSON.parse(bare.stdout).after).toBeLessThan(kept.ran)
  })

  it('are the first thing bin/press.mjs imports', () => {
    expect(readFileSync(path.join(root, 'bin/press.mjs'), 'utf8')).toMatch(/^ \*\/\nimport '\.\/v8-flags\.mjs'\n/m)
  })
})
