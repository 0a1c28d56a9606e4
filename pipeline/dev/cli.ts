/**
 * `npm run dev [-- --port 4321]`: the live preview. Prints the URL, rebuilds
 * as files are saved, and stops cleanly on Ctrl-C.
 */
import { parseArgs } from 'node:util'
import { UsageError } from '../report.ts'
import { reportFailure } from '../report.ts'
import { onStop } from '../stop-signals.ts'
import { chosenFonts, useFonts } from '../render/pdf/font-choice.ts'
import { startPreview } from './start-preview.ts'
import { endQuietlyWhenOutputCloses } from '../closed-output.ts'

const USAGE = 'Usage: npm run dev -- [--port 4321]   (a free port is used when that one is taken)'
const DEFAULT_PORT = 4321

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: { port: { type: 'string' }, help: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false
    }))
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`)
  }
  if (values.help) return void console.log(USAGE)
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) {
    throw new UsageError(`Unexpected port \`${values.port}\`, expected a number from 0 to 65535\n${USAGE}`)
  }
  const started = performance.now()
  useFonts(chosenFonts(process.env.PRESS_FONTS))
  const preview = await startPreview({ root: process.cwd(), port })
  console.log(`\nPreview ready in ${Math.round(performance.now() - started)} ms: ${preview.url}`)
  console.log('Watching content/, locales/ and pipeline/templates/. Press Ctrl-C to stop.')
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    preview.close().then(
      () => {
        console.log(`Preview stopped (${signal}).`)
        process.exit(0)
      },
      (error: unknown) => {
        console.error(`error while stopping: ${error instanceof Error ? error.message : String(error)}`)
        process.exit(1)
      }
    )
  }
  onStop(stop)
}


endQuietlyWhenOutputCloses()
main().catch((error: unknown) => {
  process.exitCode = reportFailure(error)
})
