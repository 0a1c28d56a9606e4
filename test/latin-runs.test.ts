/**
 * Latin-script words in an edition written in another script carry their
 * language (and, in right-to-left editions, their direction): WCAG 3.1.2's
 * language of parts, for a screen reader's voice and for the bidi algorithm.
 */
import type { Element, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { latinRunLanguage, tagLatinRuns } from '../pipeline/plugins/rehype-latin-runs.ts'

const tagged = (tree: Root | Element, locale: string, sourceLocale = 'en', dir: 'ltr' | 'rtl' = 'ltr') => {
  tagLatinRuns(tree, { locale, sourceLocale, dir })
  return toHtml(tree)
}

describe('Latin runs in an edition of another script', () => {
  it('Arabic: a name takes the source language and runs left to right; the punctuation after it stays Arabic', () => {
    expect(tagged(h('p', 'في مقابلة مع وكالة Kazinform، تحدث Jürgen Stock.'), 'ar', 'en', 'rtl')).toBe(
      '<p>في مقابلة مع وكالة <span lang="en" dir="ltr">Kazinform</span>، تحدث <span lang="en" dir="ltr">Jürgen Stock</span>.</p>'
    )
  })

  it('Chinese, Kazakh and Russian: the language alone (the direction is the text’s own)', () => {
    expect(tagged(h('p', '图片：QAZINFORM'), 'zh')).toBe('<p>图片：<span lang="en">QAZINFORM</span></p>')
    expect(tagged(h('p', 'Мен Kazinform агенттігіне'), 'kk')).toBe('<p>Мен <span lang="en">Kazinform</span> агенттігіне</p>')
    expect(tagged(h('p', ['Фото: ', h('strong', 'O’Neill-Smith')]), 'ru')).toBe('<p>Фото: <strong><span lang="en">O’Neill-Smith</span></strong></p>')
  })

  it('a source not written in Latin script gives und-Latn; a Latin edition tags nothing', () => {
    expect(latinRunLanguage('zh', 'ru')).toBe('und-Latn')
    expect(latinRunLanguage('de', 'en')).toBeUndefined()
    expect(tagged(h('p', 'Ein Name: Kazinform'), 'de')).toBe('<p>Ein Name: Kazinform</p>')
  })

  it('a Latin phrase cut by formatting or a link is one run: one span, which reads left to right in a right-to-left paragraph', () => {
    const emphasis = h('p', ['وصف the ', h('em', 'Caspian'), ' shore وما'])
    expect(tagged(emphasis, 'ar', 'en', 'rtl')).toBe('<p>وصف <span lang="en" dir="ltr">the <em>Caspian</em> shore</span> وما</p>')
    const link = h('p', ['أو visit the ', h('a', { href: 'https://example.org' }, ['Port of ', h('strong', 'Aktau')]), ' website اليوم.'])
    expect(tagged(link, 'ar', 'en', 'rtl')).toBe('<p>أو <span lang="en" dir="ltr">visit the <a href="https://example.org">Port of <strong>Aktau</strong></a> website</span> اليوم.</p>')
    // Formatting around more than Latin words keeps its own runs, inside it.
    const mixed = h('p', ['the ', h('em', ['Caspian ', 'بحر']), ' shore'])
    expect(tagged(mixed, 'ar', 'en', 'rtl')).toBe('<p><span lang="en" dir="ltr">the</span> <em><span lang="en" dir="ltr">Caspian</span> بحر</em> <span lang="en" dir="ltr">shore</span></p>')
    expect(tagged(h('p', ['Мен ', h('em', 'Caspian'), ' Sea']), 'kk')).toBe('<p>Мен <span lang="en"><em>Caspian</em> Sea</span></p>')
  })

  it('leaves code and text that already says its language alone', () => {
    const html = tagged(h('div', [h('p', { lang: 'en', dir: 'ltr' }, 'A missing translation'), h('p', ['نص ', h('code', 'npm run build')])]), 'ar', 'en', 'rtl')
    expect(html).toBe('<div><p lang="en" dir="ltr">A missing translation</p><p>نص <code>npm run build</code></p></div>')
  })
})
