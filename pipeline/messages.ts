/**
 * The closed catalog of problems, as Pandoc's LogMessage: every rule id the
 * project reports, and what it means for a build. A producer names a rule of
 * this list (the type checker refuses any other); counts and `--strict` read
 * the effect here, never a string compared at the call site.
 *
 * Reasons read "Unexpected X, expected Y" and never hold a position: the
 * place goes in as `place`, and a catalog's place (the translation a problem
 * came from) as `cause`, a message on the catalog file (`catalogCause`).
 */
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'

interface Rule {
  /** What the rule guards, for people reading this list. */
  about: string
  /** What `--strict` does with it: refuse the whole edition, or fail the format being written. */
  strict?: 'refuse-edition' | 'fail-format'
  /** The build's summary counts it (`3 missing translations`). */
  counts?: 'missing'
}

export const RULES = {
  // Reading a document (content/load-document.ts, plugins/)
  'document-name': { about: 'a file name under content/ that cannot be a document name' },
  'missing-content': { about: 'a document that cannot be read' },
  encoding: { about: 'a file that is not UTF-8' },
  'invalid-character': { about: 'control characters and lone surrogates, removed' },
  'front-matter': { about: 'front matter that is not `key: value` text' },
  'image-path': { about: 'an image that is not a PNG or JPEG inside content/, or whose data does not decode' },
  'content-file': { about: 'a file under content/ that looks like a document but is not built (a broken link, a loop, a link out, a subfolder)' },
  'raw-html': { about: 'raw HTML in Markdown, left out' },
  'unsafe-url': { about: 'a link whose protocol could run code, removed' },
  'unknown-directive': { about: 'a directive the pipeline has no meaning for: its text is published and translated, as a plain block or span' },
  'figure-without-image': { about: 'a figure whose image is missing: left out with its caption and credit', strict: 'refuse-edition' },
  // Translating an edition (plugins/remark-translate.ts, translation/status/)
  'missing-translation': { about: 'a key with no translation: the source text is shown', strict: 'refuse-edition', counts: 'missing' },
  'outdated-translation': { about: 'a translation made from an older source text', strict: 'refuse-edition' },
  'unextracted-segment': { about: 'content not yet in the source catalog' },
  // Catalogs (i18n/catalog.ts) and i18n:check (translation/lint/)
  'catalog-html': { about: 'HTML in a catalog value, never published as markup' },
  'generated-catalog': { about: 'a hand edit of a source catalog that i18n:extract generates from content/' },
  'invalid-json': { about: 'a catalog that is not strict i18next JSON' },
  'value-type': { about: 'a catalog value that is neither text nor plural forms' },
  'interpolation-mismatch': { about: '{{variables}} that differ from the source' },
  'markup-mismatch': { about: 'emphasis, strong or links that differ from the source' },
  'empty-translation': { about: 'an empty value' },
  'same-as-source': { about: 'the source text left in another language' },
  'term-mismatch': { about: 'a translation without the term its language\'s termbase requires (locales/<lang>/terms.json)' },
  'orphaned-key': { about: 'a key the source no longer has' },
  // Writers (render/)
  'missing-glyph': { about: 'a character no PDF font can draw', strict: 'fail-format' },
  'pdf-unknown-element': { about: 'an element the PDF writer has no handler for: its text is set as plain paragraphs' }
} as const satisfies Record<string, Rule>

export type RuleId = keyof typeof RULES

declare module 'vfile-message' {
  interface VFileMessage {
    /** The catalog key a message is about: i18n:check's key column, the preview's `(key K)`. */
    key?: string | undefined
  }
}

export interface Report {
  place?: Point | Position | undefined
  /** The plugin or module that noticed, as unified names it (`remark-translate`). */
  source: string
  /** Where the problem's text really is, when that is another file (a translation in a catalog). */
  cause?: VFileMessage | undefined
  /** The catalog key it is about. */
  key?: string | undefined
}

/** A warning on `file` under one of the catalog's rules. */
export function warn(file: VFile, ruleId: RuleId, reason: string, report: Report): VFileMessage {
  const message = file.message(reason, { place: report.place, ruleId, source: report.source, cause: report.cause })
  if (report.key !== undefined) message.key = report.key
  return message
}

/** Where a translation is: a message on the catalog file, to hang on another message as its `cause`. */
export function catalogCause(catalogPath: string, key: string, point: { line: number; column: number }): VFileMessage {
  const message = new VFileMessage(`Translation of \`${key}\``, { place: { line: point.line, column: point.column }, source: 'catalog' })
  message.file = catalogPath
  return message
}

export function ruleOf(message: VFileMessage): Rule | undefined {
  return message.ruleId !== undefined && message.ruleId in RULES ? RULES[message.ruleId as RuleId] : undefined
}

/** How many messages the summary counts under `what`. */
export function countOf(messages: readonly VFileMessage[], what: NonNullable<Rule['counts']>): number {
  return messages.filter((message) => ruleOf(message)?.counts === what).length
}

/** The messages `--strict` turns into a refused edition or a failed format. */
export function strictProblems(messages: readonly VFileMessage[], effect: NonNullable<Rule['strict']>): VFileMessage[] {
  return messages.filter((message) => ruleOf(message)?.strict === effect)
}

/** An error on `file` that stops what reads it (unified's `file.fail`), under one of the catalog's rules. */
export function fail(file: VFile, ruleId: RuleId, reason: string, report: Report): never {
  const message = warn(file, ruleId, reason, report)
  message.fatal = true
  throw message
}

/** A catalog, record or termbase that cannot be read: the fatal message on its file that `fail` threw. */
export function isCatalogFailure(error: unknown): error is VFileMessage {
  return error instanceof VFileMessage && error.fatal === true && error.source === 'catalog'
}
