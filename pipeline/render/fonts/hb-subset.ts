/**
 * A face cut to some characters by HarfBuzz's hb-subset (the WebAssembly
 * build harfbuzzjs ships), with every layout feature kept: the calls and
 * options subset-font makes, so the same bytes. Called here rather than
 * through subset-font, which loads wawoff2's two modules (16 MB of memory
 * each) that the build no longer uses (woff2.ts).
 *
 * One instance serves the process, as subset-font's did. hb-subset's memory
 * starts at 65 MB and a Chinese face (15 MB, copied in) touches about 40 MB
 * of it, kept to the end; an instance per turn of the event loop gave that
 * back, but only at the next full collection, so dropped instances waited
 * side by side, and each new one cost its start and V8's collections for its
 * 65 MB: the 15 editions' first build took 0.4 s more CPU for a peak no lower
 * (README, "Where the memory goes").
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

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

/** The TrueType or OpenType `font` cut to the glyphs of `codePoints` (and what its layout reaches from them), as TrueType. */
export function subsetFace(font: Uint8Array, codePoints: Iterable<number>): Buffer {
  const hb = current()
  const input = hb.hb_subset_input_create_or_fail()
  if (input === 0) throw new Error('hb-subset could not start a subset (out of memory?)')
  const data = hb.malloc(font.byteLength)
  if (data === 0) {
    hb.hb_subset_input_destroy(input)
    throw new Error(`hb-subset has no memory for a ${font.byteLength}-byte font`)
  }
  new Uint8Array(hb.memory.buffer).set(font, data)
  const blob = hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0)
  const face = hb.hb_face_create(blob, 0)
  hb.hb_blob_destroy(blob)
  try {
    // Every layout feature, as hb-subset's --layout-features=*: the page's text is shaped by the browser.
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG)
    hb.hb_set_clear(features)
    hb.hb_set_invert(features)
    const unicodes = hb.hb_subset_input_unicode_set(input)
    for (const code of codePoints) hb.hb_set_add(unicodes, code)
    const subset = hb.hb_subset_or_fail(face, input)
    if (subset === 0) throw new Error('hb-subset could not cut the face: is the font file damaged?')
    const result = hb.hb_face_reference_blob(subset)
    const length = hb.hb_blob_get_length(result)
    // A copy: the memory goes with the instance.
    const bytes = Buffer.from(new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(result, 0), length))
    hb.hb_blob_destroy(result)
    hb.hb_face_destroy(subset)
    if (length === 0) throw new Error('hb-subset made an empty font: is the font file damaged?')
    return bytes
  } finally {
    hb.hb_subset_input_destroy(input)
    hb.hb_face_destroy(face)
    hb.free(data)
  }
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

/** The memory of the instance, once made (the tests check that later cuts use the same). */
export function heldMemory(): WebAssembly.Memory | undefined {
  return instance?.memory
}
