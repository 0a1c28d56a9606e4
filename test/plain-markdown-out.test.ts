/**
 * A source segment that is one plain text node is keyed by its value without
 * a toMarkdown run: it must be exactly what mdast-util-to-markdown writes for
 * it, and anything it would escape must still go through it.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type { PhrasingContent } from 'mdast'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { phrasingToMarkdown, plainMarkdown, writePhrasing, writesAsItself } from '../pipeline/content/markdown.ts'
import { createParser } from '../pipeline/create-processor.ts'
import { commonMarkDocuments, GFM_DOCUMENTS } from './corpus/documents.ts'

const text = (value: string): PhrasingContent[] => [{ type: 'text', value }]

/** Every text node's value in the interview and the corpus documents. */
function corpusTexts(): string[] {
  const interview = readFileSync(path.join(import.meta.dirname, '..', 'content', 'interview.md'), 'utf8')
  const texts: string[] = []
  for (const markdown of [interview, ...[...commonMarkDocuments(), ...GFM_DOCUMENTS].map((doc) => doc.markdown)]) {
    visit(createParser().parse(new VFile({ path: 'content/doc.md', value: markdown })), 'text', (node) => { texts.push(node.value) })
  }
  return texts
}

/** Letters of several scripts, spaces of several kinds, and every character a Markdown writer escapes somewhere. */
const PIECES = ['a', 'w', 'W', 'ә', 'Ж', 'ب', '哈', '😀', '\u0301', ' ', '  ', '\u00a0', '\t', '\n', '\r', '\0', '\u007f', '1', '2.', '3)', '.', 'www.', 'wWw.', 'https://x.org', 'p:/', 'a@b.co',
  '*', '_', '`', '[', ']', '(', ')', '!', '<', '>', '&', '&amp;', '&#1;', '~', ':', ': ', '::', ':-', '#', '=', '|', '-', '+', '\\', ',', '—', '"', "'", '{', '}', '^', '$', '%']

/** Every heading's, paragraph's and table cell's children in the interview and the corpus documents. */
function corpusSegments(): PhrasingContent[][] {
  const interview = readFileSync(path.join(import.meta.dirname, '..', 'content', 'interview.md'), 'utf8')
  const segments: PhrasingContent[][] = []
  for (const markdown of [interview, ...[...commonMarkDocuments(), ...GFM_DOCUMENTS].map((doc) => doc.markdown)]) {
    visit(createParser().parse(new VFile({ path: 'content/doc.md', value: markdown })), (node) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') segments.push(node.children)
    })
  }
  return segments
}

/** Plain words, punctuation and spaces, as a segment's text or an emphasis's. */
const WORDS = ['a', 'Zebra', 'ok', '2024', 'Ж', 'é', 'Қ', '’', ',', '.', ':', ';', '(', ')', '"', '—', '?', ' ', '  ', 'b.c', 'x-y', '*', '_', '1.', '-']

describe('plain source segments', () => {
  it('are written as mdast-util-to-markdown writes them, for every text of the interview and the corpus', () => {
    const texts = corpusTexts()
    const plain = texts.filter(writesAsItself)
    // The shortcut is taken for most of the interview's and corpus's texts.
    expect(plain.length).toBeGreaterThan(texts.length / 3)
    for (const value of texts) expect(phrasingToMarkdown(text(value)), JSON.stringify(value)).toBe(writePhrasing(text(value)))
  })

  it('are written as mdast-util-to-markdown writes them, for any mix of letters, spaces and Markdown characters', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (pieces) => {
      const value = pieces.join('')
      expect(phrasingToMarkdown(text(value))).toBe(writePhrasing(text(value)))
    }), { numRuns: 3000, seed: 17 })
  })

  it('with emphasis are written as mdast-util-to-markdown writes them, for every segment of the interview and the corpus', () => {
    const segments = corpusSegments()
    for (const children of segments) expect(phrasingToMarkdown(children), JSON.stringify(children)).toBe(writePhrasing(children))
  })

  it('with emphasis are written as mdast-util-to-markdown writes them, for random text, emphasis and strong emphasis', () => {
    // Mostly words the shortcut takes, some with what defeats it (markers, a list's start).
    const wordsOf = (pool: readonly string[]) => fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''))
    const words = fc.oneof({ weight: 4, arbitrary: wordsOf(WORDS.slice(0, -4)) }, { weight: 1, arbitrary: wordsOf(WORDS) })
    let shortcut = 0
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('text', 'emphasis', 'strong'), words), { minLength: 1, maxLength: 5 }), (parts) => {
      // Adjacent texts joined, as the parser gives them.
      const children: PhrasingContent[] = []
      for (const [type, value] of parts) {
        const last = children[children.length - 1]
        if (type === 'text' && last?.type === 'text') last.value += value
        else children.push(type === 'text' ? { type, value } : { type, children: [{ type: 'text', value }] })
      }
      const written = writePhrasing(children)
      if (plainMarkdown(children) !== undefined && children.some((node) => node.type !== 'text')) shortcut++
      expect(phrasingToMarkdown(children)).toBe(written)
    }), { numRuns: 6000, seed: 17 })
    expect(shortcut).toBeGreaterThan(60)
  })

  it('take the shortcut for plain text around emphasis, and not beside another emphasis', () => {
    const text = (value: string): PhrasingContent => ({ type: 'text', value })
    const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] })
    expect(phrasingToMarkdown([emphasis('Criminals'), text(' are already here.')])).toBe('*Criminals* are already here.')
    expect(phrasingToMarkdown([emphasis('a'), emphasis('b')])).toBe('*a*_b_')
  })

  it('skip the writer for sentences with a colon before a space, and leave whatever it escapes to it', () => {
    expect(writesAsItself('Chapter 1: Legislation 7')).toBe(true)
    expect(writesAsItself(': Он сказал: «да» — and left!')).toBe(true)
    for (const value of ['*a*', 'a_b', '`a`', '[a]', '![a]', '<b>', 'a & b', '~a', 'a@b', 'see www.example.org', 'a\\b', 'a|b', '# a', 'a#', 'a=b', '1. a', '- a', '+ a',
      ' a', 'a ', 'a\nb', 'a\tb', '', ':a', 'a:b', 'http://x', 'a:-b', 'a:']) {
      expect(writesAsItself(value), JSON.stringify(value)).toBe(false)
    }
  })
})
