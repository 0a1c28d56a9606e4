/**
 * Which characters each web face must carry, gathered per text node and
 * split into characters once (font-usage.ts): the same faces, uses and
 * characters as gathering them a character at a time, on the pages a build
 * makes and on random trees of languages, weights, styles and white space.
 */
import fc from 'fast-check'
import type { Element, ElementContent, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { describe, expect, it } from 'vitest'
import { charactersByFace, type FaceUse } from '../pipeline/render/fonts/font-usage.ts'
import { referenceCharactersByFace } from './helpers/font-usage-reference.ts'

const sorted = (found: ReadonlyMap<string, { use: FaceUse; text: Set<string> }>) => [...found].map(([face, { use, text }]) => [face, use, [...text].sort()] as const).sort(([a], [b]) => a.localeCompare(b))

const PAGE = `<!doctype html><html lang="ar" dir="rtl"><head><title>عنوان</title><style>p{}</style></head><body>
<h1>العنوان <span lang="en" dir="ltr">INTERPOL</span></h1><p class="byline">بقلم <span class="interviewee">يورغن شتوك</span></p>
<p>نص\u00a0مع «اقتباس» و<em>مائل</em> و<strong>عريض</strong>\t2026</p><p lang="zh">中文，<b>粗体</b> Latin 𠀋 😀</p>
<ul><li lang="ru">Русский — <i>курсив</i></li><li lang="kk" class="credit">Қазақша</li></ul><a aria-current="page" href="#">١٢٣</a>
<table><tr><th>رأس</th><td>خلية</td></tr></table><script>var x = 'no glyphs'</script></body></html>`

describe('charactersByFace', () => {
  it('finds what a character at a time found, on a page of every script', () => {
    const tree = fromHtml(PAGE)
    expect(sorted(charactersByFace(tree, 'ar'))).toEqual(sorted(referenceCharactersByFace(tree, 'ar')))
    expect(charactersByFace(tree, 'ar').get('naskhBold')?.text.has('ع')).toBe(true)
  })

  it('keeps the space between words for the face that sets them, and no tab or line break', () => {
    const tree = fromHtml('<p>two words\tand\na <em>slanted one</em></p><p lang="zh">中文\u3000中文</p>')
    const found = charactersByFace(tree, 'en')
    expect(found.get('notoSerif')?.text.has(' ')).toBe(true)
    expect(found.get('notoSerifItalic')?.text.has(' ')).toBe(true)
    expect(found.get('serifSC')?.text.has('\u3000')).toBe(true)
    for (const { text } of found.values()) for (const char of ['\t', '\n']) expect(text.has(char)).toBe(false)
  })

  it('finds what a character at a time found, on random trees', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Ж', 'ع', '中', ' ', '\u00a0', '\t', '\n', '\u2003', '😀', '.', '-', '\ud83d', '\ude00', '\udbff') }).map((value): ElementContent => ({ type: 'text', value }))
    const element = fc.letrec<{ node: ElementContent }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.record({
          tagName: fc.constantFrom('p', 'h2', 'em', 'strong', 'span', 'th', 'title', 'cite'),
          lang: fc.constantFrom(undefined, 'en', 'ar', 'zh', 'ru', ''),
          className: fc.constantFrom(undefined, ['interviewee'], ['byline'], ['credit'], ['other']),
          children: fc.array(tie('node'), { maxLength: 4 })
        }).map(({ tagName, lang, className, children }): Element => ({ type: 'element', tagName, properties: { ...(lang === undefined ? {} : { lang }), ...(className ? { className: [...className] } : {}) }, children }))
      )
    }))
    fc.assert(fc.property(fc.array(element.node, { maxLength: 6 }), fc.constantFrom('en', 'ar', 'zh', 'kk'), (children, locale) => {
      const tree: Root = { type: 'root', children }
      expect(sorted(charactersByFace(tree, locale))).toEqual(sorted(referenceCharactersByFace(tree, locale)))
    }), { numRuns: 300 })
  })
})
