#!/usr/bin/env node
/**
 * Where a build's time goes, from a V8 CPU profile of it:
 *
 *   node --cpu-prof --cpu-prof-dir=prof bin/press.mjs build --force --quiet
 *   node bench/profile.mjs prof/CPU.*.cpuprofile            # phases and libraries
 *   TIMELINE=1 node bench/profile.mjs prof/CPU.*.cpuprofile   # and the phases in order
 *
 * Phases are the outermost known pipeline function on each sample's stack
 * (a writer, preparing an edition…), or the bundle's module code running,
 * or its parts being read and made from their code cache, or V8's own
 * (garbage collector, idle, program); then the same for the time before a
 * writer first runs (percentages of the whole). Libraries come from the
 * `// node_modules/<package>/…` comments esbuild writes before each module
 * in the bundle; pipeline code is grouped by folder. Not a test.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { bundleMarkers } from './bundle-markers.mjs'

const PHASES = ['ensureBundle', 'upToDate', 'loadCatalogs', 'loadDocument', 'computeStatus', 'prepareEdition', 'renderHtml', 'renderEpub', 'renderPdf', 'renderIndex', 'renderStatusPage']
const V8_OWN = { '(garbage collector)': 'garbage collector', '(idle)': 'idle', '(program)': 'V8 and Node.js internals' }

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
const parents = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])))
const stack = (id) => {
  const frames = []
  for (let at = id; at !== undefined; at = parents.get(at)) frames.push(nodes.get(at).callFrame)
  return frames
}

/**
 * A module's own code in the bundle: the function esbuild wraps a module in, named by its file
 * (`"pipeline/render/epub.ts"()`, `"node_modules/pdfkit/js/pdfkit.js"()`), or a part's top level, the nameless
 * function bin/load-parts.mjs wraps it in, on its first line. (Any nameless function once counted: the build's
 * callbacks, the e-book's zip, were then counted as module code, 137-173 ms of a cold build instead of about 50.)
 */
const isModuleCode = (frame) => frame.url.includes('/.build/') && (/\.(?:[cm]?[jt]s|json)$/.test(frame.functionName) || (frame.functionName === '' && frame.lineNumber === 0))

function phaseOf(id) {
  const frames = stack(id)
  if (V8_OWN[frames[0].functionName]) return V8_OWN[frames[0].functionName]
  const named = frames.findLast((frame) => PHASES.includes(frame.functionName))
  if (named) return named.functionName
  // The innermost of module code, the loader and the command line's main(): the cli part's top level runs main(),
  // which has the loader read the build part, whose top level runs its modules' code.
  for (const frame of frames) {
    if (isModuleCode(frame)) return 'loading the bundle (module code)'
    // Not the loader's nameless require(), which the modules call for Node.js's built-in modules.
    if (frame.url.endsWith('/bin/load-parts.mjs') && frame.functionName !== '') return "reading the bundle's parts, making them from their cache"
    if (frame.functionName === 'main' && frame.url.endsWith('/cli.cjs')) break
  }
  return frames.some((frame) => frame.url.includes('/.build/')) ? 'other (the CLI and the build between phases)' : 'Node.js and bin/ (its start, loading bin/)'
}

const markers = new Map()
function libraryOf({ url, lineNumber, functionName }) {
  if (V8_OWN[functionName]) return V8_OWN[functionName]
  if (!url) return `${functionName || '(native)'}`
  if (url.startsWith('node:')) return 'Node.js'
  if (!url.includes('/.build/')) return url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1').replace(/^file:\/\/.*\/(bin|bench)\//, '$1/')
  // A part of the bundle is a script named by its path (bin/load-parts.mjs); an ES module by its address.
  if (!markers.has(url)) markers.set(url, bundleMarkers(readFileSync(url.startsWith('file:') ? fileURLToPath(url) : url, 'utf8')))
  return markers.get(url).findLast(([index]) => index <= lineNumber)?.[1] ?? '(bundle)'
}

const WRITERS = ['renderHtml', 'renderEpub', 'renderPdf']
const phases = new Map()
/** The phases before a writer first runs: the fixed start, the catalogs, the status, the editions prepared. */
const beforeWriting = new Map()
let writing = false
const libraries = new Map()
const timeline = []
let total = 0
profile.samples.forEach((id, index) => {
  const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000
  const phase = phaseOf(id)
  const library = libraryOf(nodes.get(id).callFrame)
  total += ms
  phases.set(phase, (phases.get(phase) ?? 0) + ms)
  writing ||= WRITERS.includes(phase)
  if (!writing) beforeWriting.set(phase, (beforeWriting.get(phase) ?? 0) + ms)
  libraries.set(library, (libraries.get(library) ?? 0) + ms)
  const last = timeline.at(-1)
  if (last?.phase === phase || (last && ms < 5 && V8_OWN[nodes.get(id).callFrame.functionName])) last.ms += ms
  else timeline.push({ phase, ms })
})
const table = (map, limit) => [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)
  .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(0).padStart(3)} %  ${name}`).join('\n')
const before = [...beforeWriting.values()].reduce((sum, ms) => sum + ms, 0)
console.log(`${total.toFixed(0)} ms sampled on the main thread\n\nby phase:\n${table(phases, 20)}\n\nbefore the first writer runs (${before.toFixed(0)} ms):\n${table(beforeWriting, 12)}\n\nby library (self time):\n${table(libraries, 20)}`)
if (process.env.TIMELINE) {
  let at = 0
  console.log('\nin order (stretches of 10 ms or more):')
  for (const { phase, ms } of timeline) {
    if (ms >= 10) console.log(`${at.toFixed(0).padStart(7)} ms  +${ms.toFixed(0).padStart(5)} ms  ${phase}`)
    at += ms
  }
}
