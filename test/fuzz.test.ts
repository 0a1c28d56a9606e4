/**
 * Property-based tests: random catalog values and random Markdown never make
 * the build throw or fail, and every edition reads back whole and harmless
 * (see helpers/fuzz.ts). `npm test` runs a small, fixed-seed sample;
 * `npm run test:fuzz` runs many more cases with a new seed each time
 * (FUZZ_RUNS, FUZZ_SEED to choose).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalogValue, markdownDocument, problemsOf } from './helpers/fuzz.ts'

const RUNS = Number(process.env.FUZZ_RUNS ?? 8)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20251127
const SIMPLE = '---\ntitle: Fuzz\n---\n\nFirst paragraph.\n\n:::question\nA question?\n:::\n\nAn answer with *emphasis* and a [link](https://example.org).\n'

const settings = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: !process.env.FUZZ_RUNS }
/** A case builds six editions and reads them back: a few seconds each on a busy machine. */
const TIMEOUT = 120_000 + RUNS * 10_000

/** Inputs that fuzzing once found breaking an edition; kept so the fixes stay fixed. */
const FOUND = [
  // fontkit threw on a NULL mark anchor in Noto Serif Italic: the whole PDF failed.
  { markdown: '---\ntitle: Fuzz\n---\n\n> \u0391\u0313\n', values: [''] },
  // The PDF dropped whatever a figure held besides its image and caption.
  { markdown: '---\ntitle: Fuzz\n---\n\n:::figure{credit="\u200e"}\n![- Сәлем](images/card.png)\n\n- Сәлем\n:::\n', values: [''] }
]

describe('fuzzing', () => {
  it('inputs fuzzing found once still build and read back', async () => {
    for (const found of FOUND) expect(await problemsOf(found)).toEqual([])
  })

  it(`random catalog values: every edition builds and reads back (${RUNS} cases)`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(catalogValue, { minLength: 1, maxLength: 6 }), async (values) => {
      expect(await problemsOf({ markdown: SIMPLE, values })).toEqual([])
    }), settings)
  }, TIMEOUT)

  it(`random Markdown documents: every edition builds and reads back (${RUNS} cases)`, async () => {
    await fc.assert(fc.asyncProperty(markdownDocument, fc.array(catalogValue, { minLength: 1, maxLength: 4 }), async (markdown, values) => {
      expect(await problemsOf({ markdown, values })).toEqual([])
    }), settings)
  }, TIMEOUT)
})
