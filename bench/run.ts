/**
 * `npm run bench`: times whole commands as a user runs them, several times
 * each, and prints medians and ranges (the machines are shared and noisy).
 * Writes bench/results.json. Not a test: nothing here passes or fails on time.
 *
 *   npm run bench -- --runs 5
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createProject, listLocales } from '../pipeline/project.ts'
import { makeBook } from './book.ts'
import { translatedMarkdown } from './translated-markdown.ts'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
const RUNS = Math.max(1, Number(values.runs))

interface Sample { seconds: number; rssMb: number }
interface Row { case: string; runs: number; median: number; min: number; max: number; rssMb: number; editions?: number }

/** Scratch folders, removed when the benchmark ends however it ends. */
const scratch: string[] = []
process.on('exit', () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})
// Ctrl-C and kill end through 'exit' too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))

/** A scratch project that runs the repo's pipeline on its own content, locales, cache and output. */
function scratchProject(files?: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'press-bench-'))
  scratch.push(root)
  for (const name of ['package.json', 'tsconfig.json']) cpSync(path.join(REPO, name), path.join(root, name))
  for (const name of ['node_modules', 'pipeline', 'bin']) symlinkSync(path.join(REPO, name), path.join(root, name))
  if (files) {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
      writeFileSync(path.join(root, name), text)
    }
  } else {
    cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true })
    cpSync(path.join(REPO, 'locales'), path.join(root, 'locales'), { recursive: true })
  }
  return root
}

function timed(command: string[], cwd: string): Sample {
  const started = performance.now()
  const child = spawnSync('/usr/bin/time', ['-f', '%M', ...command], { cwd, encoding: 'utf8' })
  const seconds = (performance.now() - started) / 1000
  if (child.status !== 0) throw new Error(`${command.join(' ')} failed in ${cwd}:\n${child.stdout}\n${child.stderr}`)
  const kb = Number(child.stderr.trim().split('\n').at(-1))
  return { seconds, rssMb: kb / 1024 }
}

function measure(label: string, runs: number, before: () => void, command: string[], cwd: string, editions?: number): Row {
  const samples: Sample[] = []
  for (let run = 0; run < runs; run++) {
    before()
    samples.push(timed(command, cwd))
  }
  const seconds = samples.map((sample) => sample.seconds).sort((a, b) => a - b)
  const row = {
    case: label, runs, editions,
    median: seconds[Math.floor(seconds.length / 2)]!,
    min: seconds[0]!, max: seconds.at(-1)!,
    rssMb: Math.max(...samples.map((sample) => sample.rssMb))
  }
  console.error(`  ${label}: median ${row.median.toFixed(3)} s`)
  return row
}

const clean = (root: string) => () => {
  for (const name of ['.cache', 'output']) rmSync(path.join(root, name), { recursive: true, force: true })
}

