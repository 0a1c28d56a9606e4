/**
 * Fonts no page uses any more. Pages' font subsets are named by content, so
 * every change of a page's characters publishes new files under fonts/ and
 * leaves the old ones behind. At the end of a build, once every page it
 * makes is in place, the subsets that no page in the folder links are
 * removed, with the licence of a family none is left of.
 *
 * What the pages link is read from the pages on disk, not from what this
 * build made: a page another build (another language, another shard into the
 * same folder) or a failed edition left in place keeps its fonts. Builds into
 * a folder take turns (output/lock.ts), so no page can arrive meanwhile.
 */
import type { Dirent } from 'node:fs'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Publisher } from './publish.ts'
import { TEMPORARY_DIR } from './write-atomic.ts'

export const FONTS_DIR = 'fonts'

/** A subset as web-fonts.ts names it: `NotoSerif-700i-3f2a9c1b0d4e.woff2`. */
const SUBSET = /^([A-Za-z0-9]+)-\d+i?-[0-9a-f]{12}\.(?:woff2|ttf)$/
/** Its family's licence: `OFL-NotoSerif.txt`. */
const LICENCE = /^OFL-([A-Za-z0-9]+)\.txt$/
/** A link into fonts/ from a page's @font-face rules (`../fonts/…` from a language's folder). */
const LINK = /fonts\/([^"'()\s\\?#]+)/g

/** The names under fonts/ a page's text links. */
export function linkedFonts(pages: Iterable<string>): Set<string> {
  const linked = new Set<string>()
  for (const page of pages) for (const match of page.matchAll(LINK)) linked.add(match[1]!)
  return linked
}

/**
 * Of the files in fonts/ (`names`), those to remove: subsets no page links,
 * and licences of families with no subset left. Anything else is kept.
 */
export function unusedFonts(names: readonly string[], linked: ReadonlySet<string>): string[] {
  const unused = names.filter((name) => SUBSET.test(name) && !linked.has(name))
  const kept = new Set(names.filter((name) => SUBSET.test(name) && linked.has(name)).map((name) => SUBSET.exec(name)![1]!))
  const licences = names.filter((name) => LICENCE.test(name) && !kept.has(LICENCE.exec(name)![1]!))
  return [...unused, ...licences]
}

/** A folder entry as what it is or points to: a user may link a language's folder (or a page) from elsewhere. */
async function kindOf(dir: string, entry: Dirent): Promise<'file' | 'folder' | undefined> {
  if (entry.isSymbolicLink()) {
    const target = await stat(path.join(dir, entry.name)).catch(() => undefined)
    return target?.isDirectory() ? 'folder' : target?.isFile() ? 'file' : undefined
  }
  return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined
}

/** Every HTML page in the output folder: index and status pages at the top, editions' pages one folder down. */
async function pagesIn(outputDir: string): Promise<string[]> {
  const pages: string[] = []
  for (const entry of await readdir(outputDir, { withFileTypes: true })) {
    const kind = await kindOf(outputDir, entry)
    if (kind === 'file' && entry.name.endsWith('.html')) pages.push(path.join(outputDir, entry.name))
    if (kind !== 'folder' || entry.name === FONTS_DIR || entry.name === TEMPORARY_DIR) continue
    const folder = path.join(outputDir, entry.name)
    for (const file of await readdir(folder, { withFileTypes: true })) {
      if (file.name.endsWith('.html') && (await kindOf(folder, file)) === 'file') pages.push(path.join(folder, file.name))
    }
  }
  return pages
}

/**
 * Remove the font files no page in the folder links: one the manifest lists
 * through the publisher (its entry first, so the manifest stays true), one it
 * does not (a build killed between the rename and the manifest) directly.
 * Returns the removed paths, relative to the output folder.
 */
export async function removeUnusedFonts(outputDir: string, output: Publisher): Promise<string[]> {
  const listed = new Set(output.files().map((file) => file.path).filter((file) => path.posix.dirname(file) === FONTS_DIR))
  const onDisk = await readdir(path.join(outputDir, FONTS_DIR)).catch(() => [] as string[])
  const names = [...new Set([...onDisk, ...[...listed].map((file) => path.posix.basename(file))])]
  let linked: Set<string>
  try {
    linked = linkedFonts(await Promise.all((await pagesIn(outputDir)).map((page) => readFile(page, 'utf8'))))
  } catch {
    return [] // a page that cannot be read may link any of them: all are kept
  }
  const removed: string[] = []
  for (const name of unusedFonts(names, linked)) {
    const relative = `${FONTS_DIR}/${name}`
    if (listed.has(relative)) await output.retract(relative)
    else await rm(path.join(outputDir, relative), { force: true })
    removed.push(relative)
  }
  return removed
}
