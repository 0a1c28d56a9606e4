/**
 * Publishing into the output folder: one build at a time (output/lock.ts),
 * leftovers of killed builds removed, every file written atomically, and a
 * manifest that is rewritten (atomically) around every file so that at any
 * instant, even after SIGKILL, it lists only files that exist with those
 * hashes. The manifest is the last file a build writes.
 */
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { lockOutput } from './lock.ts'
import { sameBytes } from './edition-cache.ts'
import { entryFor, MANIFEST, manifestText, readVerifiedManifest, type ManifestEntry } from './manifest.ts'
import { MARKER_TEXT, OUTPUT_MARKER } from './confine.ts'
import { createFolder, describeOsError } from './os-error.ts'
import { removeStaleTemporaries, TEMPORARY_DIR, writeAtomic } from './write-atomic.ts'

/** What publishing a file takes: the build's publisher and the preview's alike. */
export interface Publish {
  /** Write one file atomically, unless the folder already holds these bytes (its date stays, and so do watchers and syncs). */
  publish: (relative: string, data: string | Uint8Array, document: string | null, locale: string | null, format: string) => Promise<ManifestEntry>
  /** Entries published so far, in order (a font or an image is published once). */
  written: ManifestEntry[]
}

/** The build's publisher: one build at a time, and a manifest true at every instant. */
export interface Publisher extends Publish {
  /** Every file the folder holds now, as the manifest lists it: earlier builds' and this one's. */
  files: () => ManifestEntry[]
  /** Remove a file the manifest lists (and only such a file): its entry first, then the file. */
  retract: (relative: string) => Promise<void>
  /** Write the final manifest and let the next build in. */
  close: () => Promise<void>
  [Symbol.asyncDispose]: () => Promise<void>
}

export interface OpenOptions {
  log?: (line: string) => void
}

export async function openOutput(outputDir: string, options: OpenOptions = {}): Promise<Publisher> {
  await createFolder(outputDir)
  // The folder is this tool's from now on: a later build may replace and prune it (output/confine.ts).
  await writeFile(path.join(outputDir, OUTPUT_MARKER), MARKER_TEXT, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw describeOsError(error, path.join(outputDir, OUTPUT_MARKER), 'write')
  })
  const temporaryDir = path.join(outputDir, TEMPORARY_DIR)
  const lock = await lockOutput(outputDir, {
    onWait: (holder) => options.log?.(`  waiting for another build (process ${holder}) writing to ${outputDir}`)
  })
  try {
    await removeStaleTemporaries(outputDir)
    const entries = await readVerifiedManifest(outputDir)
    // Rewritten around every file without a flush (it is verified when read); the last one is flushed.
    const saveManifest = (sync = false) => writeAtomic(path.join(outputDir, MANIFEST), manifestText(entries.values()), { sync, temporaryDir })
    await saveManifest()
    const written: ManifestEntry[] = []
    // The lock is released even when the last manifest cannot be written: the one on disk is still true.
    const close = async () => {
      try {
        await saveManifest(true)
      } finally {
        await lock.release()
      }
    }
    return {
      close,
      [Symbol.asyncDispose]: close,
      written,
      files: () => [...entries.values()],
      async publish(relative, data, document, locale, format) {
        const entry = entryFor(relative, data, document, locale, format)
        if (JSON.stringify(entries.get(relative)) === JSON.stringify(entry) && (await sameBytes(path.join(outputDir, relative), entry.sha256))) {
          written.push(entry)
          return entry
        }
        // Forget the old file before it is replaced, so no instant lists it with a hash it no longer has.
        const previous = entries.get(relative)
        if (previous && previous.sha256 !== entry.sha256) {
          entries.delete(relative)
          await saveManifest()
        }
        try {
          await writeAtomic(path.join(outputDir, relative), data, { temporaryDir })
        } catch (error) {
          // Not replaced: the previous file is still there, whole, and listed again.
          if (previous) {
            entries.set(relative, previous)
            await saveManifest().catch(() => {})
          }
          throw error
        }
        entries.set(relative, entry)
        written.push(entry)
        await saveManifest()
        return entry
      },
      async retract(relative) {
        if (!entries.delete(relative)) return
        await saveManifest()
        await rm(path.join(outputDir, relative), { force: true })
      }
    }
  } catch (error) {
    await lock.release()
    throw error
  }
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
    async publish(relative, data, document, locale, format) {
      const entry = entryFor(relative, data, document, locale, format)
      const file = path.join(outputDir, relative)
      if (!(await sameBytes(file, entry.sha256))) await writeAtomic(file, data)
      written.push(entry)
      return entry
    }
  }
}
