/**
 * Builds a corpus of documents in one project (each document its own
 * edition, in every format and in the given locales) and reports, per
 * edition, the words of the HTML article that the EPUB, the PDF read by
 * pdf.js and the PDF read by poppler lack.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { build, type BuildResult } from '../../pipeline/build.ts'
import { extract } from '../../pipeline/translation/extract.ts'
import { makePng } from '../helpers/png.ts'
import { makeProject } from '../helpers/project.ts'
import type { CorpusDocument } from './documents.ts'
import { countWords, epubWords, htmlArticleText, lackingWords, pdfjsWords, popplerTexts, popplerWords } from './read-words.ts'

export interface EditionWords {
  doc: string
  construct: string
  locale: string
  /** Words of the HTML article. */
  words: number
  lacking: { epub: string[]; pdfjs: string[]; poppler: string[] }
}

export interface CorpusResult {
  root: string
  build: BuildResult
  editions: EditionWords[]
}

export async function checkCorpus(documents: readonly CorpusDocument[], locales: string[]): Promise<CorpusResult> {
  const root = makeProject(Object.fromEntries(documents.map((document) => [`content/${document.name}.md`, document.markdown])))
  mkdirSync(path.join(root, 'content/images'), { recursive: true })
  writeFileSync(path.join(root, 'content/images/red.png'), makePng(60, 40, [200, 30, 30]))
  await extract(root)
  const result = await build({ root, locales })
  const out = (locale: string, doc: string, format: string) => path.join(root, 'output', locale, `${doc}.${format}`)
  const pdfs = documents.flatMap((document) => locales.map((locale) => out(locale, document.name, 'pdf')))
  const poppler = popplerTexts(pdfs)
  const editions: EditionWords[] = []
  for (const document of documents) {
    for (const locale of locales) {
      const popplerText = poppler.get(path.resolve(out(locale, document.name, 'pdf')))!
      const html = await readFile(out(locale, document.name, 'html'), 'utf8')
      const expected = countWords(htmlArticleText(html))
      const printed = countWords(htmlArticleText(html, { print: true }))
      editions.push({
        doc: document.name,
        construct: document.construct,
        locale,
        words: [...expected.values()].reduce((sum, count) => sum + count, 0),
        lacking: {
          epub: lackingWords(expected, await epubWords(out(locale, document.name, 'epub'))),
          pdfjs: lackingWords(printed, await pdfjsWords(out(locale, document.name, 'pdf'), popplerText)),
          poppler: lackingWords(printed, popplerWords(popplerText))
        }
      })
    }
  }
  return { root, build: result, editions }
}

/** One line per edition that lacks words: `cm-0042 en pdf.js: foo bar`. */
export function describeLosses(editions: readonly EditionWords[]): string[] {
  const lines: string[] = []
  for (const edition of editions) {
    for (const [reader, words] of Object.entries(edition.lacking)) {
      if (words.length > 0) lines.push(`${edition.doc} ${edition.locale} ${reader} (${edition.construct}): ${words.slice(0, 12).join(' ')}`)
    }
  }
  return lines
}
