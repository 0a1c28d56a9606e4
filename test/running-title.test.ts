import { describe, expect, it } from 'vitest'
import { runningTitleCandidates } from '../pipeline/render/pdf/running-title.ts'

describe('running title', () => {
  it('tries the short title, the part before the colon, the whole title, then whole-word prefixes', () => {
    const title = 'AI and cybercrime: Former INTERPOL Secretary General on why Kazakhstan’s leadership matters'
    const candidates = [...runningTitleCandidates(title, 'en', 'AI and cybercrime')]
    expect(candidates.slice(0, 3)).toEqual(['AI and cybercrime', 'AI and cybercrime', title])
    expect(candidates[3]).toBe('AI and cybercrime: Former INTERPOL Secretary General on why Kazakhstan’s leadership…')
    // Every prefix ends at a word's end, never inside one.
    for (const candidate of candidates.slice(3)) expect(title.startsWith(candidate.slice(0, -1))).toBe(true)
    for (const candidate of candidates.slice(3)) expect(title[candidate.length - 1]).toMatch(/[\s:’]/)
  })

  it('cuts a title with a dash before the dash, and a Chinese one between words', () => {
    expect([...runningTitleCandidates('Искусственный интеллект — о том, почему', 'ru')][0]).toBe('Искусственный интеллект')
    const zh = [...runningTitleCandidates('人工智能与网络犯罪国际刑警组织', 'zh')]
    expect(zh).toContain('人工智能与网络…')
    expect(zh).not.toContain('人工智…')
  })

  it('cuts the title into words only when the whole titles do not fit', () => {
    const intl = Intl as { Segmenter: typeof Intl.Segmenter }
    const Segmenter = intl.Segmenter
    let made = 0
    intl.Segmenter = class extends Segmenter {
      constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
        super(...args)
        made++
      }
    }
    try {
      const candidates = runningTitleCandidates('AI and cybercrime: why it matters', 'en', 'AI')
      expect([candidates.next().value, candidates.next().value, candidates.next().value]).toEqual(['AI', 'AI and cybercrime', 'AI and cybercrime: why it matters'])
      expect(made).toBe(0)
      expect(candidates.next().value).toBe('AI and cybercrime: why it…')
      expect(made).toBe(1)
    } finally {
      intl.Segmenter = Segmenter
    }
  })
})
