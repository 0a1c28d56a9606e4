/**
 * EPUB and PDF follow the HTML in the background: one worker thread renders
 * them, so a long PDF never delays the next save's HTML. The queue keeps one
 * job per edition (a newer save replaces a waiting job), and a worker that
 * dies is replaced on the next job.
 */
import type { Root as HastRoot } from 'hast'
import type { Data } from 'vfile'
import { Worker } from 'node:worker_threads'
import type { PreparedEdition } from '../prepare-edition.ts'
import type { Format } from '../types.ts'
import type { EditionId } from './changes.ts'

/** An edition as a worker thread receives it: its tree and its file's data (facts, front matter, terms), plain data. */
export interface EditionSnapshot {
  hast: HastRoot
  sourcePath: string
  fileData: Data
}

export interface RenderJob {
  root: string
  /** The preview folder, relative to root. */
  outDir: string
  id: EditionId
  edition: EditionSnapshot
  formats: Format[]
  /** Bumped when a template changes, so the worker reads templates again. */
  templates: number
}

export type FormatResult =
  | { format: Format; ok: true; bytes: number; milliseconds: number }
  | { format: Format; ok: false; reason: string }

export interface RenderReply {
  doc: string
  locale: string
  results: FormatResult[]
}

export interface Background {
  enqueue(job: RenderJob): void
  close(): Promise<void>
}

export function snapshotOf(edition: PreparedEdition): EditionSnapshot {
  return { hast: edition.hast, sourcePath: String(edition.file.path), fileData: structuredClone(edition.file.data) }
}

export function startBackground(onStart: (job: RenderJob) => void, onDone: (reply: RenderReply) => void): Background {
  const waiting = new Map<string, RenderJob>()
  let worker: Worker | undefined
  let current: RenderJob | undefined
  let closing = false

  const finish = (reply: RenderReply) => {
    if (closing) return
    current = undefined
    onDone(reply)
    next()
  }
  const fail = (failed: Worker, reason: string) => {
    // An 'error' is followed by an 'exit': only the first, and only for the worker in use, fails the job.
    if (failed !== worker || closing) return
    worker = undefined
    const job = current
    if (job) finish({ doc: job.id.doc, locale: job.id.locale, results: job.formats.map((format) => ({ format, ok: false, reason })) })
  }
  const next = () => {
    if (closing || current) return
    const [key, job] = waiting.entries().next().value ?? []
    if (!key || !job) return
    waiting.delete(key)
    current = job
    worker ??= spawn(finish, fail)
    onStart(job)
    worker.postMessage(job)
  }
  return {
    enqueue(job) {
      waiting.set(`${job.id.locale}/${job.id.doc}`, job)
      next()
    },
    async close() {
      closing = true
      waiting.clear()
      await worker?.terminate()
    }
  }
}

function spawn(onReply: (reply: RenderReply) => void, onFailure: (worker: Worker, reason: string) => void): Worker {
  // Workers do not inherit tsx's loader: register it first, then load the TypeScript entry.
  const tsx = import.meta.resolve('tsx/esm/api')
  const entry = new URL('./render-worker.ts', import.meta.url).href
  const code = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}) })`
  const worker = new Worker(code, { eval: true })
  worker.on('message', onReply)
  worker.on('error', (error) => onFailure(worker, `background renderer failed: ${error.message}`))
  worker.on('exit', (code) => onFailure(worker, `background renderer stopped (exit ${code})`))
  return worker
}
