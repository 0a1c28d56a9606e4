/**
 * output/status.html: the translation status as a page an editor reads. A
 * progress bar per locale, then every missing key with its source text and
 * every outdated key with a word diff of what changed in the source since
 * it was translated. Trees, not strings (hastscript): nothing is escaped by hand.
 */
import { diffWords } from 'diff'
import type { Element, ElementContent } from 'hast'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { languageName } from '../../i18n/language-name.ts'
import { COUNT_COLUMNS, localeCounts, percentOf, type LocaleStatus, type NamespaceStatus, type ProjectStatus, type StatusEntry } from './status.ts'


export function renderStatusPage(status: ProjectStatus, css: string): string {
  const tree = {
    type: 'root' as const,
    children: [
      { type: 'doctype' as const },
      h('html', { lang: 'en' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', 'Translation status'),
          h('style', css)
        ]),
        h('body', [
          h('main', [
            h('h1', 'Translation status'),
            h('p', `Source language: ${languageName(status.sourceLocale)} (${status.sourceLocale}). A translation is outdated when the source text changed after it was translated; update it in the catalog, or confirm it with npm run i18n:review -- <locale> <key>.`),
            ...[...status.sourceErrors].map(([ns, reason]) => h('p', { role: 'alert' }, `The source of ${ns} cannot be read: ${reason}`)),
            summaryTable(status),
            ...status.locales.map(localeSection)
          ])
        ])
      ])
    ]
  }
  return unified().use(rehypeStringify).stringify(tree)
}

function summaryTable(status: ProjectStatus): Element {
  return h('table', [
    h('caption', 'Every language at a glance'),
    h('thead', h('tr', [h('th', { scope: 'col' }, 'Language'), h('th', { scope: 'col' }, 'Progress'), ...COUNT_COLUMNS.map((column) => h('th.number', { scope: 'col' }, column))])),
    h('tbody', status.locales.map((locale) => {
      const counts = localeCounts(locale)
      return h('tr', [
        h('th', { scope: 'row' }, h('a', { href: `#locale-${locale.locale}` }, [h('span', { lang: locale.locale }, nameOf(locale)), ` (${locale.locale})`])),
        h('td', locale.error ? 'unreadable' : `${percentOf(counts)} %`),
        ...COUNT_COLUMNS.map((column) => h('td.number', String(counts[column])))
      ])
    }))
  ])
}

function localeSection(locale: LocaleStatus): Element {
  const counts = localeCounts(locale)
  const id = `locale-${locale.locale}`
  const of = (state: StatusEntry['state']) => locale.namespaces.flatMap((ns) => ns.entries.filter((entry) => entry.state === state).map((entry) => ({ locale: locale.locale, ns, entry })))
  return h('section', { ariaLabelledby: id }, [
    h('h2', { id }, [h('span', { lang: locale.locale }, nameOf(locale)), ` (${locale.locale})`]),
    locale.error
      ? h('p', { role: 'alert' }, `This language cannot be read: ${locale.error}`)
      : h('p', [
          h('label', { for: `${id}-progress` }, `${counts.translated} of ${counts.total} translated (${percentOf(counts)} %) `),
          h('progress', { id: `${id}-progress`, max: counts.total, value: counts.translated }, `${percentOf(counts)} %`)
        ]),
    ...entryList('Outdated', of('outdated'), outdatedItem),
    ...entryList('Missing', of('missing'), missingItem),
    ...entryList('Orphaned (no longer in the source: delete them)', of('orphaned'), orphanedItem)
  ])
}

type Item = { locale: string; ns: NamespaceStatus; entry: StatusEntry }

function entryList(title: string, items: Item[], render: (item: Item) => ElementContent[]): Element[] {
  if (items.length === 0) return []
  return [h('h3', `${title}: ${items.length}`), h('ol.entries', items.map((item) => h('li', [heading(item), ...render(item)])))]
}

function heading({ ns, entry }: Item): Element {
  return h('p', [h('code.key', entry.key), ' in ', h('code.where', `${ns.file}${entry.line ? `:${entry.line}:${entry.column}` : ''}`)])
}

function outdatedItem({ locale, entry }: Item): ElementContent[] {
  const changes = diffWords(entry.previousSource ?? '', entry.source ?? '')
  return [
    h('p', ['What changed in the source: ', ...changes.map((change) => (change.added ? h('ins', change.value) : change.removed ? h('del', change.value) : { type: 'text' as const, value: change.value }))]),
    h('p', ['Translation now: ', h('span', { lang: locale }, entry.value ?? '')])
  ]
}

function missingItem({ entry }: Item): ElementContent[] {
  return [h('p', ['Source: ', entry.source ?? ''])]
}

function orphanedItem({ locale, entry }: Item): ElementContent[] {
  return [h('p', ['Value: ', h('span', { lang: locale }, entry.value ?? '')])]
}

/** The language's name in itself: its own ui.json's languageName, else CLDR's. */
function nameOf(locale: LocaleStatus): string {
  const own = locale.namespaces.find((ns) => ns.ns === 'ui')?.entries.find((entry) => entry.key === 'languageName' && entry.state !== 'missing')
  return own?.value ?? languageName(locale.locale)
}

