/**
 * How far V8 lets the old generation grow past what the last full garbage
 * collection found alive: 1.5 times here instead of up to 4 times. A book's
 * PDF makes many objects that live just long enough to be promoted (with
 * `--max-semi-space-size=8`, which the npm scripts pass); with V8's own
 * factor the heap of the 74k-word book reached 170 MB around 40 MB alive,
 * most of the build's peak memory. V8 reads this flag each time it sets the
 * next limit, so it can be set here, unlike the young generation's size.
 * Imported first by bin/press.mjs; the README's "Peak memory" has the
 * measurements.
 */
import v8 from 'node:v8'

v8.setFlagsFromString('--heap-growing-percent=50')
