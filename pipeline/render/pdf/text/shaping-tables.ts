/**
 * The font file HarfBuzz is given: the face's own file without its outlines
 * (`glyf`, `loca`) when it has a `GPOS` table. harfbuzzjs copies a file into
 * its WebAssembly memory, and a Chinese face is 14 MB of outlines in 15 MB;
 * shaping reads advances (`hmtx`), `cmap`, `GSUB`, `GPOS` and `GDEF`, and
 * asks for a glyph's outline box only to place marks of a font without
 * `GPOS` (fallback mark positioning), so such a font keeps its outlines.
 * Every other table stays, in the same order, so glyph ids do not change.
 */
const OUTLINES = new Set(['glyf', 'loca'])

interface TableRecord {
  tag: string
  checksum: number
  offset: number
  length: number
}

export function withoutOutlines(file: Uint8Array): Uint8Array {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  const records = tableRecords(file, view)
  if (!records.some((record) => record.tag === 'GPOS') || !records.some((record) => OUTLINES.has(record.tag))) return file
  const kept = records.filter((record) => !OUTLINES.has(record.tag))
  const headerLength = 12 + 16 * kept.length
  const padded = (length: number) => (length + 3) & ~3
  const out = new Uint8Array(headerLength + kept.reduce((sum, record) => sum + padded(record.length), 0))
  const outView = new DataView(out.buffer)
  out.set(file.subarray(0, 12))
  // searchRange and its kin describe the record count; HarfBuzz does not binary-search by them, but keep them true.
  const power = 2 ** Math.floor(Math.log2(kept.length))
  outView.setUint16(4, kept.length)
  outView.setUint16(6, power * 16)
  outView.setUint16(8, Math.log2(power))
  outView.setUint16(10, kept.length * 16 - power * 16)
  let at = headerLength
  kept.forEach((record, index) => {
    const entry = 12 + 16 * index
    for (let char = 0; char < 4; char++) out[entry + char] = record.tag.charCodeAt(char)
    outView.setUint32(entry + 4, record.checksum)
    outView.setUint32(entry + 8, at)
    outView.setUint32(entry + 12, record.length)
    out.set(file.subarray(record.offset, record.offset + record.length), at)
    at += padded(record.length)
  })
  return out
}

function tableRecords(file: Uint8Array, view: DataView): TableRecord[] {
  const count = view.getUint16(4)
  const records: TableRecord[] = []
  for (let index = 0; index < count; index++) {
    const entry = 12 + 16 * index
    const tag = String.fromCharCode(...file.subarray(entry, entry + 4))
    records.push({ tag, checksum: view.getUint32(entry + 4), offset: view.getUint32(entry + 8), length: view.getUint32(entry + 12) })
  }
  return records
}
