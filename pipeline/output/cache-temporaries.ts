/**
 * Temporary files a killed process left in the project's cache. Every cache
 * (covers, font subsets, editions, documents, hyphenation tables, the git
 * dates and build records) writes a file under a temporary name beside it and
 * renames it into place (write-atomic.ts); a SIGKILL between the two leaves
 * the temporary file for good. A build removes those whose writer is gone.
 * The editions' cache, whose entries sit in 256 folders, writes its temporary
 * files into one (editions/.tmp/), so that a build reads ten folders, not 260.
 *
 * Builds into other output folders and the live preview share the cache and
 * may be writing at the same moment: a temporary file is removed only when
 * the process its name carries is no longer running, so no live writer ever
 * loses its file.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { removeDeadWritersFiles, TEMPORARY_DIR } from './write-atomic.ts'

/** Folders in .cache/ that other tools write: npm's (npm run setup:node24) and Node.js's compile cache. */
const NOT_OURS = new Set(['tools', 'compile'])

/** The cache folder, its folders, and their `.tmp/` (where the editions' cache writes: editions/.tmp/). */
export async function removeStaleCacheTemporaries(cacheDir: string): Promise<string[]> {
  const entries = await readdir(cacheDir, { withFileTypes: true }).catch(() => [])
  const folders = entries.filter((entry) => entry.isDirectory() && !NOT_OURS.has(entry.name)).map((entry) => path.join(cacheDir, entry.name))
  return (await Promise.all([cacheDir, ...folders, ...folders.map((folder) => path.join(folder, TEMPORARY_DIR))].map(removeDeadWritersFiles))).flat()
}
