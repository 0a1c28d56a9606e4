/**
 * Publishing into the output folder: one build at a time (output/lock.ts),
 * leftovers of killed builds removed, every file written atomically, and a
 * manifest that is rewritten (atomically) around every file so that at any
 * instant, even after SIGKILL, it lists only files that exist with those
 * hashes. The manifest is the last file a build writes.
 *
 * A publish returns as soon as the file's bytes are on their way: they are
 * written and flushed under a temporary name on the thread pool while the
 * build makes the next edition, and renamed into place one at a time, in
 * the order the files were published (so a page published after its e-book
 * and PDF lands after them), each with its manifest rewrite.
 */
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { lockOutput, type OutputLock } from './lock.ts'
import { sameBytes } from './edition-cache.ts'
import { entryFor, MANIFEST, manifestText, readVerifiedManifest, type ManifestEntry } from './manifest.ts'
import { MARKER_TEXT, OUTPUT_MARKER } from './confine.ts'
import { createFolder, describeOsError } from './os-error.ts'
import { removeStaleTemporaries, stageAtomic, TEMPORARY_DIR, writeAtomic, type Staged } from './write-atomic.ts'

/** What publishing a file takes: the build's publisher and the preview's alike. */
export interface Publish {
  /**
   * Write one file atomically, unless the folder already holds these bytes (its date stays, and so do watchers and syncs).
   * `after`: files this one links; if any of them could not be published, this one is not either (NotPublished).
   */
  publish: (relative: string, data: string | Uint8Array, document: string | null, locale: string | null, format: string, after?: ReadonlyArray<Promise<unknown>>) => Promise<ManifestEntry>
  /** Entries published so far, in order (a font or an image is published once). */
  written: ManifestEntry[]
}

/** The build's publisher: one build at a time, and a manifest true at every instant. */
export interface Publisher extends Publish {
  /** Every file the folder holds now, as the manifest lists it: earlier builds' and this one's. */
  files: () => ManifestEntry[]
  /** Remove a file the manifest lists (and only such a file): its entry first, then the file. */
  retract: (relative: string) => Promise<void>
  /** Write the final manifest and let the next build in; publish and retract throw from then on. */
  close: () => Promise<void>
  [Symbol.asyncDispose]: () => Promise<void>
}

/** A file left unpublished because one it links could not be published (its links must be made again). */
export class NotPublished extends Error {}

export interface OpenOptions {
  log?: (line: string) => void
}

export async function openOutput(outputDir: string, options: OpenOptions = {}): Promise<Publisher> {
  await claimFolder(outputDir)
  const lock = await lockOutput(outputDir, {
    onWait: (holder) => options.log?.(`  waiting for another build (process ${holder}) writing to ${outputDir}`)
  })
  try {
    await removeStaleTemporaries(outputDir)
    const folder = await openManifest(outputDir)
    await folder.saveManifest()
    return publisherOf(folder, lock)
  } catch (error) {
    await lock.release()
    throw error
  }
}

/** The folder is this tool's from now on: a later build may replace and prune it (output/confine.ts). */
async function claimFolder(outputDir: string): Promise<void> {
  await createFolder(outputDir)
  await writeFile(path.join(outputDir, OUTPUT_MARKER), MARKER_TEXT, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw describeOsError(error, path.join(outputDir, OUTPUT_MARKER), 'write')
  })
}

/** An open output folder: what its manifest lists, and every change to both made one at a time. */
interface OpenFolder {
  outputDir: string
  temporaryDir: string
  /** The manifest's entries, as on disk after the last saveManifest. */
  entries: Map<string, ManifestEntry>
  /** Rewritten around every file without a flush (it is verified when read); the last one is flushed. */
  saveManifest: (sync?: boolean) => Promise<void>
  /** Entries published so far, in order. */
  written: ManifestEntry[]
  /** Every change to the folder and the manifest, one at a time, in the order asked. */
  inTurn: <T>(step: () => Promise<T>) => Promise<T>
}

async function openManifest(outputDir: string): Promise<OpenFolder> {
  const temporaryDir = path.join(outputDir, TEMPORARY_DIR)
  const entries = await readVerifiedManifest(outputDir)
  let tail: Promise<unknown> = Promise.resolve()
  return {
    outputDir, temporaryDir, entries, written: [],
    saveManifest: (sync = false) => writeAtomic(path.join(outputDir, MANIFEST), manifestText(entries.values()), { sync, temporaryDir }),
    inTurn: <T>(step: () => Promise<T>): Promise<T> => {
      const turn = tail.then(step)
      tail = turn.catch(() => {})
      return turn
    }
  }
}

