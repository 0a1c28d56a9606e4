/**
 * A face cut to some characters by HarfBuzz's hb-subset (the WebAssembly
 * build harfbuzzjs ships), with every layout feature kept: the calls and
 * options subset-font makes, so the same bytes. Called here rather than
 * through subset-font, which loads wawoff2's two modules (16 MB of memory
 * each) that the build no longer uses (woff2.ts).
 *
 * One instance serves the process, as subset-font's did. hb-subset's memory
 * starts at 65 MB and a Chinese face (15 MB, read in) touches about 15 MB
 * of it, kept to the end; an instance per turn of the event loop gave that
 * back, but only at the next full collection, so dropped instances waited
 * side by side, and each new one cost its start and V8's collections for its
 * 65 MB: the 15 editions' first build took 0.4 s more CPU for a peak no lower
 * (README, "Where the memory goes").
 *
 * The font file is read straight into that memory, and its face kept there
 * for the next cut of the same file: no copy in JavaScript (a 15 MB buffer
 * per cut of a Chinese face, or the PDF's whole copy of the file held for
 * hb-subset), no copy per cut inside.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { closeFontFile, openFontFile, readFontRange } from './font-file-reads.ts'

interface HbSubset {
  memory: WebAssembly.Memory
  _initialize: () => void
  malloc: (size: number) => number
  free: (pointer: number) => void
  hb_blob_create: (data: number, length: number, mode: number, user: number, destroy: number) => number
  hb_blob_destroy: (blob: number) => void
  hb_blob_get_data: (blob: number, length: number) => number
  hb_blob_get_length: (blob: number) => number
  hb_face_create: (blob: number, index: number) => number
  hb_face_destroy: (face: number) => void
  hb_face_reference_blob: (face: number) => number
  hb_set_add: (set: number, value: number) => void
  hb_set_clear: (set: number) => void
  hb_set_invert: (set: number) => void
  hb_subset_input_create_or_fail: () => number
  hb_subset_input_destroy: (input: number) => void
  hb_subset_input_set: (input: number, which: number) => number
  hb_subset_input_unicode_set: (input: number) => number
  hb_subset_or_fail: (face: number, input: number) => number
}

const HB_MEMORY_MODE_WRITABLE = 2
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6

let instance: HbSubset | undefined

/** The face in hb-subset's memory, kept for the next cut: the file as read (path, size, modification time), and where it lies. */
interface LoadedFace {
  file: string
  key: string
  data: number
  face: number
}

let loaded: LoadedFace | undefined
let reads = 0

/**
 * The TrueType or OpenType font file `file` cut to the glyphs of `codePoints`
 * (and what its layout reaches from them), as TrueType. The file is read
 * straight into hb-subset's memory and kept there for the next cut of the
 * same file: no copy of it in JavaScript, which would be a 15 MB buffer for
 * each cut of a Chinese face.
 */
export function subsetFace(file: string, codePoints: Iterable<number>): Buffer {
  const hb = current()
  const face = faceOf(hb, file)
  const input = hb.hb_subset_input_create_or_fail()
  if (input === 0) throw new Error('hb-subset could not start a subset (out of memory?)')
  try {
    // Every layout feature, as hb-subset's --layout-features=*: the page's text is shaped by the browser.
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG)
    hb.hb_set_clear(features)
    hb.hb_set_invert(features)
    const unicodes = hb.hb_subset_input_unicode_set(input)
    for (const code of codePoints) hb.hb_set_add(unicodes, code)
    const subset = hb.hb_subset_or_fail(face, input)
    if (subset === 0) throw new Error(`hb-subset could not cut the face of ${file}: is the font file damaged?`)
    const result = hb.hb_face_reference_blob(subset)
    const length = hb.hb_blob_get_length(result)
    // A copy: the memory goes with the instance.
    const bytes = Buffer.from(new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(result, 0), length))
    hb.hb_blob_destroy(result)
    hb.hb_face_destroy(subset)
    if (length === 0) throw new Error(`hb-subset made an empty font of ${file}: is the font file damaged?`)
    return bytes
  } finally {
    hb.hb_subset_input_destroy(input)
  }
}

/** The face of `file` in hb-subset's memory: the one kept if it is the same file, unchanged; otherwise read in its place. */
function faceOf(hb: HbSubset, file: string): number {
  const opened = openFontFile(file)
  try {
    // Size, times and inode: a file written anew at the same size, its modification time set back, is another face.
    const key = `${file}\u0000${opened.stamp}`
    if (loaded?.key === key) return loaded.face
    unload(hb)
    const { size } = opened
    const data = hb.malloc(size)
    if (data === 0) throw new Error(`hb-subset has no memory for a ${size}-byte font (${file})`)
    try {
      // A view made after malloc, which may have grown the memory (and so replaced its buffer).
      readFontRange(opened, new Uint8Array(hb.memory.buffer, data, size), 0, size)
    } catch (error) {
      hb.free(data)
      throw error
    }
    const blob = hb.hb_blob_create(data, size, HB_MEMORY_MODE_WRITABLE, 0, 0)
    const face = hb.hb_face_create(blob, 0)
    hb.hb_blob_destroy(blob)
    loaded = { file, key, data, face }
    reads++
    return face
  } finally {
    closeFontFile(opened)
  }
}

function unload(hb: HbSubset): void {
  if (!loaded) return
  hb.hb_face_destroy(loaded.face)
  hb.free(loaded.data)
  loaded = undefined
}

/** The process's instance, made on first use. */
function current(): HbSubset {
  if (!instance) {
    const compiled = new WebAssembly.Module(readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')))
    instance = new WebAssembly.Instance(compiled).exports as unknown as HbSubset
    instance._initialize()
  }
  return instance
}

/** The file whose face is kept in hb-subset's memory, and how many files it has read (the tests check a face is kept from cut to cut, and replaced). */
export function heldFace(): { file: string | undefined; reads: number } {
  return { file: loaded?.file, reads }
}

/** The memory of the instance, once made (the tests check that later cuts use the same). */
export function heldMemory(): WebAssembly.Memory | undefined {
  return instance?.memory
}
