/**
 * A font file in memory with its outlines read only as glyphs are asked for.
 * A Chinese face is 10–15 MB, nearly all of it outlines (`glyf`), and a PDF
 * embeds a few hundred of its 30,000 glyphs. Every table but `glyf` is read
 * at once, each at its own offset in a buffer of the file's size; a glyph's
 * outline bytes are read when fontkit first makes that glyph. The pages of
 * the buffer never written stay the operating system's zero pages, not
 * memory of the process: the 15 editions' first build held the four Chinese
 * faces whole, 48 MB, at its peak (README, "Where the memory goes").
 *
 * Every reader of an outline in fontkit (drawing, bounding boxes, the subset
 * a PDF embeds, a composite's components) makes the glyph first, through
 * `_getBaseGlyph`; if fontkit's insides change, the whole file is read. A
 * face with little to leave out is read whole, in one call, and so is one
 * without `GPOS`. HarfBuzz shapes from the other tables
 * (text/shaping-tables.ts); hb-subset reads the file itself
 * (fonts/hb-subset.ts).
 */
import type * as fontkit from 'fontkit'
import { closeFontFile, type OpenFontFile, openFontFile, readFontRange } from '../fonts/font-file-reads.ts'

export interface FontFile {
  /** The file's bytes at their offsets; `glyf`'s only where `need` has read them. */
  bytes: Buffer
  /** Reads bytes `start` to `end` of the file, unless read already. */
  need: (start: number, end: number) => void
  /** Set once a read found the file written anew: its holder reads it afresh (pdf/fonts.ts). */
  changed?: true
}

/** Outlines below this size are read with the rest of the file. */
const ON_DEMAND_FROM = 1 << 20
const PAGE = 4096

/** The open files of buffers still alive; closed once a buffer is collected (a preview keeps its faces for the process). */
const openFiles = new FinalizationRegistry<OpenFontFile>(closeFontFile)

/** The file `file`, its outlines on demand if they are `onDemandFrom` bytes or more (the tests ask it of small faces too). */
export function readFontFile(file: string, onDemandFrom = ON_DEMAND_FROM): FontFile {
  const opened = openFontFile(file)
  let kept = false
  try {
    const { size } = opened
    const bytes = Buffer.alloc(size)
    // Each read checked against the file as opened: one written anew in place since fails the edition (font-file-reads.ts).
    const file: FontFile = { bytes, need: () => {} }
    const read = (start: number, end: number) => {
      try {
        readFontRange(opened, bytes, start, end)
      } catch (error) {
        file.changed = true
        throw error
      }
    }
    const outlines = outlinesOf(bytes, size, read)
    if (!outlines || outlines.length < onDemandFrom) {
      read(0, size)
      return file
    }
    const pages = new Uint8Array(Math.ceil(size / PAGE))
    const readPages = (start: number, end: number) => {
      for (let page = Math.floor(start / PAGE); page * PAGE < end; page++) {
        if (pages[page]) continue
        let last = page
        while ((last + 1) * PAGE < end && !pages[last + 1]) last++
        read(page * PAGE, Math.min((last + 1) * PAGE, size))
        pages.fill(1, page, last + 1)
        page = last
      }
    }
    readPages(0, outlines.offset)
    readPages(outlines.offset + outlines.length, size)
    openFiles.register(bytes, opened)
    kept = true
    file.need = readPages
    return file
  } finally {
    if (!kept) closeFontFile(opened)
  }
}

/**
 * Where the `glyf` table lies, from the table directory (read into `bytes`
 * first). None for a CFF font or a damaged directory, and none without
 * `GPOS`: HarfBuzz then places marks by their outlines (text/shaping-tables.ts).
 */
function outlinesOf(bytes: Buffer, size: number, read: (start: number, end: number) => void): { offset: number; length: number } | undefined {
  if (size < 12) return undefined
  read(0, 12)
  const directoryEnd = 12 + 16 * bytes.readUInt16BE(4)
  if (directoryEnd > size) return undefined
  read(12, directoryEnd)
  let outlines: { offset: number; length: number } | undefined
  let positioning = false
  for (let entry = 12; entry < directoryEnd; entry += 16) {
    const tag = bytes.toString('latin1', entry, entry + 4)
    if (tag === 'GPOS') positioning = true
    if (tag === 'glyf') outlines = { offset: bytes.readUInt32BE(entry + 8), length: bytes.readUInt32BE(entry + 12) }
  }
  return positioning && outlines && outlines.offset + outlines.length <= size ? outlines : undefined
}

interface GlyphMaking {
  _getBaseGlyph?: (this: GlyphMaking, id: number, characters?: number[]) => unknown
  _decodeTable?: (this: GlyphMaking, table: { tag: string }) => unknown
  loca?: { offsets?: ArrayLike<number> }
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> }
}

/** fontkit's `font` over `file.bytes`: each glyph's outline read as fontkit makes the glyph. */
export function readOutlinesOnDemand(font: fontkit.Font, file: FontFile): void {
  const internals = font as unknown as GlyphMaking
  const glyf = internals.directory?.tables?.glyf
  const make = internals._getBaseGlyph
  const decode = internals._decodeTable
  if (!glyf) return
  if (typeof make !== 'function' || typeof decode !== 'function') {
    file.need(0, file.bytes.byteLength)
    return
  }
  // The whole table decoded at once (nothing here asks for it, but fontkit would give every outline).
  internals._decodeTable = function (table) {
    if (table.tag === 'glyf') file.need(glyf.offset, glyf.offset + glyf.length)
    return decode.call(this, table)
  }
  internals._getBaseGlyph = function (id, characters) {
    const offsets = this.loca?.offsets
    const start = offsets?.[id]
    const end = offsets?.[id + 1]
    if (start === undefined || end === undefined) file.need(glyf.offset, glyf.offset + glyf.length)
    else if (end > start) file.need(glyf.offset + start, glyf.offset + end)
    return make.call(this, id, characters)
  }
}
