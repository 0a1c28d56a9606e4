/**
 * output/index.html, the landing page: every document, and for each language
 * a row in that language (its direction, its title, its date, its format
 * names) with each format's size and the PDF's page count, and a link to the
 * translation status. The page's own words are in the source language.
 */
import type { Element, Root } from 'hast'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import type { UiT } from '../i18n/create-i18n.ts'
import type { Language } from '../types.ts'
import type { Format } from '../types.ts'
import { comma } from './article.ts'

export interface IndexFile {
  format: Format
  bytes?: number | undefined
  /** A PDF's page count. */
  pages?: number | undefined
}

export interface IndexEdition {
  language: Language
  /** The document's title in this language. */
  title: string
  /** This language's interface terms. */
  t: UiT
  files: IndexFile[]
}

export interface IndexDocument {
  name: string
  title: string
  /** The content's date (ISO 8601). */
  date?: string
  /** Languages that have an edition of this document, with the formats written. */
  editions: IndexEdition[]
}

/** The index as a tree; `decorate` changes it (the live preview adds its script). */
export function indexTree(documents: IndexDocument[], t: UiT, locale: string, css: string, decorate?: (page: Root) => void): Root {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
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
            ...documents.map((document) => documentSection(document)),
            h('p.status-link', h('a', { href: 'status.html' }, t('translationStatus')))
          ])
        ])
      ])
    ]
  }
  decorate?.(tree)
  return tree
}

export function renderIndex(documents: IndexDocument[], t: UiT, locale: string, css: string, decorate?: (page: Root) => void): string {
  return stringifyPage(indexTree(documents, t, locale, css, decorate))
}

export function stringifyPage(tree: Root): string {
  return unified().use(rehypeStringify).stringify(tree)
}

function documentSection(document: IndexDocument): Element {
  return h('section', { ariaLabelledby: `doc-${document.name}` }, [
    h('h2.document-title', { id: `doc-${document.name}` }, document.title),
    h('ul.editions', document.editions.map((edition) => editionRow(document, edition)))
  ])
}

/** One language: everything in it is in that language and its direction. */
function editionRow(document: IndexDocument, { language, title, t, files }: IndexEdition): Element {
  const href = (format: Format) => `${language.locale}/${document.name}.${format}`
  const page = files.some((file) => file.format === 'html')
  const date = document.date ? new Intl.DateTimeFormat(language.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(document.date)) : undefined
  return h('li', { lang: language.locale, dir: language.dir }, [
    h('p.edition-title', page ? h('a', { href: href('html'), hrefLang: language.locale }, title) : title),
    h('p.edition-meta', [
      h('span.language', language.name),
      ...(date ? [' · ', h('time', { dateTime: document.date!.slice(0, 10) }, t('indexDate', { date }))] : [])
    ]),
    h('ul.files', files.map((file) => h('li', [
      h('a', { href: href(file.format), hrefLang: language.locale, type: MEDIA_TYPES[file.format] }, t(`format.${file.format}`)),
      details(file, language.locale, t) ? [' ', h('span.details', `(${details(file, language.locale, t)})`)] : []
    ])))
  ])
}

const MEDIA_TYPES: Record<Format, string> = { html: 'text/html', epub: 'application/epub+zip', pdf: 'application/pdf' }

/** “48 KB, 3 pages” in the row's language. */
function details(file: IndexFile, locale: string, t: UiT): string {
  const parts: string[] = []
  if (file.bytes !== undefined) {
    parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(file.bytes / 1024))))
  }
  if (file.pages !== undefined) parts.push(t('pageCount', { count: file.pages }))
  return parts.join(comma(locale))
}
