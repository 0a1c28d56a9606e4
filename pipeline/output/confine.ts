/**
 * Where a build may write. The output folder is replaced file by file and
 * pruned of editions whose sources are gone, so it must be a folder this
 * tool owns: a new path, an empty folder, or one an earlier build marked
 * (its marker file, or a manifest this tool wrote). It is never the file
 * system's root, the home folder, the project itself, or a folder of
 * sources, dependencies or history. Anything else is a usage error (exit 2).
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { isBelow, isWithin, pathInside } from '../inside.ts'
import type { Project } from '../project.ts'
import { UsageError } from '../report.ts'
import { MANIFEST } from './manifest.ts'

/** Written into every output folder a build opens: the folder is this tool's to replace. */
export const OUTPUT_MARKER = '.polyglot-press'
export const MARKER_TEXT = 'This folder is written by polyglot-press (npm run build): its files are replaced and pruned by each build.\n'

/** Folders of the project that hold sources, dependencies, history or caches: never an output. */
const PROTECTED = ['content', 'locales', 'pipeline', 'node_modules', '.git', '.cache']

export function confineOutput(project: Project): void {
  const out = realish(project.outputDir)
  const root = realish(project.root)
  const refuse = (why: string) => {
    throw new UsageError(`Unexpected --out ${shown(project)}: ${why}; expected a new folder, an empty one, or one an earlier build wrote`)
  }
  if (out === path.parse(out).root) refuse('it is the root of the file system')
  if (out === realish(homedir())) refuse('it is your home folder')
  if (out === root) refuse('it is the project folder itself')
  for (const name of PROTECTED) {
    const dir = realish(path.join(project.root, name))
    if (isWithin(dir, out)) refuse(`it is inside ${name}/, which holds ${name === '.cache' ? 'caches' : 'sources or tools'}`)
  }
  if (isBelow(out, root)) refuse('it holds the project')
  let stats: ReturnType<typeof statSync>
  try {
    stats = statSync(out, { throwIfNoEntry: false })
  } catch (error) {
    // `--out notes.txt/site`: a file stands where a folder of the path should be.
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') refuse('a file stands in its path where a folder should be')
    throw error
  }
  if (!stats) return
  if (!stats.isDirectory()) refuse('it is a file, not a folder')
  if (!ownedOrEmpty(out)) refuse(`it is a folder with other files in it (no ${OUTPUT_MARKER} or ${MANIFEST} of this tool)`)
}

function ownedOrEmpty(dir: string): boolean {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return true // unreadable: opening it names the file and the reason
  }
  // A fresh clone's output/ holds only the placeholder that lets git keep the folder.
  if (names.every((name) => name === '.gitkeep') || names.includes(OUTPUT_MARKER)) return true
  if (!names.includes(MANIFEST)) return false
  try {
    return (JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as { generator?: unknown }).generator === 'polyglot-press'
  } catch {
    return false
  }
}

/** The real path of `file`: symbolic links of its existing part resolved, the rest appended. */
function realish(file: string): string {
  const missing: string[] = []
  let existing = path.resolve(file)
  while (!existsSync(existing)) {
    const parent = path.dirname(existing)
    if (parent === existing) break
    missing.unshift(path.basename(existing))
    existing = parent
  }
  try {
    existing = realpathSync(existing)
  } catch {
    // A dangling link or an unreadable parent: compare the path as given.
  }
  return path.join(existing, ...missing)
}

function shown(project: Project): string {
  const relative = pathInside(process.cwd(), project.outputDir)
  return relative === '' ? '`.`' : `\`${relative ?? project.outputDir}\``
}
