/**
 * Cover PNGs kept between builds in the project's cache (.cache/covers/),
 * by a key of everything that can change their pixels: the cover's text
 * (and its alt text, which the SVG carries), the font files (path, size and
 * modification time, as the font subsets are keyed), the raster options and
 * the pipeline's code and locked libraries (resvg, fontkit, the line
 * breaker). A cover costs about 0.1 s to measure and rasterise, and the
 * same title in the same language gives the same picture every build.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { pipelineVersion } from '../output/edition-cache.ts'
import { writeAtomic } from '../output/write-atomic.ts'
import type { CoverText } from './epub-cover.ts'
import { PNG_SIGNATURE } from './png.ts'

export interface CoverInputs {
  text: CoverText
  alt: string
  fontFiles: readonly string[]
  /** What resvg is told besides the SVG: the width in pixels, the default family. */
  raster: Record<string, string | number>
}

/** The folder that holds package-lock.json: the pipeline's own installation. */
const INSTALLATION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export function coverKey(inputs: CoverInputs, code = pipelineVersion(INSTALLATION)): string {
  const fonts = inputs.fontFiles.map((file) => {
    const { size, mtimeMs } = statSync(file)
    return { file, size, mtimeMs }
  })
  return createHash('sha256').update(JSON.stringify({ code, text: inputs.text, alt: inputs.alt, fonts, raster: inputs.raster })).digest('hex')
}

/** The last 12 bytes of every whole PNG: the empty IEND chunk and its CRC. */
const END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])

/** The cached PNG for `key`, or `render`'s, kept for the next build; a damaged entry is made again. */
export async function cachedCover(cacheDir: string, key: string, render: () => Promise<Buffer>): Promise<Buffer> {
  const file = path.join(cacheDir, 'covers', `${key}.png`)
  try {
    const png = readFileSync(file)
    if (png.subarray(0, 8).equals(PNG_SIGNATURE) && png.subarray(-12).equals(END)) return png
  } catch {
    // Not made yet.
  }
  const png = await render()
  // Checked when read (above), so not flushed to disk.
  await writeAtomic(file, png, { sync: false })
  return png
}
