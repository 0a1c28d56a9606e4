/**
 * Translated segments that hold no Markdown skip the parser: they must read
 * exactly as the parser reads them (one text node, the same position), and
 * anything that could be syntax must still go through it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPlainText, markdownToPhrasing, parsePhrasing } from '../pipeline/content/markdown.ts'

const LOCALES = path.join(import.meta.dirname, '..', 'locales')

/** Every string in the project's catalogs and the test fixtures' catalogs. */
function catalogStrings(): string[] {
  const strings: string[] = []
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value)
    else if (value && typeof value === 'object') Object.values(value).forEach(collect)
  }
  for (const locale of readdirSync(LOCALES)) {
    for (const file of readdirSync(path.join(LOCALES, locale)).filter((name) => name.endsWith('.json'))) {
      collect(JSON.parse(readFileSync(path.join(LOCALES, locale, file), 'utf8')))
    }
  }
  return strings
}

/** Letters of every script we publish, digits, spaces of several kinds, and every character Markdown gives a meaning. */
const PIECES = ['a', 'Z', 'ә', 'Ж', 'ب', '哈', '😀', '\u0301', ' ', '  ', '\u00a0', '\t', '\n', '\r', '\0', '1', '2.', '3)', 'www.', 'WWW.', 'http://x.org', 'a@b.co',
  '*', '_', '`', '[', ']', '(', ')', '!', '<', '>', '&', '&amp;', '~', ':', '::', '#', '=', '|', '-', '+', '\\', '.', ',', '—', '«', '»', '"', "'", '{', '}', '^', '[^1]', '\ufeff', '\u2028', '$', '%']

describe('plain translated segments', () => {
  it('read like the parser reads them, for every catalog string', () => {
    const strings = catalogStrings()
    const plain = strings.filter(isPlainText)
    // Most of the shipped translations are plain sentences: the shortcut is taken.
    expect(plain.length).toBeGreaterThan(strings.length / 2)
    for (const value of strings) expect(markdownToPhrasing(value), value).toEqual(parsePhrasing(value))
  })

  it('read like the parser reads them, for any mix of letters, spaces and Markdown characters', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (pieces) => {
      const value = pieces.join('')
      expect(markdownToPhrasing(value)).toEqual(parsePhrasing(value))
    }), { numRuns: 1500, seed: 17 })
  })

  it('leaves whatever could be syntax to the parser', () => {
    expect(isPlainText('Ол 2024 жылы келді — бәрі де.')).toBe(true)
    for (const value of ['*a*', '_a_', '`a`', '[a](b)', '![a](b)', '<b>', 'a &amp; b', '~~a~~', ':abbr[a]', 'a@b.co', 'see www.example.org', 'a\\b', 'a|b', '# a', '1. a', '- a', '+ a', ' a', 'a ', 'a\nb', 'a\tb', '']) {
      expect(isPlainText(value), JSON.stringify(value)).toBe(false)
    }
  })
})
