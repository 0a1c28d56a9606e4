/**
 * What only the preview adds to a page: segment marks (key, missing,
 * outdated; focusable so the key shows on focus too) from the keys the
 * edition's elements carry (`data.segmentKey`, as every writer sees them), the preview bar
 * (languages, translation status, lists of keys to fix) and the live-reload
 * client. The CSS and the client are data in templates/preview/. Shipped
 * editions never pass through here.
 */
import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { visit } from 'unist-util-visit'
import type { Language } from '../types.ts'
import { template } from '../render/templates.ts'

export interface PreviewInfo {
  doc: string
  locale: string
  sourceLocale: string
  /** Where this edition's segments are translated, as the editor sees the path: `locales/kk/interview.json`. */
  catalogFile: string
  languages: Language[]
  /** Every key the edition uses, in order. */
  keys: readonly string[]
  missing: readonly string[]
  outdated: readonly string[]
  sourceText: (key: string) => string | undefined
  /** Whether the preview folder has a status page to link to. */
  statusPage: boolean
}

export function decorateEdition(page: Root, info: PreviewInfo): void {
  markSegments(page, info)
  appendChrome(page, previewBar(info))
}

export function decorateIndex(page: Root): void {
  appendChrome(page, h('div.preview-bar', { lang: 'en', dataPreviewBar: '' }, [h('strong', 'Preview'), ' every edition, rebuilt as you save']))
}

export function markSegments(page: Root, info: PreviewInfo): void {
  const missing = new Set(info.missing)
  const outdated = new Set(info.outdated)
  // The document's keys only: an interface term (the reading time) is not the translator's to fix here.
  const keys = new Set(info.keys)
  visit(page, 'element', (node: Element) => {
    const key = node.data?.segmentKey
    if (!key || !keys.has(key)) return
    node.properties.dataKey = key
    node.properties.tabIndex = 0
    if (missing.has(key)) {
      node.properties.dataSegment = 'missing'
      // The fallback text is in the source language; say so, for readers and for hyphenation.
      node.properties.lang ??= info.sourceLocale
    } else if (outdated.has(key)) {
      node.properties.dataSegment = 'outdated'
    }
  })
}

function previewBar(info: PreviewInfo): Element {
  const isSource = info.locale === info.sourceLocale
  const translated = info.keys.length - info.missing.length
  const status = isSource
    ? `source language: ${info.keys.length} segments in ${info.catalogFile}`
    : `${translated} of ${info.keys.length} translated · ${info.missing.length} missing · ${info.outdated.length} outdated`
  return h('div.preview-bar', {
    lang: 'en', dataPreviewBar: '', dataDoc: info.doc, dataLocale: info.locale, dataCatalog: info.catalogFile,
    role: 'region', ariaLabel: 'Preview'
  }, [
    h('strong', 'Preview'),
    h('nav.preview-languages', { ariaLabel: 'Preview language' }, info.languages.map((language) =>
      h('a', {
        href: `/${language.locale}/${info.doc}.html`, hrefLang: language.locale, lang: language.locale, dir: language.dir,
        ariaCurrent: language.locale === info.locale ? 'page' : undefined
      }, language.name)
    )),
    h('span.preview-status', { dataMissing: String(info.missing.length), dataOutdated: String(info.outdated.length), dataTotal: String(info.keys.length) }, status),
    keyList('missing', info.missing, info),
    keyList('outdated', info.outdated, info),
    info.statusPage ? h('a', { href: '/status.html' }, 'Status') : [],
    h('span.preview-formats', { dataFormats: '' })
  ])
}

/** The keys to fix, with their source text: also those no element shows (credits, alt text). */
function keyList(kind: 'missing' | 'outdated', keys: readonly string[], info: PreviewInfo): Element | ElementContent[] {
  if (keys.length === 0) return []
  return h('details.preview-keys', { dataKind: kind }, [
    h('summary', `${keys.length} ${kind}`),
    h('ol', keys.map((key) => h('li', [
      h('a', { href: '#', dataGoto: key }, h('code', key)),
      ' ',
      h('span', { lang: info.sourceLocale }, info.sourceText(key) ?? '')
    ])))
  ])
}

function appendChrome(page: Root, bar: Element): void {
  let head: Element | undefined
  let body: Element | undefined
  visit(page, 'element', (node: Element) => {
    if (node.tagName === 'head') head = node
    if (node.tagName === 'body') body = node
  })
  if (!head || !body) throw new TypeError('Expected a page with <head> and <body>')
  head.children.push(h('style', { dataPreview: '' }, template('preview/preview.css')))
  body.children.push(bar, h('script', { dataPreview: '' }, template('preview/client.js')))
}
