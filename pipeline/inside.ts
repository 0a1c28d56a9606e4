/**
 * Whether a path lies inside a folder: the one containment test behind --out,
 * the manifest's paths, links under content/, local images, the preview's
 * server and its watcher. Paths are compared as given (resolved, not
 * followed): a caller that must see through links passes real paths.
 */
import path from 'node:path'

/** `file`'s path relative to `dir` ('' for `dir` itself), or undefined when it lies outside. */
export function pathInside(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, file)
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? undefined : relative
}

/** `file` is `dir` itself or lies inside it. */
export function isWithin(dir: string, file: string): boolean {
  return pathInside(dir, file) !== undefined
}

/** `file` lies inside `dir` and is not `dir` itself. */
export function isBelow(dir: string, file: string): boolean {
  const relative = pathInside(dir, file)
  return relative !== undefined && relative !== ''
}
