/**
 * What fontkit (pdfkit's font engine) is spared, each the same bytes: the
 * `post` table's glyph names, the `loca` table decoded number by number, and
 * every outline a subset copies decoded. Each reaches into fontkit's insides
 * and falls back to fontkit's own way if they change; test/pdf-speed.test.ts
 * compares each with fontkit's own result. Applied to every face the PDF
 * writer parses (fonts.ts, faceFont).
 */
import type * as fontkit from 'fontkit'

interface FontkitTables {
  directory?: { tables?: Record<string, { offset: number; length: number } | undefined> }
  _tables?: Record<string, unknown>
}

/**
 * pdfkit reads a face's italic angle and fixed-pitch flag from its `post`
 * table, and fontkit decodes the whole table to give them, every glyph name
 * included: 2–8 ms per Noto face, about 30 ms a build. Nothing here needs
 * glyph names, so fontkit is given the table's fixed header alone (the same
 * fields it would decode). If fontkit's insides change, it decodes as before.
 */
export function readPostHeaderOnly(font: fontkit.Font, file: Uint8Array): void {
  const internals = font as unknown as FontkitTables
  const entry = internals.directory?.tables?.post
  if (!entry || entry.length < 32 || !internals._tables || 'post' in internals._tables) return
  const view = new DataView(file.buffer, file.byteOffset + entry.offset, 32)
  const fixed = (at: number) => view.getInt32(at) / 65536
  internals._tables.post = {
    version: fixed(0), italicAngle: fixed(4), underlinePosition: view.getInt16(8), underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12), minMemType42: view.getUint32(16), maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24), maxMemType1: view.getUint32(28)
  }
}

/**
 * The `loca` table (where each glyph's outline starts), which subsetting and
 * every glyph's metrics need: fontkit decodes it one number at a time
 * through its generic struct reader, about 40 ms of a cold build for the
 * four Chinese faces' 31,000 glyphs each. Read here in one loop into the
 * same shape ({ version, offsets }). Only the long format (all the Noto
 * faces); a short one is left to fontkit, as is anything if fontkit's
 * insides change.
 */
export function readLongLoca(font: fontkit.Font, file: Uint8Array): void {
  const internals = font as unknown as FontkitTables
  const entry = internals.directory?.tables?.loca
  if (!entry || !internals._tables || 'loca' in internals._tables) return
  if ((font as unknown as { head?: { indexToLocFormat?: number } }).head?.indexToLocFormat !== 1) return
  // fontkit reads 4-byte offsets while any byte of the table is left: a ragged end still gives one more.
  const count = Math.ceil(entry.length / 4)
  if (entry.offset + count * 4 > file.byteLength) return
  const view = new DataView(file.buffer, file.byteOffset + entry.offset, count * 4)
  const offsets = new Array<number>(count)
  for (let index = 0; index < count; index++) offsets[index] = view.getUint32(index * 4)
  internals._tables.loca = { version: 1, offsets }
}

interface SubsetInternals {
  font: { _variationProcessor?: unknown; getGlyph: (id: number) => object }
  _addGlyph?: (this: SubsetInternals, id: number) => number
}

interface GlyfInternals {
  directory?: { tables?: Record<string, { offset: number } | undefined> }
  loca?: { offsets?: ArrayLike<number> }
}

/** Each patched subset prototype, with fontkit's own `_addGlyph`. */
const fasterSubsets = new WeakMap<object, NonNullable<SubsetInternals['_addGlyph']>>()
const decodeNothing = () => null

function subsetPrototypeOf(font: fontkit.Font): SubsetInternals {
  return Object.getPrototypeOf((font as unknown as { createSubset: () => object }).createSubset()) as SubsetInternals
}

/**
 * Runs `run` with fontkit's own subsetting (every copied glyph decoded), so a
 * test can compare the patched subsetter with it even where another test in
 * the same worker has patched the shared prototype already.
 */
export function withFontkitSubsetting<T>(font: fontkit.Font, run: () => T): T {
  const subset = subsetPrototypeOf(font)
  const original = fasterSubsets.get(subset)
  const patched = subset._addGlyph
  if (!original || !patched) return run()
  subset._addGlyph = original
  try {
    return run()
  } finally {
    subset._addGlyph = patched
  }
}

/**
 * fontkit's TrueType subsetter (pdfkit embeds with it, once per PDF and
 * face) decodes every glyph it copies, each point of its outline, only to
 * learn whether it is a composite, whose components must be copied too; the
 * bytes it copies are the glyph's record as it is. A record's first field
 * says it (a negative contour count), so a simple glyph is copied without the
 * decoding: the subset's bytes are the same. A variable font's glyphs are
 * still decoded (their outlines are re-encoded). If fontkit's insides change,
 * it subsets as before.
 */
export function copySimpleGlyphsUndecoded(font: fontkit.Font): void {
  // Tables are only looked up here: fontkit decodes one (loca: 31,000 offsets in a Chinese face) on first use.
  const tables = (font as unknown as GlyfInternals).directory?.tables
  if (!tables?.glyf || !tables.loca) return
  const subset = subsetPrototypeOf(font)
  const original = subset._addGlyph
  if (!original || fasterSubsets.has(subset)) return
  fasterSubsets.set(subset, original)
  subset._addGlyph = function (this: SubsetInternals, id: number): number {
    const own = this.font as unknown as GlyfInternals & SubsetInternals['font']
    // Made first: a glyph's outline may be read only when fontkit makes the glyph (outlines-on-demand.ts).
    const glyph = this.font.getGlyph(id) as { _decode?: () => unknown }
    const at = own.directory?.tables?.glyf?.offset
    const start = own.loca?.offsets?.[id]
    const file = (this.font as unknown as { stream?: { buffer?: Uint8Array } }).stream?.buffer
    if (own._variationProcessor || at === undefined || start === undefined || !file || compositeAt(file, at + start, own.loca!.offsets![id + 1] !== start)) {
      return original.call(this, id)
    }
    glyph._decode = decodeNothing
    try {
      return original.call(this, id)
    } finally {
      delete glyph._decode
    }
  }
}

/** Whether the glyph record at `at` is a composite (its contour count, the first int16, below zero); an empty record is not. */
function compositeAt(file: Uint8Array, at: number, hasRecord: boolean): boolean {
  return hasRecord && (file[at]! & 0x80) !== 0
}
