import { describe, expect, it } from 'vitest'
import { CatalogError, nest, parseCatalog, stringifyCatalog } from '../pipeline/i18n/catalog.ts'

const parse = (text: string | Uint8Array) => parseCatalog(typeof text === 'string' ? new TextEncoder().encode(text) : text, 'locales/kk/doc.json')

function failure(text: string | Uint8Array): CatalogError {
  try {
    parse(text)
  } catch (error) {
    if (error instanceof CatalogError) return error
    throw error
  }
  throw new Error('expected a CatalogError')
}

describe('parseCatalog', () => {
  it('flattens nested keys and records where each value is', () => {
    const catalog = parse('{\n  "p": {\n    "a": "Сәлем"\n  }\n}\n')
    expect(catalog.entries.get('p.a')).toEqual({ value: 'Сәлем', line: 3, column: 10 })
    expect(catalog.resources).toEqual({ p: { a: 'Сәлем' } })
  })

  it('names file, line and column of a trailing comma', () => {
    const error = failure('{\n  "a": "x",\n}\n')
    expect(error.message).toMatch(/^locales\/kk\/doc\.json:3:1: Invalid JSON/)
    expect(error.message).toMatch(/trailing comma/)
  })

  it('names the key of a duplicate', () => {
    const error = failure('{\n  "p": { "a": "x",\n    "a": "y" }\n}')
    expect(error.key).toBe('p.a')
    expect(error.line).toBe(3)
  })

  it('names the key of a value of the wrong type', () => {
    const error = failure('{ "p": { "n": 3 } }')
    expect(error.key).toBe('p.n')
    expect(error.message).toMatch(/expected a string/)
  })

  it('refuses a byte order mark and invalid UTF-8', () => {
    expect(failure('\ufeff{}').message).toMatch(/BOM/)
    const bytes = new Uint8Array([...new TextEncoder().encode('{\n "a": "'), 0xff, ...new TextEncoder().encode('"\n}')])
    const error = failure(bytes)
    expect(error.message).toMatch(/UTF-8/)
    expect(error.line).toBe(2)
  })

  it('round-trips through nest and stringify', () => {
    const text = '{\n  "meta": {\n    "title": "T"\n  },\n  "p": {\n    "a": "A"\n  }\n}\n'
    const catalog = parse(text)
    expect(stringifyCatalog(nest([...catalog.entries].map(([key, entry]) => [key, entry.value])))).toBe(text)
  })
})
