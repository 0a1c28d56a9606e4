/**
 * The background renderer's thread: EPUB and PDF through the build's own
 * writeEdition. It keeps its modules, fonts and templates warm between jobs.
 */
import { parentPort } from 'node:worker_threads'
import { VFile } from 'vfile'
import { writeEdition } from '../write-edition.ts'
import { sourceDate } from '../output/source-date.ts'
import type { PreparedEdition } from '../prepare-edition.ts'
import { sameBytesPublisher } from '../output/publish.ts'
import { createProject } from '../project.ts'
import { forgetTemplates, template } from '../render/templates.ts'
import { FORMATS } from '../types.ts'
import { chosenFonts, useFonts } from '../render/pdf/font-choice.ts'
import type { FormatResult, RenderJob, RenderReply } from './background.ts'

// The preview's configuration: the fonts PRESS_FONTS names, as the build takes them.
useFonts(chosenFonts(process.env.PRESS_FONTS))

let templates = 0
const dates = new Map<string, Date>()

async function run(job: RenderJob): Promise<RenderReply> {
  const { sourcePath, fileData, hast } = job.edition
  if (job.templates !== templates) {
    forgetTemplates()
    templates = job.templates
  }
  const edition: PreparedEdition = { hast, file: new VFile({ path: sourcePath, data: fileData }) }
  const project = createProject(job.root, job.outDir)
  if (!dates.has(sourcePath)) dates.set(sourcePath, sourceDate([sourcePath], project.cacheDir))
  const context = { css: template('edition.css'), modified: dates.get(sourcePath)!, formats: FORMATS, project, output: sameBytesPublisher(project.outputDir) }
  const results: FormatResult[] = []
  for (const format of job.formats) {
    const started = performance.now()
    try {
      const entry = await writeEdition(format, edition, context)
      results.push({ format, ok: true, bytes: entry.bytes, milliseconds: performance.now() - started })
    } catch (error) {
      results.push({ format, ok: false, reason: error instanceof Error ? error.message : String(error) })
    }
  }
  return { doc: job.id.doc, locale: job.id.locale, results }
}

parentPort?.on('message', (job: RenderJob) => {
  run(job).then(
    (reply) => parentPort?.postMessage(reply),
    (error: unknown) => parentPort?.postMessage({
      doc: job.id.doc, locale: job.id.locale,
      results: job.formats.map((format) => ({ format, ok: false, reason: error instanceof Error ? error.message : String(error) }))
    } satisfies RenderReply)
  )
})
