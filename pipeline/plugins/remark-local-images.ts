/**
 * Resolves image paths against the document's folder and keeps only images
 * that are files inside the content folder. A URL or a path that leaves
 * content/ is removed with a message: editions embed what the repo holds and
 * never fetch or read anything else.
 */
import { realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Image, Root } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { warn } from '../messages.ts'
import { inspectImage } from '../content/inspect-image.ts'
import { isBelow } from '../inside.ts'

export interface Options {
  /** Absolute path of the content folder. */
  contentDir: string
}

/** What HTML, EPUB and PDF all embed: the only files in content/ besides documents that an edition can show. */
export const IMAGE_EXTENSIONS: ReadonlySet<string> = new Set(['.png', '.jpg', '.jpeg'])

export function resolveLocalImages(tree: Root, file: VFile, options: Options): void {
  const base = path.dirname(file.path)
  visit(tree, 'image', (node: Image, index, parent) => {
    const problem = check(node.url, base, options.contentDir)
    if (typeof problem === 'string') {
      warn(file, 'image-path', problem, { place: node.position, source: 'remark-local-images' })
      if (parent && index !== undefined) {
        // Keep the alt text readable where the image would have been.
        parent.children.splice(index, 1, ...(node.alt ? [{ type: 'text' as const, value: node.alt }] : []))
        return [SKIP, index]
      }
      return undefined
    }
    node.data = { ...node.data, localPath: problem.path }
    return undefined
  })
}

function check(url: string, base: string, contentDir: string): string | { path: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    return `Unexpected image URL \`${url}\`, expected a file inside content/ (editions never fetch from the network)`
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(url)
  } catch {
    return `Unexpected image path \`${url}\`, expected a valid path`
  }
  const resolved = path.resolve(base, decoded)
  if (!isBelow(contentDir, resolved)) {
    return `Unexpected image path \`${url}\` outside content/, expected a file inside content/`
  }
  if (!IMAGE_EXTENSIONS.has(path.extname(resolved).toLowerCase())) {
    return `Unexpected image type \`${path.extname(resolved)}\` for \`${url}\`, expected PNG or JPEG (what HTML, EPUB and PDF all embed)`
  }
  let real: string
  try {
    if (!statSync(resolved).isFile()) return `Unexpected folder \`${url}\`, expected an image file`
    // A symbolic link inside content/ may point anywhere: what counts is where the bytes are.
    real = realpathSync(resolved)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') return `Unexpected link loop at image \`${url}\` (${path.relative(process.cwd(), resolved)}), expected an image file: fix or delete the link`
    return `Cannot find image \`${url}\` (looked for ${path.relative(process.cwd(), resolved)}${code === 'ENOENT' ? '' : `: ${code}`})`
  }
  if (!isBelow(realpathSync(contentDir), real)) {
    return `Unexpected image \`${url}\` linking outside content/, expected a file inside content/`
  }
  const facts = inspectImage(real, url)
  if (typeof facts === 'string') return facts
  return { path: real }
}

export default function remarkLocalImages(options: Options) {
  return (tree: Root, file: VFile) => resolveLocalImages(tree, file, options)
}
