/**
 * An image is checked by what it holds before any writer sees it: the data
 * must match its name (a PNG saved as .jpg makes an invalid EPUB), decode
 * (a damaged PNG fails the PDF and the EPUB), and have a sensible size. PNG
 * is read by png-js, the reader pdfkit itself uses, and its pixel data is
 * inflated in full; JPEG by its markers, as pdfkit reads it (start, frame
 * header with the size, end of image).
 */
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { inflateSync } from 'node:zlib'
import PNG from 'png-js'

/** Larger than any page or screen needs; a bigger one is a mistake (or a decompression bomb). */
export const MAX_SIDE = 12_000

export interface ImageFacts {
  type: 'png' | 'jpeg'
  width: number
  height: number
}

const checked = new Map<string, ImageFacts | string>()

/** The image's facts, or its problem in one message naming it as `name` (how the Markdown wrote it). */
export function inspectImage(file: string, name: string): ImageFacts | string {
  const result = inspectFile(file)
  return typeof result === 'string' ? result.replace('IMAGE', `\`${name}\``) : result
}

function inspectFile(file: string): ImageFacts | string {
  const stats = statSync(file)
  const id = `${file}\0${stats.size}\0${stats.mtimeMs}`
  let result = checked.get(id)
  if (result === undefined) {
    result = inspect(readFileSync(file), path.extname(file).toLowerCase())
    checked.set(id, result)
  }
  return result
}

function inspect(data: Buffer, extension: string): ImageFacts | string {
  const type = data.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) ? 'png' : data.subarray(0, 3).toString('hex') === 'ffd8ff' ? 'jpeg' : undefined
  if (!type) return 'Unexpected content in image IMAGE, expected PNG or JPEG data (is the file damaged or misnamed?)'
  const named = extension === '.png' ? 'png' : 'jpeg'
  if (type !== named) return `Unexpected ${type.toUpperCase()} data in image IMAGE, expected ${named.toUpperCase()} as its name says: rename it to ${type === 'png' ? '.png' : '.jpg'}`
  let facts: ImageFacts
  try {
    facts = type === 'png' ? decodePng(data) : readJpeg(data)
  } catch (error) {
    return `Cannot decode image IMAGE (${(error as Error).message}): the file is damaged, export it again`
  }
  if (facts.width < 1 || facts.height < 1 || facts.width > MAX_SIDE || facts.height > MAX_SIDE) {
    return `Unexpected size ${facts.width}×${facts.height} of image IMAGE, expected 1 to ${MAX_SIDE} pixels a side`
  }
  return facts
}

function decodePng(data: Buffer): ImageFacts {
  const png = new PNG(data)
  if (png.colors === undefined) throw new Error('no IEND chunk: the file is cut short')
  const pixels = inflateSync(png.imgData)
  const rowBytes = Math.ceil((png.width * png.pixelBitlength) / 8)
  // Interlaced images hold more filter bytes than this; never fewer bytes.
  if (pixels.length < png.height * rowBytes) throw new Error(`${pixels.length} bytes of pixels, expected ${png.height * (rowBytes + 1)}`)
  return { type: 'png', width: png.width, height: png.height }
}

/** Start-of-frame markers (baseline, progressive…) that carry the size; not DHT (C4), JPG (C8) or DAC (CC). */
const FRAME = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

function readJpeg(data: Buffer): ImageFacts {
  let at = 2
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) throw new Error(`no marker at byte ${at}`)
    const marker = data[at + 1]!
    const length = data.readUInt16BE(at + 2)
    if (FRAME.has(marker)) {
      if (at + 9 > data.length) break
      if (data.lastIndexOf(Buffer.from([0xff, 0xd9])) < at) throw new Error('no end-of-image marker: the file is cut short')
      return { type: 'jpeg', height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) }
    }
    at += 2 + length
  }
  throw new Error('no frame header: the file is cut short')
}
