/**
 * The benchmark's table (one column per Node.js line) and the issue's
 * targets, each as measured against its yardstick in the same run.
 */
import { cpus, totalmem } from 'node:os'
import type { NodeLine, Row } from './measure.ts'

export function report(rows: Row[], lines: NodeLine[], runs: number): { machine: string; markdown: string } {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`
  const cell = (row: Row | undefined) => row ? `${row.median.toFixed(2)} s (${row.min.toFixed(2)}–${row.max.toFixed(2)}; CPU ${row.cpu.toFixed(2)} s) · ${row.rssMb.toFixed(0)} MB` : ''
  const cases = [...new Set(rows.map((row) => row.case))]
  const find = (prefix: string, line?: NodeLine) => rows.find((row) => row.case.startsWith(prefix) && row.line === line?.name)
  const table = [
    `Machine: ${machine}; ${runs} runs per case, wall time of the whole command: median (range; median CPU time) · peak RSS.`,
    '',
    `| case | ${lines.map((line) => line.name).join(' | ')} |`,
    `| --- | ${lines.map(() => '---:').join(' | ')} |`,
    ...cases.map((label) => {
      const own = rows.filter((row) => row.case === label)
      return own[0]!.line === undefined
        ? `| ${label} | ${cell(own[0])} |${' |'.repeat(lines.length - 1)}`
        : `| ${label} | ${lines.map((line) => cell(own.find((row) => row.line === line.name))).join(' | ')} |`
    })
  ]
  const ratio = (a?: Row, b?: Row) => a && b ? a.median / b.median : NaN
  const targets = lines.flatMap((line) => [
    `${line.name}:`,
    `- the PDFs: ${ratio(find('p.', line), find('t.', line)).toFixed(2)}× Typst's time (target ≤ 1.5× on Node.js 24)`,
    `- ${find('n.', line)?.editions} editions cold, node bin/press.mjs: ${find('n.', line)?.median.toFixed(2)} s (target ≤ 0.6 s on Node.js 24)`,
    `- 9 editions cold via npm: ${ratio(find('a9.', line), find('f9.')).toFixed(2)} of pandoc + WeasyPrint's time (target ≤ 0.33 on the machine's Node.js)`,
    `- all editions cold via npm: ${(1 / ratio(find('a.', line), find('f.'))).toFixed(1)}× faster than pandoc + WeasyPrint`,
    `- nothing changed, via npm: ${find('b.', line)?.median.toFixed(2)} s (target ≤ 0.35 s)`,
    `- book, first build: ${(1 / ratio(find('d.', line), find('fd.'))).toFixed(1)}× faster than pandoc + WeasyPrint (target ≥ 3×); cold: ${(1 / ratio(find('dc.', line), find('fd.'))).toFixed(1)}×`,
    `- peak RSS of any of our builds: ${Math.max(...rows.filter((row) => row.line === line.name && !row.case.startsWith('t.')).map((row) => row.rssMb)).toFixed(0)} MB (target < 300 MB)`
  ])
  return { machine, markdown: [...table, '', ...targets].join('\n') }
}
