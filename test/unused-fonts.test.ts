/**
 * Which files of output/fonts/ a build removes: subsets no page links, and
 * the licence of a family none is left of; never a file of another name.
 */
import { describe, expect, it } from 'vitest'
import { linkedFonts, unusedFonts } from '../pipeline/output/unused-fonts.ts'

const page = (...fonts: string[]) => `<style>${fonts.map((font) => `@font-face { src: url("../fonts/${font}") format("woff2"); }`).join('\n')}</style>`

describe('unused fonts', () => {
  it('reads the links of language pages (../fonts/) and of the index (fonts/)', () => {
    const linked = linkedFonts([page('NotoSerif-400-0123456789ab.woff2'), '<style>src: url("fonts/NotoSerifSC-700-ba9876543210.woff2")</style>'])
    expect([...linked].sort()).toEqual(['NotoSerif-400-0123456789ab.woff2', 'NotoSerifSC-700-ba9876543210.woff2'])
  })

  it('are the subsets no page links and the licences of families with none left', () => {
    const names = [
      'NotoSerif-400-0123456789ab.woff2', 'NotoSerif-400-111111111111.woff2', 'NotoSerif-700i-222222222222.woff2',
      'NotoSerifSC-400-333333333333.woff2', 'NotoNaskhArabic-700-444444444444.ttf',
      'OFL-NotoSerif.txt', 'OFL-NotoSerifSC.txt', 'OFL-NotoNaskhArabic.txt', 'README.txt', 'NotoSerif-400-0123456789ab.woff2.bak'
    ]
    const linked = linkedFonts([page('NotoSerif-400-0123456789ab.woff2'), page('NotoSerifSC-400-333333333333.woff2')])
    expect(unusedFonts(names, linked).sort()).toEqual(['NotoNaskhArabic-700-444444444444.ttf', 'NotoSerif-400-111111111111.woff2', 'NotoSerif-700i-222222222222.woff2', 'OFL-NotoNaskhArabic.txt'])
  })

  it('keep everything while every subset is linked', () => {
    const names = ['NotoSerif-400-0123456789ab.woff2', 'OFL-NotoSerif.txt']
    expect(unusedFonts(names, linkedFonts([page('NotoSerif-400-0123456789ab.woff2')]))).toEqual([])
  })
})
