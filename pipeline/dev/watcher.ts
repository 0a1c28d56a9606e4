/**
 * Watches content/, locales/ and the templates with chokidar, and hands on
 * the events of one save as one batch: an editor's save is often several
 * events (truncate, write, rename) within a few milliseconds.
 */
import path from 'node:path'
import { watch, type FSWatcher } from 'chokidar'
import { isEditorLitter } from '../content/discover.ts'
import type { FileEvent, WatchEvent } from './changes.ts'

export interface Watcher {
  close(): Promise<void>
}

/** Quiet time that ends a batch; short, because it is part of save-to-visible time. */
const SETTLE_MS = 12

export async function watchFiles(dirs: string[], onBatch: (events: FileEvent[]) => void, onError: (error: unknown) => void): Promise<Watcher> {
  const watcher: FSWatcher = watch(dirs, { ignoreInitial: true, ignored: isEditorLitter })
  let batch: FileEvent[] = []
  let timer: NodeJS.Timeout | undefined
  watcher.on('all', (event, file) => {
    batch.push({ event: event as WatchEvent, file: path.resolve(file) })
    clearTimeout(timer)
    timer = setTimeout(() => {
      const events = batch
      batch = []
      onBatch(events)
    }, SETTLE_MS)
  })
  watcher.on('error', onError)
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    close: async () => {
      clearTimeout(timer)
      await watcher.close()
    }
  }
}

/** Swap, backup and temporary files editors leave beside the real one (content/discover.ts ignores them too). */
export { isEditorLitter }
