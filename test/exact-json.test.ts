/**
 * exactJson gives JSON text only for a value JSON.parse gives back deep
 * strictly equal (what the parsed-document cache keeps, document-cache.ts):
 * the same judgement as stringifying, parsing back and comparing, for what
 * JSON keeps and for each thing it drops or changes.
 */
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { exactJson } from '../pipeline/content/exact-json.ts'

class Point {
  x = 1
}
const sparse: unknown[] = [1]
sparse[2] = 3
const tagged = Object.assign([1, 2], { extra: true })
const nullPrototype = Object.assign(Object.create(null) as object, { a: 1 })

const KEPT: Array<[string, unknown]> = [
  ['a tree', { type: 'root', children: [{ type: 'text', value: 'é \ud83d\ude00', position: { start: { line: 1, column: 1, offset: 0 } } }], data: { ok: true, none: null } }],
  ['numbers', [0, 1.5, -2, 1e300]],
  ['a lone surrogate', { value: '\ud800' }],
  ['empty things', { a: [], b: {}, c: '' }]
]
const CHANGED: Array<[string, unknown]> = [
  ['an undefined field', { type: 'text', value: undefined }],
  ['undefined in an array', [1, undefined]],
  ['a hole', sparse],
  ['NaN', { n: Number.NaN }],
  ['Infinity', [Number.POSITIVE_INFINITY]],
  ['-0', { n: -0 }],
  ['a Date', { at: new Date(0) }],
  ['a class instance', { point: new Point() }],
  ['a null-prototype object', { data: nullPrototype }],
  ['an array with another property', { children: tagged }],
  ['a symbol key', { [Symbol('s')]: 1, a: 1 }],
  ['a function', { f: () => 1 }],
  ['a Map', { m: new Map([[1, 2]]) }],
  ['a boxed string', { s: new String('x') }],
  ['undefined', undefined]
]

/** What the cache did before: stringify, parse back, compare. */
const roundTrips = (value: unknown) => {
  const json = JSON.stringify(value)
  return json !== undefined && isDeepStrictEqual(JSON.parse(json), value)
}

describe('JSON text only for a value that comes back exactly', () => {
  it.each(KEPT)('gives JSON.stringify\'s text for %s', (_, value) => {
    expect(roundTrips(value)).toBe(true)
    expect(exactJson(value)).toBe(JSON.stringify(value))
  })

  it.each(CHANGED)('gives nothing for %s', (_, value) => {
    expect(roundTrips(value)).toBe(false)
    expect(exactJson(value)).toBeUndefined()
  })
})
