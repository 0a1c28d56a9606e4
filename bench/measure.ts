/**
 * Timing whole commands for the benchmark: wall time, CPU time (user +
 * system, steadier than wall time on a shared machine) and peak memory from
 * /usr/bin/time; the runs of each Node.js line interleaved, so a busy moment
 * of the machine falls on both. Medians and ranges, never a pass or fail.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { envFor } from '../test/helpers/node-lines.ts'

export interface NodeLine {
  /** "Node.js 24.22.3" */
  name: string
  node: string
}

export interface Row {
  case: string
  /** The Node.js line that ran it; none for pandoc + WeasyPrint. */
  line?: string | undefined
  runs: number
  median: number
  min: number
  max: number
  cpu: number
  rssMb: number
  editions?: number | undefined
}

interface Sample { seconds: number; cpu: number; rssMb: number }

function timed(command: string[], cwd: string, env: NodeJS.ProcessEnv): Sample {
  const started = performance.now()
  const child = spawnSync('/usr/bin/time', ['-f', '%U %S %M', ...command], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 })
  const seconds = (performance.now() - started) / 1000
  if (child.status !== 0) throw new Error(`${command.join(' ')} failed in ${cwd}:\n${child.stdout}\n${child.stderr}`)
  const [user, system, kb] = child.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number]
  return { seconds, cpu: user + system, rssMb: kb / 1024 }
}

export interface Case {
  label: string
  runs: number
  cwd: string
  /** The command for a line (`node` is that line's binary; `npm` finds it first on PATH). */
  command: (line: NodeLine | undefined) => string[]
  before?: () => void
  editions?: number | undefined
}

/** Runs a case on each line (or once, with no line), interleaved run by run. */
export function measure(spec: Case, lines: Array<NodeLine | undefined>): Row[] {
  const samples = lines.map((): Sample[] => [])
  for (let run = 0; run < spec.runs; run++) {
    // Alternate which line goes first, so neither always follows the other's build.
    const order = lines.map((_, index) => index)
    if (run % 2) order.reverse()
    for (const index of order) {
      const line = lines[index]
      spec.before?.()
      samples[index]!.push(timed(spec.command(line), spec.cwd, line ? envFor(line.node) : process.env))
    }
  }
  return lines.map((line, index) => {
    const row = summarize(spec, samples[index]!, line)
    console.error(`  ${spec.label}${line ? ` [${line.name}]` : ''}: median ${row.median.toFixed(3)} s, cpu ${row.cpu.toFixed(3)} s`)
    return row
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

function summarize(spec: Case, samples: Sample[], line: NodeLine | undefined): Row {
  const seconds = samples.map((sample) => sample.seconds)
  return {
    case: spec.label, line: line?.name, runs: samples.length, editions: spec.editions,
    median: median(seconds), min: Math.min(...seconds), max: Math.max(...seconds),
    cpu: median(samples.map((sample) => sample.cpu)),
    rssMb: Math.max(...samples.map((sample) => sample.rssMb))
  }
}

/** The machine's Node.js and Node.js 24 (one entry when they are the same version). */
export function nodeLines(machine: string, node24: string): NodeLine[] {
  const version = (node: string) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
  const lines = [machine, node24].map((node) => ({ name: `Node.js ${version(node).replace(/^v/, '')}`, node: path.resolve(node) }))
  return lines[0]!.name === lines[1]!.name ? [lines[0]!] : lines
}
