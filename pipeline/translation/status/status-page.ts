/**
 * output/status.html: the translation status as a page an editor reads. A
 * progress bar per locale, then every missing key with its source text and
 * every outdated key with a word diff of what changed in the source since
 * it was translated. Trees, not strings (hastscript): nothing is escaped by hand.
 */
import { diffWords } from 'diff'
import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { languageName } from '../../i18n/language-name.ts'
import { COUNT_COLUMNS, localeCounts, percentOf, type LocaleStatus, type NamespaceStatus, type ProjectStatus, type StatusEntry } from './status.ts'


export function renderStatusPage(status: ProjectStatus, css: string, asOf?: Date): string {
  return unified().use(rehypeStringify).stringify(statusTree(status, css, asOf))
}

/** “100 %”: the number and the sign held together by a narrow no-break space, everywhere on the page. */
function percent(value: number): string {
  return `${value}\u202f%`
}

/** Plural forms per language, as CLDR gives them: why the totals differ. */
function pluralForms(locales: readonly LocaleStatus[]): string {
  return locales.map((locale) => `${locale.locale} ${new Intl.PluralRules(locale.locale).resolvedOptions().pluralCategories.length}`).join(', ')
}

/** `asOf`: the date of the sources the status was taken from (the last change to content/ or locales/). */
export function statusTree(status: ProjectStatus, css: string, asOf?: Date): Root {
  return {
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
            asOf ? h('p.as-of', ['Status of ', h('time', { dateTime: asOf.toISOString().slice(0, 10) }, new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(asOf)), ' (the last change to the content or the catalogs).']) : [],
            h('p', `Source language: ${languageName(status.sourceLocale)} (${status.sourceLocale}). A translation is outdated when the source text changed after it was translated; update it in the catalog, or confirm it with npm run i18n:review -- <locale> <key>.`),
            h('p', `Total counts every text of the documents and every interface term, a term with a number once for each plural form its language has (${pluralForms(status.locales)}): that is why the totals differ by language.`),
            ...[...status.sourceErrors].map(([ns, reason]) => h('p', { role: 'alert' }, `The source of ${ns} cannot be read: ${reason}`)),
            summaryTable(status),
            ...status.locales.map(localeSection)
          ])
        ])
      ])
    ]
  }
}

function summaryTable(status: ProjectStatus): Element {
  // Scrolls on its own where a phone is narrower than the table, never the page; focusable, so a keyboard can scroll it.
  return h('div.table-scroll', { role: 'region', ariaLabelledby: 'summary-caption', tabIndex: 0 }, h('table', [
    h('caption#summary-caption', 'Every language at a glance'),
    h('thead', h('tr', [h('th', { scope: 'col' }, 'Language'), h('th', { scope: 'col' }, 'Progress'), ...COUNT_COLUMNS.map((column) => h('th.number', { scope: 'col' }, column))])),
    h('tbody', status.locales.map((locale) => {
      const counts = localeCounts(locale)
      return h('tr', [
        h('th', { scope: 'row' }, h('a', { href: `#locale-${locale.locale}` }, [h('span', { lang: locale.locale }, nameOf(locale)), ` (${locale.locale})`])),
        h('td.number', locale.error ? 'unreadable' : percent(percentOf(counts))),
        ...COUNT_COLUMNS.map((column) => h('td.number', String(counts[column])))
      ])
    }))
  ]))
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
          h('label', { for: `${id}-progress` }, `${counts.translated} of ${counts.total} translated (${percent(percentOf(counts))}) `),
          h('progress', { id: `${id}-progress`, max: counts.total, value: counts.translated }, percent(percentOf(counts)))
        ]),
    ...(locale.error ? [] : [keyStates(locale)]),
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


/** Every key of the language with its state; a confirmed translation says “reviewed”. */
function keyStates(locale: LocaleStatus): Element {
  const entries = locale.namespaces.flatMap((ns) => ns.entries.map((entry) => ({ ns, entry })))
  return h('details.keys', [
    h('summary', `Every key and its state (${entries.length})`),
    h('table', [
      h('thead', h('tr', [h('th', { scope: 'col' }, 'Key'), h('th', { scope: 'col' }, 'State')])),
      h('tbody', entries.map(({ ns, entry }) => h('tr', [
        h('td', h('code.key', `${ns.ns}:${entry.key}`)),
        h('td', entry.reviewed && entry.state === 'translated' ? 'reviewed' : entry.state)
      ])))
    ])
  ])
}
