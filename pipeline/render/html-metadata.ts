/**
 * Metadata for people and machines reading the page: a description, Open
 * Graph for link previews, and schema.org JSON-LD (NewsArticle with the
 * interview's people). Only facts the document states; no URL or date is
 * invented.
 */
import type { Element } from 'hast'
import { toText } from 'hast-util-to-text'
import { h } from 'hastscript'
import type { Edition } from './edition.ts'
import { jsonLdScript } from './hast/json-ld.ts'

export function metadataElements(edition: Edition): Element[] {
  const { meta, locale, languages } = edition
  const description = standfirstOf(edition)
  const elements: Element[] = []
  if (description) elements.push(h('meta', { name: 'description', content: description }))
  elements.push(
    h('meta', { property: 'og:type', content: 'article' }),
    h('meta', { property: 'og:title', content: meta.title }),
    h('meta', { property: 'og:locale', content: ogLocale(locale) }),
    ...languages.filter((language) => language.locale !== locale).map((language) => h('meta', { property: 'og:locale:alternate', content: ogLocale(language.locale) }))
  )
  if (description) elements.push(h('meta', { property: 'og:description', content: description }))
  if (meta.publisher) elements.push(h('meta', { property: 'og:site_name', content: meta.publisher }))
  elements.push(jsonLdScript(jsonLd(edition, description)))
  return elements
}

/** The schema.org description of the edition. */
export function jsonLd(edition: Edition, description?: string): Record<string, unknown> {
  const { meta, locale, sourceLocale } = edition
  const organization = (name?: string) => (name ? { '@type': 'Organization', name } : undefined)
  return prune({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: meta.title,
    description,
    inLanguage: locale,
    genre: meta.interviewee ? 'Interview' : undefined,
    author: organization(meta.interviewer),
    publisher: organization(meta.publisher),
    about: meta.interviewee ? prune({ '@type': 'Person', name: meta.interviewee, jobTitle: meta.intervieweeRole }) : undefined,
    creditText: meta.credits.length > 0 ? meta.credits.join('; ') : undefined,
    translationOfWork: locale !== sourceLocale ? { '@type': 'NewsArticle', inLanguage: sourceLocale } : undefined
  })
}

/** Open Graph wants language_TERRITORY; the likely territory comes from CLDR. */
function ogLocale(locale: string): string {
  const max = new Intl.Locale(locale).maximize()
  return max.region ? `${max.language}_${max.region}` : max.language
}

function standfirstOf(edition: Edition): string | undefined {
  for (const node of edition.hast.children) {
    if (node.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes('directive-standfirst')) {
      return toText(node).replace(/\s+/g, ' ').trim()
    }
  }
  return undefined
}

function prune<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T
}
