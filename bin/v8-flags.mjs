/**
 * V8 settings for a build, set before any of its code runs (imported first
 * by bin/press.mjs; V8 reads both when it uses them, so they need not be on
 * the command line). Measurements in the README's "Peak memory".
 *
 * How far the old generation may grow past what the last full garbage
 * collection found alive: 1.5 times instead of up to 4 times. A book's PDF
 * makes many objects that live just long enough to be promoted (with
 * `--max-semi-space-size=8`, which the npm scripts pass); with V8's own
 * factor the 74k-word book's heap reached 170 MB around 40 MB alive.
 *
 * WebAssembly (HarfBuzz shaping and subsetting, wawoff2's Brotli) stays in
 * the code Liftoff compiles at once: a function is optimised by TurboFan only
 * after it has run about 2,000,000,000 bytes' worth (Node.js 20's V8 did so
 * after 1,800,000, Node.js 24's after 13,000,000). In a build of a few
 * seconds, compiling the hot functions again cost more CPU than it saved,
 * and its memory stayed in the process.
 */
import v8 from 'node:v8'

v8.setFlagsFromString('--heap-growing-percent=50')
v8.setFlagsFromString('--wasm-tiering-budget=2000000000')
