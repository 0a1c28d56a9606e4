/**
 * `npm run bench`: times whole commands as a user runs them, several times
 * each, on the machine's Node.js and on Node.js 24 (npm run setup:node24),
 * beside Typst (the same five texts set in one process) and pandoc +
 * WeasyPrint (every format), and prints medians and ranges (the machines are
 * shared and noisy). Writes bench/results.json. Not a test: nothing here
 * passes or fails on time.
 *
 *   npm run bench -- --runs 5
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createProject, listLocales } from '../pipeline/project.ts'
import { node24 } from '../test/helpers/node-lines.ts'
import { makeBook } from './book.ts'
import { measure, nodeLines, type NodeLine, type Row } from './measure.ts'
import { report } from './report.ts'
import { translatedMarkdown, translatedTrees } from './translated-markdown.ts'
import { toTypst, TYPST_COMPILE, typstJobs } from './typst.ts'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PRESS = path.join(REPO, 'bin/press.mjs')
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
const RUNS = Math.max(1, Number(values.runs))
const NINE_LOCALES = ['en', 'kk', 'ru']

/** Scratch folders, removed when the benchmark ends however it ends. */
const scratch: string[] = []
process.on('exit', () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true })
})
// Ctrl-C and kill end through 'exit' too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  scratch.push(dir)
  return dir
}

