/**
 * V8 settings for a build, set before any of its code runs (imported first
 * by bin/press.mjs; V8 reads it when it uses it, so they need not be on
 * the command line). Measurements in the README's "Peak memory".
 *
 * WebAssembly (HarfBuzz shaping and subsetting; wawoff2's Brotli too when this was measured) stays in
 * the code Liftoff compiles at once: a function is optimised by TurboFan only
 * after it has run about 2,000,000,000 bytes' worth (Node.js 20's V8 did so
 * after 1,800,000, Node.js 24's after 13,000,000). In a build of a few
 * seconds, compiling the hot functions again cost more CPU than it saved,
 * and its memory stayed in the process.
 *
 * No allocation site is pretenured (`--no-allocation-site-pretenuring`).
 * V8 notices when most objects made at one place in the code survive their
 * first collections and then makes that place's objects straight in the old
 * generation. During the PDF's layout some such place's later objects died
 * young (the book: the old generation grew from 54 to 150 MB of which 54–64
 * MB were alive, and V8 kept the 150 MB); made in the young generation, they
 * die there, and the book's first build peaked at 236 MB instead of 308 MB on
 * Node.js 24 with no more CPU (README, "Where the memory goes").
 *
 * Not set: `--heap-growing-percent=50` (the old generation grown to 1.5
 * times what was last found alive, not up to 4 times). It kept the book's
 * heap at 104–108 MB instead of 164–174 MB, but cost 10–18 % more CPU in the
 * book and the 15 editions' first builds, and took no build under 300 MB that
 * was not already (README, "Where the memory goes").
 *
 * On Node.js 20 (V8 11, which has no Maglev), a JavaScript function is
 * optimised by TurboFan after four times as much of its bytecode has run as
 * V8 alone waits for (`--interrupt-budget`, 67,584 bytes by default). In a
 * build of a few seconds TurboFan compiled many functions that then ran too
 * little to repay it: 1.3–1.7 s of CPU on V8's threads in the book's first
 * build beside 1.9–2.1 s on the main thread, on a machine of two cores. The
 * book's first build: 3.1–3.3 s of CPU with it against 3.7–4.1 s without,
 * the main thread's within noise (README, "Where the floor is"). Node.js 22 and 24
 * tier up through Maglev first and count calls instead; their V8 has no such
 * flag, and is left as it is.
 *
 * No bytecode is flushed (`--no-flush-bytecode`). V8 drops the compiled
 * bytecode of a function that has not run through several garbage
 * collections, and compiles it again if it is called. The bundle's code
 * cache (bin/load-parts.mjs) is made from what is compiled at the end of a
 * build: a first build that had flushed the functions it ran early (reading,
 * parsing) made a cache of 1.5-2.0 MB instead of 2.8 MB, kept until the
 * bundle changes, and the 9 editions on Node.js 20 then took 0.85-0.87 s
 * instead of 0.77-0.78 s. A build's bytecode is a few megabytes.
 */
import v8 from 'node:v8'

v8.setFlagsFromString('--wasm-tiering-budget=2000000000')
// Before any code runs: a site's decision is kept with the site.
v8.setFlagsFromString('--no-allocation-site-pretenuring')
// Before the bundle's scripts are compiled: V8's flags are part of the code cache's check.
v8.setFlagsFromString('--no-flush-bytecode')
if (Number.parseInt(process.versions.v8, 10) < 12) v8.setFlagsFromString('--interrupt-budget=270336')
