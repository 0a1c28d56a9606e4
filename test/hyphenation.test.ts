import { describe, expect, it } from 'vitest'
import { hyphenatorFor, kazakhBreaks } from '../pipeline/render/pdf/hyphenation.ts'

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

  it('leaves names, capitals and short words whole', () => {
    expect(show('en', 'Kazakhstan INTERPOL data')).toBe('Kazakhstan INTERPOL data')
    expect(show('ru', 'Казахстан')).toBe('Казахстан')
  })

  it('breaks Kazakh only between two consonants that stand between vowels', () => {
    expect(kazakhBreaks('ақпарат')).toEqual([2])
    expect(show('kk', 'ынтымақтастықты киберқауіпсіздік')).toBe('ын-тымақ-тас-тықты кибер-қауіп-сіз-дік')
    // Three consonants (ақс-т…) and a single consonant between vowels are left whole.
    expect(kazakhBreaks('ақстан')).toEqual([])
    expect(kazakhBreaks('қала')).toEqual([])
  })

  it('has no patterns for the other languages', () => {
    expect(hyphenatorFor('ar')).toBeUndefined()
    expect(hyphenatorFor('zh')).toBeUndefined()
  })
})
