/**
 * bin/press.mjs caps how far V8 grows the old generation past what was last
 * found alive (bin/heap-growth.mjs): a book's many short-lived but promoted
 * objects otherwise kept the heap at four times the live size, most of the
 * build's peak memory. Measured here as heap size, not time: about 30 MB
 * kept alive while 3 million promoted objects come and go.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

const CHURN = `
const live = Array.from({ length: 300000 }, (_, i) => ({ i, s: 'x' + i, a: [i, i + 1] }))
const ring = new Array(20000)
let peak = 0
for (let i = 0; i < 3000000; i++) {
  ring[i % ring.length] = { i, s: 'y' + i, a: [i, i] }
  if (i % 10000 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal)
}
console.log(JSON.stringify({ peak: peak / 2 ** 20, live: live.length }))
`

describe('heap growth', () => {
  it('keeps the heap under 170 MB around 30 MB alive (V8 alone grows it past 210 MB)', () => {
    const run = spawnSync(process.execPath, ['--max-semi-space-size=8', '--import', path.join(root, 'bin/heap-growth.mjs'), '--input-type=module', '-e', CHURN], { encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    const { peak } = JSON.parse(run.stdout) as { peak: number }
    expect(peak).toBeLessThan(170)
  })

  it('is the first thing bin/press.mjs imports', () => {
    expect(readFileSync(path.join(root, 'bin/press.mjs'), 'utf8')).toMatch(/^ \*\/\nimport '\.\/heap-growth\.mjs'\n/m)
  })
})
