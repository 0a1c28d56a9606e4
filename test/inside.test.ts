/** The one containment test (pipeline/inside.ts): what lies inside a folder, and what only looks as if it did. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isBelow, isWithin, pathInside } from '../pipeline/inside.ts'

const DIR = path.resolve('/srv/site/content')

describe('pathInside', () => {
  it('gives the path below the folder, and nothing for a path outside it', () => {
    expect(pathInside(DIR, path.join(DIR, 'a/b.md'))).toBe(path.join('a', 'b.md'))
    expect(pathInside(DIR, DIR)).toBe('')
    expect(pathInside(DIR, path.dirname(DIR))).toBeUndefined()
    expect(pathInside(DIR, path.join(DIR, '../locales/x.json'))).toBeUndefined()
  })

  it('is not fooled by a sibling whose name begins with the folder\'s, nor by a name that begins with two dots', () => {
    expect(pathInside(DIR, `${DIR}-old/a.md`)).toBeUndefined()
    expect(pathInside(DIR, path.join(DIR, '..draft.md'))).toBe('..draft.md')
  })

  it('tells the folder itself (isWithin) from what is below it (isBelow)', () => {
    expect([isWithin(DIR, DIR), isBelow(DIR, DIR)]).toEqual([true, false])
    expect([isWithin(DIR, path.join(DIR, 'x')), isBelow(DIR, path.join(DIR, 'x'))]).toEqual([true, true])
    expect([isWithin(DIR, `${DIR}x`), isBelow(DIR, `${DIR}x`)]).toEqual([false, false])
  })
})
