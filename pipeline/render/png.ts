/**
 * A PNG from RGBA pixels in the smallest lossless form the picture allows:
 * an 8-bit palette when it has at most 256 colours (the typographic cover
 * has about 85: its inks and their anti-aliased blends), else RGBA. resvg's
 * own encoder writes RGBA with fast compression: 136–174 KB a cover, which
 * the EPUB's zip then deflated again (a fifth of a cold build's zip time);
 * as a palette it is 55–70 KB, written in a few tens of milliseconds, and
 * stored in the zip as it is.
 *
 * Deflate is Node.js's zlib, as pdfkit's for the PDF's streams: the bytes
 * are those of the zlib that made them (process.versions.zlib, which the
 * cover cache's key holds).
 */
import { crc32, deflateSync } from 'node:zlib'

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** zlib's default level: 9 made the covers about 10 % smaller for ten times the time. */
const LEVEL = 6

export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const indexed = paletteOf(rgba, width, height)
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bits per sample
  header[9] = indexed ? 3 : 6 // palette, or RGBA
  const rows = indexed ? indexed.rows : withFilterBytes(rgba, width * 4, height)
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    ...(indexed ? [chunk('PLTE', indexed.palette)] : []),
    chunk('IDAT', deflateSync(rows, { level: LEVEL })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

/**
 * Palette indices, one row at a time after its filter byte (0: none, which
 * deflates best here, long runs of one index), and the palette in order of
 * first appearance; none when a pixel is not opaque or there are more than
 * 256 colours.
 */
function paletteOf(rgba: Uint8Array, width: number, height: number): { rows: Buffer; palette: Buffer } | undefined {
  // A word per pixel (copied when the bytes do not start on a word).
  const words = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice()
  const pixels = new Uint32Array(words.buffer, words.byteOffset, width * height)
  const rows = Buffer.alloc((width + 1) * height)
  const indexOf = new Map<number, number>()
  let last = -1
  let lastIndex = 0
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1)
    for (let x = 0; x < width; x++) {
      const pixel = pixels[y * width + x]!
      if (pixel !== last) {
        let index = indexOf.get(pixel)
        if (index === undefined) {
          // Alpha is the highest byte of a little-endian word.
          if (indexOf.size === 256 || pixel >>> 24 !== 0xff) return undefined
          index = indexOf.size
          indexOf.set(pixel, index)
        }
        last = pixel
        lastIndex = index
      }
      rows[row + 1 + x] = lastIndex
    }
  }
  const palette = Buffer.alloc(indexOf.size * 3)
  for (const [pixel, index] of indexOf) {
    palette[index * 3] = pixel & 0xff
    palette[index * 3 + 1] = (pixel >>> 8) & 0xff
    palette[index * 3 + 2] = (pixel >>> 16) & 0xff
  }
  return { rows, palette }
}

function withFilterBytes(data: Uint8Array, stride: number, height: number): Buffer {
  const rows = Buffer.alloc((stride + 1) * height)
  for (let y = 0; y < height; y++) rows.set(data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1)
  return rows
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0)
  return Buffer.concat([head, data, crc])
}