/** The build's publisher over an open folder; closing it writes the final manifest and releases the lock. */
function publisherOf(folder: OpenFolder, lock: OutputLock): Publisher {
  const { outputDir, entries, written, inTurn } = folder
  // Files on their way: one published twice (a font two pages use) is written once.
  const coming = new Map<string, { entry: ManifestEntry; done: Promise<ManifestEntry> }>()
  // Once closing, nothing more is written: the lock is released after the final manifest, and another build may hold it.
  let closed = false
  const open = (relative: string) => {
    if (closed) throw new Error(`Unexpected write of ${relative} after the output folder ${outputDir} was closed (a bug: run again with DEBUG=1 to see where, and report it)`)
  }
  // The lock is released even when the last manifest cannot be written: the one on disk is still true.
  const close = async () => {
    closed = true
    try {
      await inTurn(() => folder.saveManifest(true))
    } finally {
      await lock.release()
    }
  }
  return {
    close,
    [Symbol.asyncDispose]: close,
    written,
    files: () => [...entries.values()],
    publish(relative, data, document, locale, format, after = []) {
      open(relative)
      const entry = entryFor(relative, data, document, locale, format)
      const already = coming.get(relative)
      if (already?.entry.sha256 === entry.sha256) return already.done
      const file = path.join(outputDir, relative)
      const listed = JSON.stringify(entries.get(relative)) === JSON.stringify(entry)
      // Started now, on the thread pool; renamed into place in its turn.
      const staged = (async () => (listed && (await sameBytes(file, entry.sha256)) ? null : stageAtomic(file, data, { temporaryDir: folder.temporaryDir })))()
      staged.catch(() => {})
      const done = inTurn(async () => commit(folder, entry, await staged, after))
      coming.set(relative, { entry, done })
      const arrived = () => {
        if (coming.get(relative)?.done === done) coming.delete(relative)
      }
      done.then(arrived, arrived)
      return done
    },
    retract(relative) {
      open(relative)
      return inTurn(async () => {
        if (!entries.delete(relative)) return
        await folder.saveManifest()
        await rm(path.join(outputDir, relative), { force: true })
      })
    }
  }
}

/**
 * A staged file renamed into place with its manifest entry, in its turn, once the files it links are in
 * place (NotPublished if one is not); `staged` null: the folder holds these bytes already.
 */
async function commit(folder: OpenFolder, entry: ManifestEntry, staged: Staged | null, after: ReadonlyArray<Promise<unknown>>): Promise<ManifestEntry> {
  const { entries, written, saveManifest } = folder
  const unpublished = (await Promise.allSettled(after)).find((result) => result.status === 'rejected')
  if (unpublished) {
    await staged?.discard()
    throw new NotPublished(`${entry.path} links a file that could not be published`, { cause: unpublished.reason })
  }
  if (!staged) {
    written.push(entry)
    return entry
  }
  // Forget the old file before it is replaced, so no instant lists it with a hash it no longer has.
  const previous = entries.get(entry.path)
  if (previous && previous.sha256 !== entry.sha256) {
    entries.delete(entry.path)
    await saveManifest()
  }
  try {
    await staged.commit()
  } catch (error) {
    // Not replaced: the previous file is still there, whole, and listed again.
    if (previous) {
      entries.set(entry.path, previous)
      try {
        await saveManifest()
      } catch {
        // The manifest on disk lists neither version: still true.
      }
    }
    throw error
  }
  entries.set(entry.path, entry)
  written.push(entry)
  await saveManifest()
  return entry
}

/**
 * The live preview's publisher: the same atomic writes and the same
 * same-bytes rule, without the build's lock and manifest (the preview folder
 * is the preview's own, emptied when it starts). `written`: what the preview
 * has published already (its images), so they are not published again.
 */
export function sameBytesPublisher(outputDir: string, written: ManifestEntry[] = []): Publish {
  return {
    written,
    async publish(relative, data, document, locale, format, after = []) {
      const entry = entryFor(relative, data, document, locale, format)
      const file = path.join(outputDir, relative)
      await Promise.all(after)
      if (!(await sameBytes(file, entry.sha256))) await writeAtomic(file, data)
      written.push(entry)
      return entry
    }
  }
}
