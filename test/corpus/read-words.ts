/**
 * Every word of an edition, as each reader's software finds it: the HTML
 * article parsed, the EPUB's spine documents, the PDF's text through pdf.js
 * and through poppler's pdftotext. Words are counted, so a word the HTML
 * shows twice must be found twice.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import { findAll, pdfText, readEpub } from '../helpers/read-back.ts'

export type WordCounts = Map<string, number>

/** Words: letters and digits (with their marks), in NFC; punctuation and layout do not count. */
export function countWords(text: string): WordCounts {
  const counts: WordCounts = new Map()
  for (const word of text.normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1)
  return counts
}

/** Words of `expected` that `found` lacks (as many times as they are lacking). */
export function lackingWords(expected: WordCounts, found: WordCounts): string[] {
  const lacking: string[] = []
  for (const [word, count] of expected) {
    const missing = count - (found.get(word) ?? 0)
    for (let i = 0; i < missing; i++) lacking.push(word)
  }
  return lacking
}

/**
 * The article of an HTML edition: what every format must carry. `print`:
 * what the PDF must carry, where notes stand at the foot of their page
 * under no heading (the notes section's heading is printed only over
 * endnotes), so the heading is left out.
 */
export function htmlArticleText(html: string, { print = false } = {}): string {
  const article = findAll(fromHtml(html), (node) => node.tagName === 'article')[0]
  if (!article) return ''
  if (print) {
    for (const section of findAll(article, (node) => node.tagName === 'section' && node.properties.dataFootnotes !== undefined)) {
      section.children = section.children.filter((child) => child.type !== 'element' || !/^h[1-6]$/.test(child.tagName))
    }
  }
  return toText(article)
}

export async function epubWords(file: string): Promise<WordCounts> {
  return countWords((await readEpub(readFileSync(file))).text)
}

/** pdf.js's text; `poppler` (pdftotext's text of the same file) says where a line end hyphenated a word. */
export async function pdfjsWords(file: string, poppler: string): Promise<WordCounts> {
  return countWords((await pdfText(readFileSync(file), poppler)).text)
}

/** pdftotext's text of many PDFs in one process call (one shell loop), by absolute path. */
export function popplerTexts(files: readonly string[]): Map<string, string> {
  const out = new Map<string, string>()
  const separator = '@@@end-of-pdf@@@'
  const script = `for f in "$@"; do pdftotext -enc UTF-8 "$f" - ; echo '${separator}'; done`
  const text = execFileSync('sh', ['-c', script, 'sh', ...files], { maxBuffer: 512 * 1024 * 1024 }).toString()
  const parts = text.split(separator)
  for (const [index, file] of files.entries()) out.set(path.resolve(file), parts[index] ?? '')
  return out
}

/** Words of pdftotext's text: a soft hyphen at a line end is one the PDF added, the word goes on after the break. */
export function popplerWords(text: string): WordCounts {
  return countWords(dehyphenatePoppler(text))
}

function dehyphenatePoppler(text: string): string {
  return text.replace(/\u00ad\s*\n\s*/g, '').replace(/\u00ad/g, '')
}
