/**
 * output/index.html: every edition by document, language (named in itself)
 * and format. Written in the source language's interface.
 */
import type { Root } from 'hast'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import type { UiT } from '../i18n/create-i18n.ts'
import type { Language } from '../prepare-edition.ts'
import type { Format } from '../types.ts'

export interface IndexDocument {
  name: string
  title: string
  /** Locales that have an edition of this document, with the formats written. */
  editions: Array<{ language: Language; formats: Format[] }>
}

/** `decorate` changes the finished tree (the live preview adds its script). */
export function renderIndex(documents: IndexDocument[], t: UiT, locale: string, css: string, decorate?: (page: Root) => void): string {
  const tree: Root = {
    type: 'root' as const,
    children: [
      { type: 'doctype' as const },
      h('html', { lang: locale }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', t('indexTitle')),
          h('style', css)
        ]),
        h('body', [
          h('main#main', [
            h('h1', t('indexTitle')),
            h('p', t('indexIntro')),
            ...documents.map((document) =>
              h('section', { ariaLabelledby: `doc-${document.name}` }, [
                h('h2', { id: `doc-${document.name}` }, document.title),
                h('ul.editions', document.editions.map(({ language, formats }) =>
                  h('li', { lang: language.locale, dir: language.dir }, [
                    h('span.language', language.name), ': ',
                    ...formats.flatMap((format, index) => [
                      index > 0 ? ' · ' : '',
                      h('a', { href: `${language.locale}/${document.name}.${format}`, hrefLang: language.locale }, format.toUpperCase())
                    ])
                  ])
                ))
              ])
            )
          ])
        ])
      ])
    ]
  }
  decorate?.(tree)
  return unified().use(rehypeStringify).stringify(tree)
}
