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
 * may be writing at the same moment, and hold no lock on it: a temporary file
 * is removed only when the process its name carries is no longer running AND
 * nothing has changed it for ten minutes. The process id alone cannot tell:
 * a writer in another container (another process-id namespace) sharing the
 * folder carries an id that means nothing here, and a file server's clock
 * may lag ours. No cache write takes minutes; a killed writer's file goes on
 * a later build.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { removeDeadWritersFiles, TEMPORARY_DIR } from './write-atomic.ts'

/**
 * Folders in .cache/ that other tools write: npm's (npm run setup:node24) and Node.js's compile cache (which
 * earlier versions used); and the bundle's code cache, which bin/load-parts.mjs sweeps itself (bin/sweep-code-cache.mjs) (it is the
 * installation's, wherever the project is).
 */
const NOT_OURS = new Set(['tools', 'compile', 'code'])

/** How long a temporary file must have been left unchanged before a build removes it. */
export const UNTOUCHED_FOR_MS = 10 * 60 * 1000

/** The cache folder, its folders, and their `.tmp/` (where the editions' cache writes: editions/.tmp/). */
export async function removeStaleCacheTemporaries(cacheDir: string, untouchedForMs = UNTOUCHED_FOR_MS): Promise<string[]> {
  const entries = await readdir(cacheDir, { withFileTypes: true }).catch(() => [])
  const folders = entries.filter((entry) => entry.isDirectory() && !NOT_OURS.has(entry.name)).map((entry) => path.join(cacheDir, entry.name))
  const swept = [cacheDir, ...folders, ...folders.map((folder) => path.join(folder, TEMPORARY_DIR))]
  return (await Promise.all(swept.map((folder) => removeDeadWritersFiles(folder, untouchedForMs)))).flat()
}
