import { describe, expect, it } from 'vitest'
import { jsonLdScript } from '../pipeline/render/hast/json-ld.ts'
import { wrap } from '../pipeline/render/epub-cover.ts'

describe('jsonLdScript', () => {
  it('cannot close its script element, and reads back as the same value', () => {
    const value = { headline: '</script><script>alert(1)</script>', note: 'a\u2028b' }
    const text = (jsonLdScript(value).children[0] as { value: string }).value
    expect(text).not.toMatch(/<\/script/i)
    expect(text).not.toContain('\u2028')
    expect(JSON.parse(text)).toEqual(value)
  })
})

describe('cover title wrapping', () => {
  it('keeps every word, in order, and each line within the width', () => {
    const title = 'AI and cybercrime: Former INTERPOL Secretary General on why Kazakhstan’s leadership matters'
    const lines = wrap(title, 86, 900)
    expect(lines.join(' ')).toBe(title)
    expect(lines.length).toBeGreaterThan(2)
    for (const line of lines.slice(0, -1)) expect(line.length * 86 * 0.6).toBeLessThanOrEqual(900 + 86)
  })

  it('breaks Chinese between ideographs', () => {
    const lines = wrap('人工智能与网络犯罪：国际刑警组织前秘书长谈哈萨克斯坦引领作用的重要意义', 86, 900)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join('')).toBe('人工智能与网络犯罪：国际刑警组织前秘书长谈哈萨克斯坦引领作用的重要意义')
  })
})
