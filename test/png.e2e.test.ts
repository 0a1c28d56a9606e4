/**
 * The covers' PNG writer, read back by MuPDF (mutool, Debian's mupdf-tools):
 * lossless (the reader gives back the exact pixels), a palette when the
 * picture allows it, RGBA otherwise. (png-js, pdfkit's reader, is no judge:
 * it loses the last quarter of a palette that has no transparency chunk.)
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodePng } from '../pipeline/render/png.ts'
import { tempDir } from './helpers/project.ts'

/** RGBA pixels as MuPDF reads the PNG (at 96 dpi, a PNG's pixel is one pixel). */
function readBack(png: Buffer): Buffer {
  const dir = tempDir('press-png-')
  writeFileSync(path.join(dir, 'in.png'), png)
  execFileSync('mutool', ['draw', '-q', '-r', '96', '-c', 'rgba', '-F', 'pam', '-o', path.join(dir, 'out.pam'), path.join(dir, 'in.png')], { stdio: 'ignore' })
  const pam = readFileSync(path.join(dir, 'out.pam'))
  return pam.subarray(pam.indexOf('ENDHDR\n') + 'ENDHDR\n'.length)
}

/** PNG colour type, from the IHDR chunk. */
const colourType = (png: Buffer) => png[25]

/** `colours` opaque colours in bands, crossed by a diagonal of red with the given alpha. */
function picture(width: number, height: number, colours: number, alpha = 255): Uint8Array {
  const rgba = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shade = Math.floor(((y * width + x) * colours) / (width * height))
      rgba.set(x === y ? [255, 0, 0, alpha] : [shade % 256, Math.floor(shade / 256), 200, 255], (y * width + x) * 4)
    }
  }
  return rgba
}

describe('encodePng, read back by MuPDF', () => {
  it('writes a picture of few colours as a palette, pixel for pixel', () => {
    const rgba = picture(61, 47, 80)
    const png = encodePng(rgba, 61, 47)
    expect(colourType(png)).toBe(3)
    expect(readBack(png).equals(Buffer.from(rgba))).toBe(true)
  })

  it('writes RGBA when there are more than 256 colours, or a pixel is not opaque', () => {
    for (const [width, height, colours, alpha] of [[64, 64, 300, 255], [61, 47, 80, 128]] as const) {
      const rgba = picture(width, height, colours, alpha)
      const png = encodePng(rgba, width, height)
      expect(colourType(png)).toBe(6)
      expect(readBack(png).equals(Buffer.from(rgba))).toBe(true)
    }
  })

  it('reads pixels that do not start on a word boundary', () => {
    const rgba = picture(16, 9, 5)
    const shifted = new Uint8Array(rgba.length + 1).fill(7)
    shifted.set(rgba, 1)
    expect(readBack(encodePng(shifted.subarray(1), 16, 9)).equals(Buffer.from(rgba))).toBe(true)
  })
})
