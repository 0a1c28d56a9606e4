/**
 * The HTML writer: a standalone, semantic HTML5 page per edition, with the
 * CSS inline so the file works on its own (no request outside its folder).
 */
import type { Element, Root as HastRoot } from 'hast'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import type { Edition } from './edition.ts'
import { fillTerm } from '../i18n/terms.ts'
import type { Format, Term } from '../types.ts'
import { articleTree } from './article.ts'
import { latinRunLanguage, latinSpans } from '../plugins/rehype-latin-runs.ts'
import { mapImages } from './hast/images.ts'
import { headlineBreaks } from './hast/headline-breaks.ts'
import { scrollTables } from './hast/scroll-tables.ts'
import { metadataElements } from './html-metadata.ts'
import { prependStyle } from './page-style.ts'

export interface HtmlOptions {
  css: string
  /** Formats published beside this page, for the download links. */
  formats: readonly Format[]
  /** How an image's checked local path is referenced from the page. */
  imageHref: (localPath: string) => string
  /** Changes the finished page tree (the live preview adds its bar and segment marks). */
  decorate?: ((page: HastRoot) => void) | undefined
  /** The @font-face rules for the finished page (its fonts, cut to its characters): they open its stylesheet. */
  fonts?: ((page: HastRoot) => Promise<string>) | undefined
}

const FORMAT_TYPES: Record<Format, string> = {
  html: 'text/html',
  epub: 'application/epub+zip',
  pdf: 'application/pdf'
}

/**
 * A UI term with a name put in by interpolation, the name in `<bdi>`: a
 * name whose direction is unknown (Latin “Kazinform” in an Arabic sentence)
 * must not reorder the words around it; a Latin name in an edition of
 * another script says its language too (plugins/rehype-latin-runs.ts).
 */
export function isolated(term: Term, name: string, edition: Pick<Edition, 'locale' | 'sourceLocale' | 'dir'>): Array<string | Element> {
  const marker = '\u0000'
  const [before = '', after = ''] = fillTerm(term, { name: marker }).split(marker)
  const lang = latinRunLanguage(edition.locale, edition.sourceLocale)
  return [before, h('bdi', lang ? latinSpans(name, lang, edition.dir) : name), after].filter((part) => part !== '')
}

export async function renderHtml(edition: Edition, options: HtmlOptions): Promise<string> {
  const page = pageTree(edition, options)
  if (options.fonts) prependStyle(page, await options.fonts(page))
  options.decorate?.(page)
  return unified().use(rehypeStringify).stringify(page)
}

/**
 * `shared`: a page that is only read, for its characters (writers.ts cuts its fonts ahead): it holds the
 * edition's own article, not a copy, and its images keep their local paths. Copying a book's article and
 * mapping its images cost 0.1 s of a build.
 */
export function pageTree(edition: Edition, options: HtmlOptions, { shared = false } = {}): HastRoot {
  const { doc, locale, sourceLocale, meta, terms, languages } = edition
  const href = (other: string) => `../${other}/${doc}.html`
  const article = articleTree(edition, { copy: !shared })
  if (!shared) {
    mapImages(article, options.imageHref)
    scrollTables(article)
    headlineBreaks(article, locale)
  }
  const head = [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', meta.title),
    meta.interviewee ? h('meta', { name: 'author', content: meta.publisher ?? meta.interviewer ?? meta.interviewee }) : [],
    ...languages.map((language) => h('link', { rel: 'alternate', hrefLang: language.locale, href: href(language.locale) })),
    languages.some((language) => language.locale === sourceLocale) ? h('link', { rel: 'alternate', hrefLang: 'x-default', href: href(sourceLocale) }) : [],
    ...metadataElements(edition),
    h('style', options.css)
  ]
  const others = options.formats.filter((format) => format !== 'html')
  const body = [
    h('a.skip-link', { href: '#main' }, terms.skipToContent.text),
    h('header.site-header', [
      h('nav.languages', { ariaLabel: terms.languages.text }, [
        h('ul', languages.map((language) =>
          h('li', [h('a', {
            href: href(language.locale), hrefLang: language.locale, lang: language.locale, dir: language.dir,
            ariaCurrent: language.locale === locale ? 'page' : undefined
          }, language.name)])
        ))
      ])
    ]),
    h('main#main', [article]),
    h('footer.site-footer', [
      others.length > 0
        ? h('nav.formats', { ariaLabel: terms.editions.text }, [
            h('p', terms.alsoAvailable.text),
            h('ul', others.map((format) => h('li', [h('a', { href: `${doc}.${format}`, type: FORMAT_TYPES[format], download: '' }, terms[`format.${format}`].text)])))
          ])
        : [],
      meta.interviewer ? h('p', isolated(terms.interviewer, meta.interviewer, edition)) : [],
      meta.publisher ? h('p', isolated(terms.publisher, meta.publisher, edition)) : []
    ])
  ]
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: locale, dir: edition.dir }, [h('head', head), h('body', body)])
    ]
  }
}

