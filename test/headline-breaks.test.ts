/**
 * A Chinese heading of the web page and the e-book may break only between words, as the PDF's and the
 * cover's do: a `<wbr>` at each place, the stylesheets' `word-break: keep-all` forbidding the rest.
 */
import { readFileSync } from 'node:fs'
import { toHtml } from 'hast-util-to-html'
import { toText } from 'hast-util-to-text'
import { h } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { headlineBreaks } from '../pipeline/render/hast/headline-breaks.ts'

const HEADLINE = '人工智能与网络犯罪：国际刑警组织前秘书长谈哈萨克斯坦引领作用的重要意义'

describe('headlineBreaks', () => {
  it('puts a <wbr> between the words of a Chinese heading, none inside a word and none before its colon', () => {
    const tree = h('article', [h('h1', HEADLINE), h('p', HEADLINE)])
    headlineBreaks(tree, 'zh')
    const [heading, paragraph] = tree.children as ReturnType<typeof h>[]
    const pieces = toHtml(heading!).replace(/^<h1>|<\/h1>$/g, '').split('<wbr>')
    expect(pieces.slice(0, 6)).toEqual(['人工', '智能', '与', '网络', '犯罪：', '国际'])
    expect(pieces.at(-1)).toBe('意义')
    expect(toText(heading!)).toBe(HEADLINE)
    // Body text keeps the browser's own breaks: Chinese may break between any two characters there.
    expect(toHtml(paragraph!)).toBe(`<p>${HEADLINE}</p>`)
  })

  it('breaks at word starts inside inline elements too, never before the first word or a middle dot', () => {
    const tree = h('h2', ['于尔根·斯托克', h('em', '网络犯罪'), '问题'])
    headlineBreaks(tree, 'zh-Hans')
    const html = toHtml(tree)
    expect(html).toBe('<h2>于<wbr>尔<wbr>根·<wbr>斯托<wbr>克<em><wbr>网络<wbr>犯罪</em><wbr>问题</h2>')
    expect(html).not.toMatch(/<wbr>·/)
  })

  it('leaves headings of other scripts as they are', () => {
    for (const [locale, text] of [['en', 'Artificial intelligence and cybercrime'], ['ar', 'الذكاء الاصطناعي والجرائم السيبرانية'], ['kk', 'Жасанды интеллект']]) {
      const tree = h('h1', text!)
      headlineBreaks(tree, locale!)
      expect(toHtml(tree)).toBe(`<h1>${text}</h1>`)
    }
  })

  it('the web page and the e-book keep Chinese headings to those breaks', () => {
    for (const css of ['pipeline/templates/edition.css', 'pipeline/templates/epub/book.css']) {
      expect(readFileSync(css, 'utf8')).toMatch(/h1:lang\(zh\),[^{]*h6:lang\(zh\)[^{]*\{ word-break: keep-all; \}/)
    }
  })
})
