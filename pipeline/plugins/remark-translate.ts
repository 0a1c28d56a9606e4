/**
 * Applies one locale's catalog to a document: every unit is looked up by its
 * stable key through i18next. A missing translation falls back to the source
 * text and leaves a positioned warning; nothing is ever silently dropped.
 */
import type { List, ListItem, Paragraph, PhrasingContent, Root } from 'mdast'
import type { Position } from 'unist'
import { visit } from 'unist-util-visit'
import type { i18n as I18n } from 'i18next'
import type { VFile } from 'vfile'
import { markdownToPhrasing } from '../content/markdown.ts'
import { dropUnshownHtml } from '../content/raw-html-inline.ts'
import { keyedUnits } from '../segments/keyed-units.ts'
import type { Catalog } from '../i18n/catalog.ts'
import type { DocumentMeta, MetaField } from '../types.ts'
import { catalogCause, warn } from '../messages.ts'

export interface Options {
  i18n: I18n
  doc: string
  locale: string
  sourceLocale: string
  /** Source catalog: the register of keys. */
  register: ReadonlyMap<string, string>
  /** The locale's catalog, for message positions. */
  catalog: Catalog
  /** Keys whose translation was made from an older source text (i18n status). */
  outdated?: ReadonlySet<string> | undefined
  /** The document's keys, assigned once for all its editions (segments/keyed-units.ts `documentKeys`). */
  keys?: readonly string[] | undefined
}

declare module 'vfile' {
  interface DataMap {
    /** What remark-translate did for this edition (declared here, beside what sets it: types.ts imports nothing). */
    translation: TranslationReport
  }
}

export interface TranslationReport {
  /** Keys that fell back to the source text. */
  missing: string[]
  /** Keys translated from an older source text, used as they are. */
  outdated: string[]
  /** Keys the edition used, in order, without repeats. */
  used: string[]
  /** Keys whose text in this edition comes from the locale's catalog. */
  translated: string[]
  /**
   * Where each translated key's text is in the catalog: messages about that text (from any plugin or
   * writer, which find the key on the node as `data.segmentKey`) name it without reading catalogs.
   */
  places: Record<string, CatalogPlace>
  /** The key of each front matter field's text, for writers that set it outside the tree (running heads, the title block). */
  metaKeys: Partial<Record<MetaField, string>>
}

/** A place in a catalog file (project-relative path, 1-based line and column). */
export interface CatalogPlace {
  path: string
  line: number
  column: number
}

/** Translate `tree` and `meta` in place; report fallbacks on `file`. */
export function translateTree(tree: Root, meta: DocumentMeta, file: VFile, options: Options): TranslationReport {
  const { i18n, doc, locale, sourceLocale, register, catalog } = options
  const t = i18n.getFixedT(locale, doc)
  // Sets keep insertion order: each list is in order of first use, without repeats.
  const missing = new Set<string>()
  const outdated = new Set<string>()
  const used = new Set<string>()
  const translated = new Set<string>()
  const unregistered = new Set<string>()
  const places: Record<string, CatalogPlace> = {}
  const metaKeys: Partial<Record<MetaField, string>> = {}
  for (const unit of keyedUnits(tree, meta, register, options.keys)) {
    const { key } = unit
    if (unit.field) metaKeys[unit.field] = key
    if (unit.node) unit.node.data = { ...unit.node.data, segmentKey: key }
    used.add(key)
    if (!register.has(key)) unregistered.add(key)
    if (locale === sourceLocale) continue
    // Content is never interpolated: `{{x}}` in a paragraph is text.
    const raw: unknown = i18n.getResource(locale, doc, key)
    const value = typeof raw === 'string' && raw.trim() !== '' ? String(t(key, { skipInterpolation: true, fallbackLng: false })) : ''
    if (value === '') {
      // The source text stands in: it says so, so that screen readers switch voice and punctuation sits at its own end (WCAG 3.1.2).
      if (unit.node) {
        const data = unit.node.data ?? {}
        unit.node.data = { ...data, hProperties: { ...data.hProperties, lang: sourceLocale, dir: i18n.dir(sourceLocale) === 'rtl' ? 'rtl' : 'ltr' } }
      }
      if (!missing.has(key)) {
        missing.add(key)
        warn(file, 'missing-translation', `Missing translation for \`${key}\` in ${catalog.path}, using the source text`, {
          place: unit.position, source: 'remark-translate'
        })
      }
      continue
    }
    if (options.outdated?.has(key) && !outdated.has(key)) {
      outdated.add(key)
      const entry = catalog.entries.get(key)
      warn(file, 'outdated-translation', `Outdated translation for \`${key}\` in ${catalog.path}: the source changed since it was translated; update it, or confirm it with \`npm run i18n:review -- ${locale} ${key}\``, {
        place: unit.position, source: 'remark-translate', cause: entry && catalogCause(catalog.path, key, entry)
      })
    }
    unit.apply(unit.inline ? placed(translatedPhrasing(value), unit.position) : value)
    translated.add(key)
    const entry = catalog.entries.get(key)
    if (entry) places[key] = { path: catalog.path, line: entry.line, column: entry.column }
  }
  if (missing.size > 0) liftSourceDirection(tree)
  if (unregistered.size > 0) {
    warn(file, 'unextracted-segment', `Unexpected ${unregistered.size} segment(s) not in the source catalog (${[...unregistered].slice(0, 3).join(', ')}…), expected them extracted: run \`npm run i18n:extract\``, {
      source: 'remark-translate'
    })
  }
  return { missing: [...missing], outdated: [...outdated], used: [...used], translated: [...translated], places, metaKeys }
}

