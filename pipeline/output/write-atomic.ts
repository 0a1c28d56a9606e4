/**
 * Every file is written under a temporary name, flushed to disk (unless
 * `sync: false`, below) and renamed into place when complete: a reader (or a
 * crash, a Ctrl-C, a full disk) never sees half a file, and the previous
 * version stays until the new one is whole. The temporary file is made in
 * the folder `temporaryDir` names (the output folder's `.tmp/`, the one
 * place a build's leftovers can be), else beside the target. Temporary names
 * start with a dot and carry the writer's process id.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { open, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { createFolder, describeOsError } from './os-error.ts'
import { mayBeWriting } from '../../bin/processes.mjs'

const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/

export function isTemporary(name: string): boolean {
  return TEMPORARY.test(path.basename(name))
}

export interface WriteOptions {
  /**
   * Flush to disk before the rename (default). Files that are verified when
   * read (the manifest against each file's hash, cache entries against their
   * own) skip it: after a power cut such a file can at worst be damaged, and
   * a damaged one is ignored. A build writes one around every edition, and
   * each flush costs a few milliseconds of waiting.
   */
  sync?: boolean
  /** Where the temporary file is made (on the target's file system); default: beside the target. */
  temporaryDir?: string
}

/** The one folder inside an output folder that holds a build's temporary files. */
export const TEMPORARY_DIR = '.tmp'

export async function writeAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const staged = await stageAtomic(file, data, options)
  await staged.commit()
}

/** A file written whole under its temporary name, waiting to be renamed into place (or discarded). */
export interface Staged {
  /** Rename it into place; if that fails, the temporary file is removed and the target keeps its previous version. */
  commit: () => Promise<void>
  /** Remove the temporary file: the target was never touched. */
  discard: () => Promise<void>
}

/**
 * The first half of writeAtomic: the bytes written and flushed under a
 * temporary name, the target untouched. Splitting it lets a publisher flush
 * one file on the thread pool while the next is being made, and still rename
 * them into place in the order it chooses (output/publish.ts).
 */
export async function stageAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<Staged> {
  const folder = options.temporaryDir ?? path.dirname(file)
  const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const discard = () => rm(temporary, { force: true }).catch(() => {})
  try {
    await createFolder(path.dirname(file))
    if (options.temporaryDir) await createFolder(folder)
    const handle = await open(temporary, 'wx')
    try {
      await handle.writeFile(data)
      if (options.sync !== false) await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    await discard()
    throw describeOsError(error, file, 'write')
  }
  return {
    discard,
    async commit() {
      try {
        await rename(temporary, file)
      } catch (error) {
        await discard()
        throw describeOsError(error, file, 'write')
      }
    }
  }
}

/**
 * A small cache file, written whole under a temporary name beside it, for
 * code that cannot wait (a cache of answers read back with their checks):
 * no flush, and a file that cannot be written only leaves the cache empty.
 */
export function writeAtomicSync(file: string, data: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(temporary, data)
    renameSync(temporary, file)
  } catch {
    rmSync(temporary, { force: true })
  }
}

/**
 * Remove temporary files that builds no longer running left in the output
 * folder `dir`: only the files of its `.tmp/` folder with a temporary name,
 * never anything else, and never a scan of the folder's tree.
 */
export async function removeStaleTemporaries(dir: string): Promise<string[]> {
  return removeDeadWritersFiles(path.join(dir, TEMPORARY_DIR))
}

/**
 * The files of `folder` (not below it) with a temporary name whose writer's
 * process is gone (killed mid-write: a SIGKILL runs no clean-up), or whose
 * process id now belongs to a process started after the file was written. A
 * live writer's file, this process's included, is left alone; so is every
 * other name, and a file changed less than `untouchedForMs` ago.
 */
export async function removeDeadWritersFiles(folder: string, untouchedForMs = 0): Promise<string[]> {
  const removed: string[] = []
  // Names only: a cache folder holds thousands of files, and a name tells a temporary one.
  const names = await readdir(folder).catch(() => [] as string[])
  for (const name of names) {
    const match = TEMPORARY.exec(name)
    if (!match) continue
    const file = path.join(folder, name)
    const changed = await stat(file).then((stats) => stats.mtimeMs, () => undefined)
    if (changed === undefined || Date.now() - changed < untouchedForMs || mayBeWriting(Number(match[1]), changed)) continue
    // A folder with such a name is not a temporary file: rm refuses it.
    if (await rm(file, { force: true }).then(() => true, () => false)) removed.push(file)
  }
  return removed
}
