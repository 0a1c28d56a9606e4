/**
 * Which library a line of the bundle belongs to, from the comment esbuild
 * writes before each module: `// <path>` relative to the folder esbuild ran
 * in. A build run from the repository writes `// pipeline/render/…` and
 * `// node_modules/pdfkit/…`; one run from another project (the benchmark's
 * book, whose pipeline/ and node_modules/ are links into the repository)
 * writes the resolved path, `// ../../work/…/pipeline/render/…`. Both name
 * the same module, so both must: a marker missed left every line after it
 * counted under the library before it (bench/profile.mjs put the PDF
 * writer's own code under bidi-js).
 */

/** Pipeline code is grouped by folder; the PDF writer and its text engine apart. */
const PIPELINE_GROUP = /^pipeline\/(?:render\/pdf\/text|render\/pdf|[^/]+\/)?/

/**
 * The library a module comment names, or undefined for a line that is not one.
 * @param {string} line
 * @returns {string | undefined}
 */
export function libraryOfMarker(line) {
  const comment = /^\/\/ (\S+\.\w+)$/.exec(line)
  if (!comment) return undefined
  const file = comment[1]
  const inPackage = file.lastIndexOf('node_modules/')
  if (inPackage !== -1) return /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file.slice(inPackage))?.[1]
  const inRepository = file.slice(file.lastIndexOf('/pipeline/') + 1)
  const group = PIPELINE_GROUP.exec(inRepository)
  return group ? `${group[0]}…` : undefined
}

/**
 * Each module comment's line index and library, in order.
 * @param {string} bundle
 * @returns {Array<[number, string]>}
 */
export function bundleMarkers(bundle) {
  return bundle.split('\n').flatMap((line, index) => {
    const library = libraryOfMarker(line)
    return library === undefined ? [] : [[index, library]]
  })
}
