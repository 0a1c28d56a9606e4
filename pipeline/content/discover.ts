/**
 * Which files of content/ are documents. Editors leave lock files (Emacs's
 * `.#name.md`, a dangling link while a buffer is unsaved), swap and backup
 * files and macOS `._name` forks beside the real ones: those are ignored.
 * A link that is broken, loops or leads outside content/ is skipped with a
 * warning naming it, never a crash; so is a document in a subfolder
 * (documents live directly in content/, subfolders hold their images).
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { isWithin } from '../inside.ts'
import { warn } from '../messages.ts'

export interface Discovery {
  /** Document names (`content/<name>.md`), sorted. */
  names: string[]
  /** Files that look like documents but are not built, each with a warning saying why. */
  skipped: VFile[]
}

/** Swap, backup, lock and temporary files editors and file managers leave beside the real one. */
export function isEditorLitter(file: string): boolean {
  const name = path.basename(file)
  return name.startsWith('.') || name.endsWith('~') || /^#.*#$/.test(name) || /\.(swp|swx|tmp|bak)$/i.test(name) || name === '4913'
}

export async function discoverDocuments(contentDir: string): Promise<Discovery> {
  const names: string[] = []
  const skipped: VFile[] = []
  const skip = (file: string, reason: string) => {
    const warning = new VFile({ path: file })
    warn(warning, 'content-file', `${reason}: not built`, { source: 'discover' })
    skipped.push(warning)
  }
  const realContent = await realpath(contentDir).catch(() => undefined)
  if (!realContent) return { names, skipped }
  const visited = new Set<string>([realContent])

  const walk = async (dir: string, nested: boolean): Promise<void> => {
    let entries: string[]
    try {
      entries = (await readdir(dir)).sort()
    } catch (error) {
      return skip(dir, `Cannot read the folder (${codeOf(error)})`)
    }
    for (const name of entries) {
      if (isEditorLitter(name)) continue
      const file = path.join(dir, name)
      const isDocument = name.toLowerCase().endsWith('.md')
      const target = await followLink(file, realContent)
      if (typeof target === 'string') {
        if (isDocument) skip(file, target)
        continue
      }
      if (target.directory) {
        if (visited.has(target.real)) continue
        visited.add(target.real)
        await walk(file, true)
      } else if (isDocument && target.file) {
        if (nested) skip(file, `Unexpected document in a subfolder of content/, expected documents directly in content/ (subfolders hold images); move it up to build it`)
        else names.push(name.slice(0, -3))
      }
    }
  }
  await walk(contentDir, false)
  return { names: names.sort(), skipped }
}

/** What a directory entry is once links are followed, or why it cannot be used. */
async function followLink(file: string, realContent: string): Promise<{ real: string; directory: boolean; file: boolean } | string> {
  try {
    const own = await lstat(file)
    if (!own.isSymbolicLink()) return { real: file, directory: own.isDirectory(), file: own.isFile() }
    const real = await realpath(file)
    if (!isWithin(realContent, real)) {
      return `Unexpected link leading outside content/ (to ${real}), expected a file inside content/`
    }
    const target = await stat(real)
    return { real, directory: target.isDirectory(), file: target.isFile() }
  } catch (error) {
    const code = codeOf(error)
    if (code === 'ENOENT') return 'Unexpected broken link (its target does not exist), expected a file: fix or delete the link'
    if (code === 'ELOOP') return 'Unexpected link loop (the link leads back to itself), expected a file: fix or delete the link'
    return `Cannot read the file (${code}): check its permissions`
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error)
}