/** A scratch project that runs the repo's pipeline on its own content, locales, cache and output. */
function scratchProject(files?: Record<string, string>): string {
  const root = scratchDir('press-bench-')
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

/**
 * Cold, as the speed issue times it (`build --force`), and then some:
 * nothing kept of this text's words: no edition, no parsed document, no
 * commit date, no output. What depends on the code and the characters
 * alone stays, as after any earlier build: the font subsets, WOFF2 files,
 * covers, compiled hyphenation tables and the compiled bundle.
 */
const cold = (root: string) => () => {
  rmSync(path.join(root, 'output'), { recursive: true, force: true })
  const cache = path.join(root, '.cache')
  for (const name of existsSync(cache) ? readdirSync(cache) : []) {
    if (['editions', 'documents', 'git-dates.json'].includes(name) || name.startsWith('last-build-')) rmSync(path.join(cache, name), { recursive: true, force: true })
  }
}
/** A fresh clone's first build: no .cache/ at all, so every font subset, WOFF2 file, cover and compiled module is made anew. */
const fresh = (root: string) => () => {
  for (const name of ['.cache', 'output']) rmSync(path.join(root, name), { recursive: true, force: true })
}
const npm = (...args: string[]) => () => ['npm', 'run', '-s', ...args]
// With the V8 flag the npm scripts give it (package.json; see README, peak memory).
const press = (...args: string[]) => (line: NodeLine | undefined) => [line!.node, '--max-semi-space-size=8', PRESS, 'build', ...args]

async function main(): Promise<void> {
  const lines = nodeLines(process.execPath, node24())
  const rows: Row[] = []
  const project = scratchProject()
  const locales = await listLocales(createProject(project))
  const editions = locales.length * 3
  // The bundle and each line's code cache are made once, as after `npm ci` and a first build, with the
  // flag the timed commands give (V8's flags are part of the code cache's name).
  for (const line of lines) spawnSync(line.node, ['--max-semi-space-size=8', PRESS, 'build', '--quiet', '--force'], { cwd: project })

  rows.push(...measure({ label: `a. cold build:all, ${editions} editions (npm)`, runs: RUNS, cwd: project, before: cold(project), command: npm('build:all'), editions }, lines))
  rows.push(...measure({ label: 'b. build:all, nothing changed (npm)', runs: RUNS, cwd: project, command: npm('build:all'), editions }, lines))
  const kk = path.join(project, 'locales/kk/interview.json')
  const original = readFileSync(kk, 'utf8')
  let toggle = 0
  rows.push(...measure({
    label: 'c. build:all, one kk value changed (npm)', runs: RUNS, cwd: project, command: npm('build:all'), editions: 3,
    before: () => writeFileSync(kk, original.replace('"Юрген Шток"', ++toggle % 2 ? '"Юрген Шток (сұхбат)"' : '"Юрген Шток"'))
  }, lines))
  writeFileSync(kk, original)
  const three = NINE_LOCALES.filter((locale) => locales.includes(locale))
  rows.push(...measure({ label: `a9. cold build, ${three.join(' ')}, ${three.length * 3} editions (npm)`, runs: RUNS, cwd: project, before: cold(project), command: npm('build', '--', '--locale', three.join(',')), editions: three.length * 3 }, lines))
  rows.push(...measure({ label: `n. cold build, ${editions} editions (node bin/press.mjs)`, runs: RUNS, cwd: project, before: cold(project), command: press(), editions }, lines))
  rows.push(...measure({ label: `p. cold build, the ${locales.length} PDFs (node bin/press.mjs)`, runs: RUNS, cwd: project, before: cold(project), command: press('--format', 'pdf'), editions: locales.length }, lines))
  rows.push(...measure({ label: `n0. first build, ${editions} editions, no .cache/ (node bin/press.mjs)`, runs: RUNS, cwd: project, before: fresh(project), command: press(), editions }, lines))
  rows.push(...measure({ label: `p0. first build, the ${locales.length} PDFs, no .cache/ (node bin/press.mjs)`, runs: RUNS, cwd: project, before: fresh(project), command: press('--format', 'pdf'), editions: locales.length }, lines))

  // Typst sets the same translated texts in the same npm fonts, in one process; writing its markup is not timed.
  const typst = scratchDir('press-typst-')
  const jobs = [...await translatedTrees(project, 'interview')].map(([locale, edition]) => {
    writeFileSync(path.join(typst, `${locale}.typ`), toTypst(locale, edition))
    return { source: path.join(typst, `${locale}.typ`), pdf: path.join(typst, `${locale}.pdf`) }
  })
  writeFileSync(path.join(typst, 'jobs.json'), JSON.stringify(typstJobs(jobs)))
  rows.push(...measure({ label: `t. Typst, the same ${jobs.length} PDFs (one process)`, runs: RUNS, cwd: typst, command: (line) => [line!.node, TYPST_COMPILE, 'jobs.json'], editions: jobs.length }, lines))

  const paragraphs = Object.values((JSON.parse(readFileSync(path.join(REPO, 'locales/en/interview.json'), 'utf8')) as { p: Record<string, string> }).p)
  const book = makeBook(paragraphs)
  const bookProject = scratchProject({ 'content/book.md': book, 'locales/en/ui.json': readFileSync(path.join(REPO, 'locales/en/ui.json'), 'utf8') })
  const words = book.split(/\s+/).length
  const bookLabel = `d. book (${words.toLocaleString('en')} words, 100 chapters), en, 3 formats (npm)`
  rows.push(...measure({ label: `${bookLabel}, first build`, runs: RUNS, cwd: bookProject, before: fresh(bookProject), command: npm('build', '--', '--locale', 'en'), editions: 3 }, lines))
  // As rows a, n and p: the book's words rebuilt, the code's and the characters' caches kept (as after an edit).
  rows.push(...measure({ label: `${bookLabel.replace(/^d\./, 'dc.')}, cold`, runs: RUNS, cwd: bookProject, before: cold(bookProject), command: npm('build', '--', '--locale', 'en'), editions: 3 }, lines))

  if (spawnSync('pandoc', ['--version']).status !== 0 || spawnSync('weasyprint', ['--version']).status !== 0) {
    throw new Error('pandoc and weasyprint are the comparison: apt-get install -y pandoc weasyprint')
  }
  const work = scratchDir('press-pandoc-')
  const sources = await translatedMarkdown(project, 'interview')
  const script: string[] = []
  for (const [locale, markdown] of sources) {
    writeFileSync(path.join(work, `${locale}.md`), markdown)
    script.push(`pandoc -s ${locale}.md -o ${locale}.html`, `pandoc ${locale}.md -o ${locale}.epub`, `pandoc ${locale}.md --pdf-engine=weasyprint -o ${locale}.pdf`)
  }
  writeFileSync(path.join(work, 'book.md'), book)
  const shell = (commands: string[]) => () => ['sh', '-c', commands.join(' && ')]
  const nine = script.filter((line) => NINE_LOCALES.some((locale) => line.includes(` ${locale}.md `)))
  rows.push(...measure({ label: `f. pandoc + WeasyPrint, the same ${sources.size * 3} editions`, runs: RUNS, cwd: work, command: shell(script), editions: sources.size * 3 }, [undefined]))
  rows.push(...measure({ label: `f9. pandoc + WeasyPrint, the same ${nine.length} editions`, runs: RUNS, cwd: work, command: shell(nine), editions: nine.length }, [undefined]))
  rows.push(...measure({ label: 'fp. pandoc + WeasyPrint, the same PDFs', runs: RUNS, cwd: work, command: shell(script.filter((line) => line.includes('weasyprint'))), editions: sources.size }, [undefined]))
  rows.push(...measure({ label: 'fd. pandoc + WeasyPrint, book, 3 formats', runs: RUNS, cwd: work, editions: 3, command: shell(['pandoc -s book.md -o book.html', 'pandoc book.md -o book.epub', 'pandoc book.md --pdf-engine=weasyprint -o book.pdf']) }, [undefined]))
  const text = report(rows, lines, RUNS)
  console.log(text.markdown)
  writeFileSync(path.join(REPO, 'bench/results.json'), JSON.stringify({ machine: text.machine, runs: RUNS, rows }, null, 2) + '\n')
}

await main()
