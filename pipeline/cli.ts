/**
 * `npm run build:all` / `npm run build -- --locale kk --format pdf --out DIR`
 * argv → build → report → exit code.
 */
import { parseArgs } from 'node:util'
import { reporter } from 'vfile-reporter'
import { build, UsageError } from './build.ts'
import { formatFailures, mergeFiles, reportFailure } from './report.ts'
import type { Format } from './types.ts'

const USAGE = `Usage: npm run build -- [--locale kk,ru] [--format html,epub,pdf] [--doc interview] [--out DIR] [--quiet]`

async function main(): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        locale: { type: 'string', multiple: true },
        format: { type: 'string', multiple: true },
        doc: { type: 'string', multiple: true },
        out: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false }
      },
      strict: true,
      allowPositionals: false
    }))
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`)
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const list = (items?: string[]) => items?.flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean)
  const result = await build({
    root: process.cwd(),
    out: values.out,
    locales: list(values.locale),
    formats: list(values.format) as Format[] | undefined,
    docs: list(values.doc),
    log: values.quiet ? undefined : (line) => console.log(line)
  })
  const report = reporter(mergeFiles(result.files, result.project), { quiet: true })
  if (report) console.error(report)
  for (const line of formatFailures(result.failures)) console.error(line)
  const editions = result.written.filter((entry) => entry.document !== null).length
  console.log(
    `${editions} edition${editions === 1 ? '' : 's'} written to ${result.project.outputDir} in ${(result.milliseconds / 1000).toFixed(2)} s` +
    `; ${result.missing} missing translation${result.missing === 1 ? '' : 's'}` +
    (result.failures.length > 0 ? `; ${result.failures.length} failed` : '')
  )
  return result.failures.length > 0 ? 1 : 0
}

main().then(
  (code) => { process.exitCode = code },
  (error: unknown) => { process.exitCode = reportFailure(error) }
)
