/**
 * Every word in every format: each corpus document (test/corpus/documents.ts:
 * the CommonMark specification's examples, one document each, and a
 * document per GFM extension and nested construct) is built in English and
 * in the pseudo-locale en-XA (every segment translated through a catalog),
 * and every word of its HTML article must be found in its EPUB, and in its
 * PDF as pdf.js and as poppler read it.
 *
 * `npm test` builds a slice: every GFM and nested-construct document, every
 * CommonMark example that lost words before (the list below), and every
 * thirtieth other example. `npm run test:corpus` (CORPUS=all, run by .ci/run)
 * builds all of them.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { checkCorpus, type CorpusResult, type EditionWords } from './corpus/check-corpus.ts'
import { corpusDocuments } from './corpus/documents.ts'

/**
 * Examples whose words the PDF lost before this test existed (tabs in list
 * items, code blocks and quotes in list items, nested lists, an empty first
 * line of an item), all in the List items, Lists and Tabs sections.
 */
const LOST_BEFORE = [
  'cm-0005', 'cm-0009', 'cm-0254', 'cm-0263', 'cm-0264', 'cm-0270', 'cm-0271', 'cm-0273', 'cm-0274', 'cm-0286', 'cm-0287',
  'cm-0288', 'cm-0290', 'cm-0294', 'cm-0296', 'cm-0307', 'cm-0319', 'cm-0320', 'cm-0321', 'cm-0323', 'cm-0324'
]

/**
 * Reader limits, not lost words: poppler runs "Ӓ Ϡ" together into one word
 * (the characters come from a fallback face; pdf.js reads them apart).
 */
const READER_LIMITS: Record<string, { reader: keyof EditionWords['lacking']; words: string[] }> = {
  'cm-0026': { reader: 'poppler', words: ['Ӓ', 'Ϡ'] }
}

const all = process.env.CORPUS === 'all'
const documents = corpusDocuments().filter((document, index) =>
  all || !document.name.startsWith('cm-') || LOST_BEFORE.includes(document.name) || index % 30 === 0 || document.name in READER_LIMITS
)

let result: CorpusResult

beforeAll(async () => {
  result = await checkCorpus(documents, ['en', 'en-XA'])
}, 3_600_000)

/** Characters the build said no PDF font can draw (a warning at their place): missing from the PDF by design, not lost. */
function undrawable(): Set<string> {
  const chars = new Set<string>()
  for (const file of result.build.files) {
    for (const message of file.messages) {
      const found = message.ruleId === 'missing-glyph' ? /“(.+?)”/u.exec(message.reason) : null
      if (found) chars.add(found[1]!)
    }
  }
  return chars
}

describe(`the corpus (${documents.length} documents, en and en-XA)`, () => {
  it('builds every edition', () => {
    expect(result.build.failures).toEqual([])
  })

  it('finds every word of each HTML article in the EPUB, and in the PDF through pdf.js and poppler', () => {
    const skip = undrawable()
    const lost: string[] = []
    for (const edition of result.editions) {
      for (const [reader, words] of Object.entries(edition.lacking) as Array<[keyof EditionWords['lacking'], string[]]>) {
        const limit = READER_LIMITS[edition.doc]
        const really = words.filter((word) => ![...word].some((char) => skip.has(char)) && !(limit?.reader === reader && limit.words.includes(word)))
        if (really.length > 0) lost.push(`${edition.doc} ${edition.locale} ${reader} (${edition.construct}): ${really.join(' ')}`)
      }
    }
    expect(lost).toEqual([])
  })

  it('read words from every edition (the check is not empty)', () => {
    expect(result.editions.length).toBe(documents.length * 2)
    expect(result.editions.filter((edition) => edition.words > 0).length).toBeGreaterThan(documents.length)
  })
})
