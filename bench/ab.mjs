#!/usr/bin/env node
/**
 * A/B of shell commands, run back to back and interleaved (the order flips
 * every run, so a busy moment of a shared machine falls on both), with the
 * median wall time, median CPU time (user + system: steadier than wall time
 * under load) and peak RSS of each. How the speed decisions in the README
 * were measured. Not a test.
 *
 *   node bench/ab.mjs RUNS 'label::command' 'label::command' …
 *   BEFORE='rm -rf output .cache' node bench/ab.mjs 9 'cc on::node bin/press.mjs build' \
 *     'cc off::NODE_DISABLE_COMPILE_CACHE=1 node bin/press.mjs build'
 */
import { spawnSync } from 'node:child_process'

const [runs, ...specs] = process.argv.slice(2)
if (!Number(runs) || specs.length === 0 || specs.some((spec) => !spec.includes('::'))) {
  console.error("usage: node bench/ab.mjs RUNS 'label::command' 'label::command' …")
  process.exit(2)
}
const variants = specs.map((spec) => {
  const [label, command] = spec.split('::')
  return { label, command, wall: [], cpu: [], rss: [] }
})
for (let run = 0; run < Number(runs); run++) {
  for (const variant of run % 2 ? [...variants].reverse() : variants) {
    if (process.env.BEFORE) spawnSync('sh', ['-c', process.env.BEFORE])
    const started = performance.now()
    // bash's `times` gives the command's CPU time to the millisecond (its children's getrusage); time's %U %S to 10 ms.
    const child = spawnSync('/usr/bin/time', ['-f', '%M', 'bash', '-c', `{ ${variant.command}\n}; status=$?; times >&2; exit $status`], { encoding: 'utf8' })
    const wall = (performance.now() - started) / 1000
    if (child.status !== 0) {
      console.error(`${variant.label} failed:\n${child.stderr.slice(-2000)}`)
      process.exit(1)
    }
    const lines = child.stderr.trim().split('\n')
    const kb = Number(lines.at(-1))
    const seconds = (time) => Number(/^(\d+)m([\d.]+)s$/.exec(time)[1]) * 60 + Number(/^(\d+)m([\d.]+)s$/.exec(time)[2])
    const [user, system] = lines.at(-2).split(' ').map(seconds)
    variant.wall.push(wall)
    variant.cpu.push(user + system)
    variant.rss.push(kb / 1024)
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const list = (values, digits = 2) => values.map((value) => value.toFixed(digits)).join(' ')
for (const { label, wall, cpu, rss } of variants) {
  console.log(`${label.padEnd(24)} wall ${median(wall).toFixed(3)} s (${Math.min(...wall).toFixed(2)}–${Math.max(...wall).toFixed(2)})  CPU ${median(cpu).toFixed(3)} s  peak RSS ${Math.max(...rss).toFixed(0)} MB  [wall ${list(wall)}] [CPU ${list(cpu, 3)}]`)
}
