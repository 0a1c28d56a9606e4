/**
 * A font file read through a handle kept open, a part at a time: hb-subset
 * reads it into its own memory (hb-subset.ts), the PDF's faces their outlines
 * as fontkit asks for them (pdf/outlines-on-demand.ts). A file written anew in
 * place would hand later reads the new file's bytes at the old one's offsets:
 * outlines of other glyphs, or of none, and no error. So each read is followed
 * by a look at the file (size, times, inode). Its times also move when nothing
 * a read sees has: a touch, the same bytes written again, a link added, or a
 * name renamed over one of its links. So a file whose look changed has the
 * bytes read so far compared with its own: the same, and it reads on; other,
 * and the edition reading it fails with one line.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

export interface OpenFontFile {
  path: string
  handle: number
  size: number
  /**
   * Size, modification and change times, inode as opened (or as last found to hold the bytes read):
   * a file written anew changes its change time, whatever tool set its modification time back
   * (hb-subset.ts keeps a face by it).
   */
  stamp: string
  /** The ranges read so far, [start, end) pairs in the order read: what a changed stamp has compared. */
  read: number[]
  /** The buffer every read of this file goes into, at the file's offsets. */
  into?: Uint8Array
}

function stampOf(handle: number): string {
  const { size, mtimeMs, ctimeMs, ino } = fstatSync(handle)
  return `${size}\u0000${mtimeMs}\u0000${ctimeMs}\u0000${ino}`
}

export function openFontFile(path: string): OpenFontFile {
  const handle = openSync(path, 'r')
  try {
    return { path, handle, size: fstatSync(handle).size, stamp: stampOf(handle), read: [] }
  } catch (error) {
    closeSync(handle)
    throw error
  }
}

export function closeFontFile(file: OpenFontFile): void {
  closeSync(file.handle)
}

/**
 * Bytes `start` to `end` of the file into `into` at the same offsets, then checked to be the opened file's:
 * a read that may have seen bytes written since fails with the path and the fix. Every read of one open
 * file goes into the same buffer (the bytes a changed stamp is compared with).
 */
export function readFontRange(file: OpenFontFile, into: Uint8Array, start: number, end: number): void {
  if (file.into && file.into !== into) throw new Error(`${file.path}: each read of an open font file goes into one buffer`)
  file.into = into
  for (let at = start; at < end;) {
    const got = readSync(file.handle, into, at, end - at, at)
    if (got === 0) throw changedWhileRead(file.path)
    at += got
  }
  const last = file.read.length - 1
  if (last > 0 && file.read[last] === start) file.read[last] = end
  else file.read.push(start, end)
  const stamp = stampOf(file.handle)
  if (stamp !== file.stamp) sameBytesOrFail(file, into, stamp)
}

const CHUNK = 1 << 16

/** A changed stamp: the bytes read so far still the file's, read again (the look unchanged meanwhile), or the error. */
function sameBytesOrFail(file: OpenFontFile, held: Uint8Array, stamp: string): void {
  if (stamp.slice(0, stamp.indexOf('\u0000')) !== String(file.size)) throw changedWhileRead(file.path)
  const now = Buffer.alloc(CHUNK)
  for (let range = 0; range < file.read.length; range += 2) {
    const end = file.read[range + 1]!
    for (let at = file.read[range]!; at < end; at += CHUNK) {
      const length = Math.min(CHUNK, end - at)
      if (readSync(file.handle, now, 0, length, at) !== length) throw changedWhileRead(file.path)
      if (!now.subarray(0, length).equals(held.subarray(at, at + length))) throw changedWhileRead(file.path)
    }
  }
  if (stampOf(file.handle) !== stamp) throw changedWhileRead(file.path)
  file.stamp = stamp
}

function changedWhileRead(path: string): Error {
  return new Error(`The font file ${path} was changed while the build read it: build again once it is written (to update a font while builds run, write the new file beside it and rename it into place)`)
}