async function main(): Promise<void> {
  const rows: Row[] = []
  const project = scratchProject()
  const locales = await listLocales(createProject(project))
  const editions = locales.length * 3
  rows.push(measure('a. cold build:all (empty cache)', RUNS, clean(project), ['npm', 'run', '-s', 'build:all'], project, editions))
  rows.push(measure('b. build:all, nothing changed', RUNS, () => {}, ['npm', 'run', '-s', 'build:all'], project, editions))
  const kk = path.join(project, 'locales/kk/interview.json')
  const original = readFileSync(kk, 'utf8')
  let toggle = 0
  rows.push(measure('c. build:all, one kk value changed', RUNS, () => {
    toggle++
    writeFileSync(kk, original.replace('"Юрген Шток"', toggle % 2 ? '"Юрген Шток (сұхбат)"' : '"Юрген Шток"'))
  }, ['npm', 'run', '-s', 'build:all'], project, 3))
  writeFileSync(kk, original)
  // The first yardstick: English, Kazakh and Russian, 9 editions (after b and c, which need a whole build before them).
  const three = NINE_LOCALES.filter((locale) => locales.includes(locale))
  rows.push(measure(`a9. cold build, ${three.join(' ')} (${three.length * 3} editions)`, RUNS, clean(project), ['npm', 'run', '-s', 'build', '--', '--locale', three.join(',')], project, three.length * 3))

  const paragraphs = Object.values((JSON.parse(readFileSync(path.join(REPO, 'locales/en/interview.json'), 'utf8')) as { p: Record<string, string> }).p)
  const book = makeBook(paragraphs)
  const bookProject = scratchProject({ 'content/book.md': book, 'locales/en/ui.json': readFileSync(path.join(REPO, 'locales/en/ui.json'), 'utf8') })
  const words = book.split(/\s+/).length
  rows.push(measure(`d. book (${words.toLocaleString('en')} words, 100 chapters), en, 3 formats`, Math.min(RUNS, 3), clean(bookProject), ['npm', 'run', '-s', 'build', '--', '--locale', 'en'], bookProject, 3))

  const pandoc = spawnSync('pandoc', ['--version']).status === 0 && spawnSync('weasyprint', ['--version']).status === 0
  if (pandoc) {
    const work = mkdtempSync(path.join(tmpdir(), 'press-pandoc-'))
    scratch.push(work)
    const sources = await translatedMarkdown(REPO, 'interview')
    const script: string[] = []
    for (const [locale, markdown] of sources) {
      writeFileSync(path.join(work, `${locale}.md`), markdown)
      script.push(
        `pandoc -s ${locale}.md -o ${locale}.html`,
        `pandoc ${locale}.md -o ${locale}.epub`,
        `pandoc ${locale}.md --pdf-engine=weasyprint -o ${locale}.pdf`
      )
    }
    writeFileSync(path.join(work, 'book.md'), book)
    rows.push(measure(`f. pandoc + WeasyPrint, the same ${sources.size * 3} editions`, RUNS, () => {}, ['sh', '-c', script.join(' && ')], work, sources.size * 3))
    const nine = script.filter((line) => NINE_LOCALES.some((locale) => line.includes(` ${locale}.md `)))
    rows.push(measure(`f9. pandoc + WeasyPrint, the same ${nine.length} editions`, RUNS, () => {}, ['sh', '-c', nine.join(' && ')], work, nine.length))
    rows.push(measure('f. pandoc + WeasyPrint, book, 3 formats', Math.min(RUNS, 3), () => {}, ['sh', '-c',
      'pandoc -s book.md -o book.html && pandoc book.md -o book.epub && pandoc book.md --pdf-engine=weasyprint -o book.pdf'], work, 3))
  } else {
    console.error('  pandoc or weasyprint not installed: the comparison rows are left out (apt-get install -y pandoc weasyprint)')
  }
  report(rows)
}

const NINE_LOCALES = ['en', 'kk', 'ru']

function report(rows: Row[]): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node.js ${process.version}`
  const ours = rows.find((row) => row.case.startsWith('a.'))
  const theirs = rows.find((row) => row.case.startsWith('f.') && !row.case.includes('book'))
  const ours9 = rows.find((row) => row.case.startsWith('a9.'))
  const theirs9 = rows.find((row) => row.case.startsWith('f9.'))
  const book = rows.find((row) => row.case.startsWith('d.'))
  const theirBook = rows.find((row) => row.case.startsWith('f.') && row.case.includes('book'))
  const lines = [
    `Machine: ${machine}; ${RUNS} runs per case (book: ${Math.min(RUNS, 3)}), wall time of the whole command.`,
    '',
    '| case | median | range | peak RSS |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row.case} | ${row.median.toFixed(2)} s | ${row.min.toFixed(2)}–${row.max.toFixed(2)} s | ${row.rssMb.toFixed(0)} MB |`)
  ]
  if (ours && theirs) lines.push('', `Cold build:all vs pandoc + WeasyPrint (same editions): ${(theirs.median / ours.median).toFixed(1)}× faster.`)
  if (ours9 && theirs9) lines.push(`Cold build of en, kk, ru vs pandoc + WeasyPrint (same 9 editions): ${(theirs9.median / ours9.median).toFixed(1)}× faster.`)
  if (book && theirBook) lines.push(`Book vs pandoc + WeasyPrint: ${(theirBook.median / book.median).toFixed(1)}× faster.`)
  console.log(lines.join('\n'))
  writeFileSync(path.join(REPO, 'bench/results.json'), JSON.stringify({ machine, runs: RUNS, rows }, null, 2) + '\n')
}

await main()
