/**
 * The live preview wired together: session, server, watcher and background
 * renderer. Saves are handled one batch at a time: the HTML of each affected
 * edition first (pages open in a browser before the others), each announced
 * to its open pages as soon as it is written; EPUB and PDF follow in the
 * background. Nothing a save contains can stop the server: a file that
 * cannot be read is a problem shown in the page and the terminal.
 */
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { editionPath, planRebuild, viewedFirst, type EditionId, type FileEvent } from './changes.ts'
import { startBackground, snapshotOf, type RenderJob, type RenderReply } from './background.ts'
import { createEventHub } from './events.ts'
import { recordedStatus, writePreviewStatus, type StatusSource } from './outdated.ts'
import { startServer } from './server.ts'
import { applyPlan, catalogLookup, documentLookup, openSession, renderEdition, renderPreviewIndex, type Session } from './session.ts'
import { describeProblem } from '../report.ts'
import { watchFiles } from './watcher.ts'
import { loadSources } from '../translation/sources.ts'

export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url))

export interface PreviewOptions {
  root: string
  /** Asked-for port; a free one is used when it is taken. 0: any free port. */
  port: number
  /** The preview folder, relative to root. */
  outDir?: string
  /** Where outdated translations are known from; default: the project's translation records. */
  status?: StatusSource
  log?: (line: string) => void
  warn?: (line: string) => void
}

export interface Preview {
  url: string
  close(): Promise<void>
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const log = options.log ?? ((line: string) => console.log(line))
  const warn = options.warn ?? ((line: string) => console.error(line))
  const outDir = options.outDir ?? '.cache/preview'
  // Pages of documents or languages removed since the last run must not be served.
  await rm(path.resolve(options.root, outDir), { recursive: true, force: true })
  let session = await openSession(options.root, outDir, options.status ?? recordedStatus)
  const hub = createEventHub(randomUUID().slice(0, 8))
  let templates = 0
  let reported = new Map<string, string>()

  const background = startBackground(
    (job: RenderJob) => hub.send('formats', { path: editionPath(job.id), text: 'EPUB, PDF: updating…' }),
    (reply: RenderReply) => {
      const failed = reply.results.filter((result) => !result.ok)
      for (const result of failed) if (!result.ok) warn(`error ${reply.locale}/${reply.doc}.${result.format}: ${result.reason}`)
      const done = reply.results.flatMap((result) => (result.ok ? [`${reply.locale}/${reply.doc}.${result.format} ${Math.round(result.milliseconds)} ms`] : []))
      if (done.length > 0) log(`  ${done.join(', ')} (background)`)
      const text = failed.length === 0 ? 'EPUB, PDF: up to date' : `${failed.map((result) => result.format.toUpperCase()).join(', ')}: failed (see terminal)`
      hub.send('formats', { path: editionPath(reply), text })
    }
  )

  /** Tell the terminal what broke or got fixed since last time, and every open page the whole list. */
  const reportProblems = () => {
    const now = new Map([...session.problems].map(([id, problem]) => [id, describeProblem(problem)]))
    for (const [id, text] of now) if (reported.get(id) !== text) warn(`error ${text}`)
    for (const [id, text] of reported) if (!now.has(id)) log(`fixed ${text.split(':')[0]}`)
    if (now.size !== reported.size || [...now].some(([id, text]) => reported.get(id) !== text)) hub.send('problems', [...session.problems.values()])
    reported = now
  }

  const renderEditions = async (ids: EditionId[]) => {
    reportProblems()
    // The translation status, computed once for the whole batch: it flags outdated segments and fills status.html.
    const sources = await loadSources(session.project, session.known.docs, documentLookup(session), catalogLookup(session)).catch(() => undefined)
    const status = await session.status(session.project, sources, catalogLookup(session)).catch(() => undefined)
    for (const id of ids) {
      const outcome = await renderEdition(session, id, status)
      if ('skipped' in outcome) continue
      log(`  ${outcome.path.slice(1)} ${Math.round(outcome.milliseconds)} ms${outcome.missing > 0 ? ` · ${outcome.missing} missing` : ''}`)
      hub.send('change', { paths: [outcome.path] })
      background.enqueue({
        root: session.project.root, outDir, id, edition: snapshotOf(outcome.edition), formats: ['epub', 'pdf'], templates
      })
    }
    await renderPreviewIndex(session)
    await writePreviewStatus(session.project, status).catch((error: unknown) => warn(`error writing status.html: ${error instanceof Error ? error.message : String(error)}`))
    hub.send('change', { paths: ['/index.html', '/status.html'] })
    reportProblems()
  }

  const rebuild = async (events: FileEvent[]) => {
    const plan = planRebuild(events, session.project, TEMPLATES_DIR, session.known)
    if (plan.templates) templates++
    session = await applyPlan(session, plan)
    await renderEditions(plan.reload ? everyEdition(session) : viewedFirst(plan.editions, hub.viewed()))
  }

  // One batch at a time; events that arrive meanwhile make the next batch.
  let pending: FileEvent[] = []
  // biome-ignore lint/correctness/noUnusedVariables: read by `running ??= drain()`, which Biome counts as a write only
  let running: Promise<void> | undefined
  const drain = async () => {
    while (pending.length > 0) {
      const batch = pending
      pending = []
      await rebuild(batch).catch((error: unknown) => warn(`error ${error instanceof Error ? error.stack ?? error.message : String(error)}`))
    }
    running = undefined
  }

  await renderEditions(everyEdition(session))
  const server = await startServer(session.project.outputDir, hub, options.port, (pathname) => isCurrentEdition(pathname, session))
  const watcher = await watchFiles(
    [session.project.contentDir, session.project.localesDir, TEMPLATES_DIR],
    (events) => {
      pending.push(...events)
      running ??= drain()
    },
    (error) => warn(`error watching files: ${error instanceof Error ? error.message : String(error)}`)
  )

  return {
    url: server.url,
    async close() {
      await watcher.close()
      hub.close()
      await server.close()
      await background.close()
    }
  }
}

/** `/<locale>/<doc>.<format>` of a locale and document the session knows now; any other path is not an edition. */
function isCurrentEdition(pathname: string, session: Session): boolean {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return true // not a path at all: the server refuses it as such
  }
  const match = /^\/([^/]+)\/([^/]+)\.(html|epub|pdf)$/.exec(decoded)
  return !match || (session.known.locales.includes(match[1]!) && session.known.docs.includes(match[2]!))
}

function everyEdition(session: Session): EditionId[] {
  return session.known.docs.flatMap((doc) => session.known.locales.map((locale) => ({ doc, locale })))
}