/** A translation's inline Markdown; a script's or a style's text in it (with `<`) is printed no more than the source's. */
function translatedPhrasing(value: string): PhrasingContent[] {
  const phrasing = markdownToPhrasing(value)
  return value.includes('<') ? dropUnshownHtml(phrasing) : phrasing
}

/**
 * A list item whose text is the source's (every block in it fell back: its paragraphs, its nested lists)
 * takes that language and direction, and so does a list all of whose items do: in a right-to-left edition
 * an English item's marker stands at its left, beside its text, not at the far right (and a tight item,
 * whose paragraph HTML unwraps, keeps its direction at all). An item with a translated block keeps the
 * edition's direction, or that block would inherit the source's.
 */
function liftSourceDirection(tree: Root): void {
  const lists: List[] = []
  visit(tree, 'list', (list: List) => {
    lists.push(list)
  })
  // Innermost first: a nested list is lifted, or not, before the item holding it is judged.
  for (const list of lists.reverse()) {
    const sources = list.children.map(sourceOfItem)
    for (const [index, item] of list.children.entries()) if (sources[index]) lift(item, sources[index]!)
    const first = sources[0]
    if (first && sources.every((source) => source && sameLanguage(source, first))) lift(list, first)
  }
}

type Language = { lang?: unknown; dir?: unknown }

const languageOf = (node: Paragraph | List): Language | undefined => node.data?.hProperties

const sameLanguage = (a: Language | undefined, b: Language): boolean => a?.dir === b.dir && a?.lang === b.lang

/** The source's language, when every block of the item is in it (code is in none); else undefined. */
function sourceOfItem(item: ListItem): Language | undefined {
  const first = item.children[0]
  const from = first?.type === 'paragraph' ? languageOf(first) : undefined
  if (!from?.dir) return undefined
  const fellBack = item.children.every((child) => child.type === 'code' || ((child.type === 'paragraph' || child.type === 'list') && sameLanguage(languageOf(child), from)))
  return fellBack ? from : undefined
}

function lift(node: List | ListItem, from: Language): void {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, lang: String(from.lang), dir: String(from.dir) } }
}

/**
 * Nodes parsed from a catalog value carry positions inside that value; they
 * are given the position of the unit they replace, so later messages point
 * at the document (and name the key) rather than at a line of the value.
 */
function placed(nodes: PhrasingContent[], position: Position | undefined): PhrasingContent[] {
  const holder: Paragraph = { type: 'paragraph', children: nodes }
  visit(holder, (node) => {
    if (node === holder) return
    if (position) node.position = position
    else delete node.position
  })
  return nodes
}

/** The unified plugin form: translates the tree and the front matter on `file.data.meta`, in place. */
export default function remarkTranslate(options: Options) {
  return (tree: Root, file: VFile) => {
    if (!file.data.meta) throw new TypeError('Expected the front matter on `file.data.meta` before remark-translate')
    file.data.translation = translateTree(tree, file.data.meta, file, options)
  }
}
