/**
 * A font file read through a handle kept open, a part at a time: hb-subset
 * reads it into its own memory (hb-subset.ts), the PDF's faces their outlines
 * as fontkit asks for them (pdf/outlines-on-demand.ts). A file replaced by
 * renaming a new one into place is no harm (the handle keeps the old one),
 * but a file written anew in place would hand later reads the new file's
 * bytes at the old one's offsets: outlines of other glyphs, or of none, and
 * no error. So each read is followed by a look at the file (size, times,
 * inode), and a file changed since it was opened fails the edition reading it.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

export interface OpenFontFile {
  path: string
  handle: number
  size: number
  /**
   * Size, modification and change times, inode as opened: a file written anew changes its change time,
   * whatever tool set its modification time back (hb-subset.ts keeps a face by it).
   */
  stamp: string
  changeTime: number
}

/** The file's stamp; with `unlinkedChangeTime`, that time for a file whose last link is gone (which changes its change time, not its bytes). */
function stampOf(handle: number, unlinkedChangeTime?: number): { size: number; stamp: string; changeTime: number } {
  const { size, mtimeMs, ctimeMs, ino, nlink } = fstatSync(handle)
  const changeTime = nlink === 0 && unlinkedChangeTime !== undefined ? unlinkedChangeTime : ctimeMs
  return { size, stamp: `${size}\u0000${mtimeMs}\u0000${changeTime}\u0000${ino}`, changeTime }
}

export function openFontFile(path: string): OpenFontFile {
  const handle = openSync(path, 'r')
  try {
    return { path, handle, ...stampOf(handle) }
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
 * a read that may have seen bytes written since fails with the path and the fix. A file another was renamed
 * over still reads the same through the handle.
 */
export function readFontRange(file: OpenFontFile, into: Uint8Array, start: number, end: number): void {
  for (let at = start; at < end;) {
    const got = readSync(file.handle, into, at, end - at, at)
    if (got === 0) throw changedWhileRead(file.path)
    at += got
  }
  if (stampOf(file.handle, file.changeTime).stamp !== file.stamp) throw changedWhileRead(file.path)
}

function changedWhileRead(path: string): Error {
  return new Error(`The font file ${path} was changed while the build read it: build again once it is written (to update a font while builds run, write the new file beside it and rename it into place)`)
}
