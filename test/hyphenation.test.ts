import { describe, expect, it } from 'vitest'
import { compileTexPatterns } from '../pipeline/hyphenation/tex-patterns.ts'
import { hyphenatorFor } from '../pipeline/render/pdf/hyphenation.ts'

/** The text with a hyphen at each break the hyphenator allows. */
function show(locale: string, text: string): string {
  const points = hyphenatorFor(locale)!(text, 0, text.length)
  let out = ''
  let last = 0
  for (const point of points) {
    out += text.slice(last, point) + '-'
    last = point
  }
  return out + text.slice(last)
}

describe('hyphenation', () => {
  it('uses TeX patterns for English and Russian', () => {
    expect(show('en', 'consistently anticipating')).toBe('con-sis-tently an-tic-i-pat-ing')
    expect(show('ru', 'неизменно проявлял инициативу')).toBe('неиз-менно про-яв-лял ини-ци-а-тиву')
  })

  it('leaves words in capitals and short words whole, and English names; Russian and Kazakh break declined names', () => {
    expect(show('en', 'Kazakhstan INTERPOL data')).toBe('Kazakhstan INTERPOL data')
    expect(show('ru', 'ИНТЕРПОЛ ИИ')).toBe('ИНТЕРПОЛ ИИ')
    expect(show('ru', 'Казахстана')).toBe('Ка-зах-стана')
  })

  it('hyphenates Kazakh with the hyph-utf8 patterns, 2 letters before and 3 after a break', () => {
    // Vowel–consonant–vowel breaks before the consonant (па-рат), which the old two-consonant rule never allowed.
    expect(show('kk', 'ақпарат ынтымақтастықты киберқауіпсіздік')).toBe('ақ-па-рат ын-ты-мақ-тас-тықты кибер-қа-уіп-сіз-дік')
    expect(show('kk', 'халықаралық мемлекеттермен')).toBe('ха-лы-қа-ра-лық мем-ле-кет-тер-мен')
    expect(show('kk', 'Қазақстанның')).toBe('Қа-зақ-с-тан-ның')
  })

  it('reads TeX patterns into the table npm hyphen uses (leading dot, digits between letters)', () => {
    const [levels, trie] = compileTexPatterns('% a comment\nа1ба\n.у2т\n')
    expect(levels).toEqual([[0, 1], [0, 2]])
    expect(trie).toEqual({ а: { б: { а: 0 } }, '.': { у: { т: 1 } } })
  })

  it('has no patterns for the other languages', () => {
    expect(hyphenatorFor('ar')).toBeUndefined()
    expect(hyphenatorFor('zh')).toBeUndefined()
  })
})

/** As show(), asked word by word, as line breaking asks for the text between two break opportunities. */
function showWords(locale: string, text: string): string {
  const hyphenate = hyphenatorFor(locale)!
  const points = [...text.matchAll(/\S+/g)].flatMap((word) => hyphenate(text, word.index, word.index + word[0].length))
  return points.reduceRight((out, point) => `${out.slice(0, point)}-${out.slice(point)}`, text)
}

describe('hyphenation of addresses', () => {
  it('adds no hyphen inside a web or mail address or a path, which a reader types as printed', () => {
    const text = 'https://example.org/documentation www.example.com editorial@example.org pipeline/templates example.org'
    expect(showWords('en', text)).toBe(text)
  })

  it('still hyphenates the words around an address', () => {
    expect(showWords('en', 'documentation https://example.org/documentation anticipating')).toBe('doc-u-men-ta-tion https://example.org/documentation an-tic-i-pat-ing')
  })
})
