import { describe, expect, it } from 'vitest'
import { jsonLdScript } from '../pipeline/render/hast/json-ld.ts'

describe('jsonLdScript', () => {
  it('cannot close its script element, and reads back as the same value', () => {
    const value = { headline: '</script><script>alert(1)</script>', note: 'a\u2028b' }
    const text = (jsonLdScript(value).children[0] as { value: string }).value
    expect(text).not.toMatch(/<\/script/i)
    expect(text).not.toContain('\u2028')
    expect(JSON.parse(text)).toEqual(value)
  })
})
