/**
 * `npm run build:all` / `npm run build -- --locale kk --format pdf --out DIR`
 * argv → (nothing changed? say so) → build → report → exit code.
 * The build and its libraries load only when something is to be built.
 */
import { parseArgs } from 'node:util'
import { confineOutput } from './output/confine.ts'
import { releaseHeldLocksSync } from './output/lock.ts'
import { exitCodeOf, onStop } from './stop-signals.ts'
import { buildKey, recordBuild, upToDate } from './output/up-to-date.ts'
import { createProject } from './project.ts'
import { reportFailure, UsageError } from './report.ts'
import { parseShard } from './shard.ts'
import type { Format } from './types.ts'
import { endQuietlyWhenOutputCloses } from './closed-output.ts'

const USAGE = `Usage: node bin/press.mjs [build] [options] (npm run build -- [options]), or node bin/press.mjs merge-manifests SHARD/manifest.json… [--out FILE]
Commands:
  build                     build the editions (the command when none is given)
  merge-manifests           join the manifests of shards into one (npm run merge-manifests -- --help)
Options of build:
  --locale kk,ru            only these languages (repeatable; default: every one in locales/)
  --format html,epub,pdf    only these formats (repeatable; default: all three)
  --doc interview           only these documents of content/ (repeatable; default: all)
  --out DIR                 write the editions to DIR (default: output)
  --strict                  refuse an edition with a fallback or an outdated translation
  --force                   build again even if nothing changed
  --shard i/n               build the i-th of n shares of the jobs (join them with merge-manifests)
  --quiet                   no progress lines
  -h, --help                print this and exit`

async function main(): Promise<number> {
  // Not performance.now(): that global loads node:perf_hooks, 1-2 ms of the start (so does build.ts).
  const started = process.hrtime.bigint()
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        locale: { type: 'string', multiple: true },
        format: { type: 'string', multiple: true },
        doc: { type: 'string', multiple: true },
        out: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false }
      },
      strict: true,
      allowPositionals: false
    }))
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; --help lists the options`)
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const list = (option: string, items?: string[]) => (items ? listOption(option, items) : undefined)
  const shard = values.shard === undefined ? undefined : parseShard(values.shard)
  const options = {
    out: values.out,
    locales: list('locale', values.locale),
    formats: list('format', values.format) as Format[] | undefined,
    docs: list('doc', values.doc),
    strict: values.strict,
    shard
  }
  const project = createProject(process.cwd(), values.out)
  confineOutput(project)
  const key = buildKey(project, { ...options, out: undefined })
  const previous = values.force ? undefined : await upToDate(project, key)
  if (previous) {
    if (previous.stderr) console.error(previous.stderr)
    console.log(`${previous.stdout}\nNothing changed: all ${previous.editions} editions in ${project.outputDir} are up to date (${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)} s). --force builds them again.`)
    return 0
  }

  const { build } = await import('./build.ts')
  const { formatStatusTable } = await import('./translation/status/format-status.ts')
  const result = await build({ root: process.cwd(), ...options, force: values.force, log: values.quiet ? undefined : (line) => console.log(line) })
  const { formatFailures, formatFiles } = await import('./report.ts')
  const stderr = [await formatFiles(result.files, result.project), ...formatFailures(result.failures)].filter(Boolean).join('\n')
  if (stderr) console.error(stderr)
  const editions = result.written.filter((entry) => entry.document !== null).length
  console.log(
    `${editions} edition${editions === 1 ? '' : 's'} written to ${result.project.outputDir} in ${(result.milliseconds / 1000).toFixed(2)} s` +
    `; ${result.missing} missing translation${result.missing === 1 ? '' : 's'}` +
    (result.failedEditions > 0 ? `; ${result.failedEditions} failed` : '') +
    (result.removed.length > 0 ? `; ${result.removed.length} removed (their sources are gone)` : '') +
    (result.reused > 0 ? ` (${result.reused} unchanged, from the cache)` : '')
  )
  const status = `${formatStatusTable(result.status)}\n(details: ${result.project.outputDir}/status.html)`
  console.log(`\n${status}`)
  if (result.failures.length > 0) return 1
  await recordBuild(project, { key, stderr, stdout: status, editions, files: result.written.map((entry) => ({ path: entry.path, sha256: entry.sha256 })) })
  return 0
}

/**
 * `--locale kk,ru --locale zh`: comma-separated and repeatable. An empty item
 * (`--locale ,`, `kk,,ru`) is a mistake, not "everything"; a repeated one is
 * built once, with a note.
 */
function listOption(option: string, items: readonly string[]): string[] {
  const all = items.flatMap((item) => item.split(',')).map((item) => item.trim())
  if (all.some((item) => item === '')) {
    throw new UsageError(`Unexpected empty item in --${option} ${JSON.stringify(items.join(','))}, expected names separated by single commas, such as --${option} ${option === 'format' ? 'html,pdf' : option === 'doc' ? 'interview' : 'kk,ru'}`)
  }
  const unique = [...new Set(all)]
  const repeated = unique.filter((item) => all.indexOf(item) !== all.lastIndexOf(item))
  if (repeated.length > 0) console.error(`note: --${option} names ${repeated.join(', ')} more than once; each is built once`)
  return unique
}


endQuietlyWhenOutputCloses()
// Stopped part-way: files already written are whole (each is renamed into place), the manifest lists only
// those, and the lock goes with the process; temporary files are removed by the next build.
onStop((reason) => {
  releaseHeldLocksSync()
  console.error(`Build stopped (${reason}): the files written so far are whole; the next build completes the rest.`)
  process.exit(exitCodeOf(reason))
})
main().then(
  (code) => { process.exitCode = code },
  (error: unknown) => { process.exitCode = reportFailure(error) }
)
