/**
 * bench/profile.mjs counts a bundle line under the library of the module
 * comment above it. esbuild writes those comments relative to the folder it
 * ran in, so a build run outside the repository (the benchmark's book) names
 * the same modules by a longer path; both must be read alike.
 */
import { describe, expect, it } from 'vitest'
import { bundleMarkers, libraryOfMarker } from '../bench/bundle-markers.mjs'

describe('the library of a bundle line', () => {
  it('reads a module comment written from the repository or from a project linked to it', () => {
    for (const prefix of ['', '../../work/wt/layout/', '../../work/main/']) {
      expect(libraryOfMarker(`// ${prefix}pipeline/render/pdf/text/justify.ts`)).toBe('pipeline/render/pdf/text…')
      expect(libraryOfMarker(`// ${prefix}pipeline/render/pdf/typeset.ts`)).toBe('pipeline/render/pdf…')
      expect(libraryOfMarker(`// ${prefix}pipeline/hyphenation/liang.ts`)).toBe('pipeline/hyphenation/…')
      expect(libraryOfMarker(`// ${prefix}pipeline/build.ts`)).toBe('pipeline/…')
      expect(libraryOfMarker(`// ${prefix}node_modules/bidi-js/dist/bidi.mjs`)).toBe('bidi-js')
      expect(libraryOfMarker(`// ${prefix}node_modules/@noble/hashes/esm/utils.js`)).toBe('@noble/hashes')
    }
  })

  it('names the innermost package, even one with a folder called pipeline', () => {
    expect(libraryOfMarker('// node_modules/a/node_modules/b/index.js')).toBe('b')
    expect(libraryOfMarker('// ../../x/node_modules/stream-tools/pipeline/index.js')).toBe('stream-tools')
    expect(libraryOfMarker('// node_modules/epub-gen-memory/package.json')).toBe('epub-gen-memory')
  })

  it('is no library for other comments', () => {
    expect(libraryOfMarker('// the pipeline/ folder')).toBeUndefined()
    expect(libraryOfMarker('// see node_modules/foo')).toBeUndefined()
    expect(libraryOfMarker('  // pipeline/build.ts')).toBeUndefined()
    expect(libraryOfMarker('// ../../work/bench/run.ts')).toBeUndefined()
  })

  it('ends a library at the next module from outside the repository (the PDF writer was counted as bidi-js)', () => {
    const bundle = ['import x', '// ../../w/node_modules/bidi-js/dist/bidi.mjs', 'bidi()', '// ../../w/pipeline/render/pdf/text/bidi.ts', 'ours()'].join('\n')
    expect(bundleMarkers(bundle)).toEqual([[1, 'bidi-js'], [3, 'pipeline/render/pdf/text…']])
  })
})
