import { describe, expect, it, vi } from 'vitest'
import type { VFileMessage } from 'vfile-message'
import { nest, parseCatalog, stringifyCatalog } from '../pipeline/i18n/catalog.ts'
import { isCatalogFailure } from '../pipeline/messages.ts'
import { describeMessage, reportFailure } from '../pipeline/report.ts'

const parse = (text: string | Uint8Array) => parseCatalog(typeof text === 'string' ? new TextEncoder().encode(text) : text, 'locales/kk/doc.json')

function failure(text: string | Uint8Array): VFileMessage {
  try {
    parse(text)
  } catch (error) {
    if (isCatalogFailure(error)) return error
    throw error
  }
  throw new Error('expected a fatal catalog message')
}
/** The one line the reporter prints for it. */
const lineOf = (error: VFileMessage) => describeMessage(error, process.cwd())

describe('parseCatalog', () => {
  it('flattens nested keys and records where each value is', () => {
    const catalog = parse('{\n  "p": {\n    "a": "Сәлем"\n  }\n}\n')
    expect(catalog.entries.get('p.a')).toEqual({ value: 'Сәлем', line: 3, column: 10 })
    expect(catalog.resources).toEqual({ p: { a: 'Сәлем' } })
  })

  it('names file, line and column of a trailing comma', () => {
    const error = failure('{\n  "a": "x",\n}\n')
    expect(lineOf(error)).toMatch(/^locales\/kk\/doc\.json:3:1: Invalid JSON/)
    expect(lineOf(error)).toMatch(/trailing comma/)
  })

  it('names the key of a duplicate', () => {
    const error = failure('{\n  "p": { "a": "x",\n    "a": "y" }\n}')
    expect(error.key).toBe('p.a')
    expect(error.line).toBe(3)
  })

  it('names the key of a value of the wrong type', () => {
    const error = failure('{ "p": { "n": 3 } }')
    expect(error.key).toBe('p.n')
    expect(lineOf(error)).toMatch(/expected a string/)
  })

  it('refuses a byte order mark and invalid UTF-8', () => {
    expect(lineOf(failure('\ufeff{}'))).toMatch(/BOM/)
    const bytes = new Uint8Array([...new TextEncoder().encode('{\n "a": "'), 0xff, ...new TextEncoder().encode('"\n}')])
    const error = failure(bytes)
    expect(lineOf(error)).toMatch(/UTF-8/)
    expect(error.line).toBe(2)
  })

  it('is a fatal message on the catalog file, with place and rule id, printed as one line with exit code 1', () => {
    const error = failure('{\n  "p": { "n": 3 }\n}')
    expect(error).toMatchObject({ fatal: true, file: 'locales/kk/doc.json', line: 2, column: 10, ruleId: 'value-type', source: 'catalog', key: 'p.n' })
    expect(error.reason).not.toMatch(/\d+:\d+/)
    expect(failure('{\n  "a": "x",\n}\n')).toMatchObject({ fatal: true, line: 3, column: 1, ruleId: 'invalid-json' })
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(reportFailure(error)).toBe(1)
      expect(printed.mock.calls).toEqual([['error locales/kk/doc.json:2:10: Unexpected number for key `p.n`, expected a string (or an object of plural forms)']])
    } finally {
      printed.mockRestore()
    }
  })

  it('round-trips through nest and stringify', () => {
    const text = '{\n  "meta": {\n    "title": "T"\n  },\n  "p": {\n    "a": "A"\n  }\n}\n'
    const catalog = parse(text)
    expect(stringifyCatalog(nest([...catalog.entries].map(([key, entry]) => [key, entry.value])))).toBe(text)
  })
})
