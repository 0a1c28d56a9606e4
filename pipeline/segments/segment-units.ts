/**
 * Finds the translatable units of a document: every heading, paragraph,
 * caption, credit, image alt text and metadata field, in reading order.
 * Each unit knows how to write a translated value back into its own tree.
 */
import type { Data, Image, Nodes, Paragraph, Parents, PhrasingContent, Root } from 'mdast'
import type { Position } from 'unist'
import { visitParents } from 'unist-util-visit-parents'
import type { DocumentMeta, MetaField, SegmentKind } from '../types.ts'
import { phrasingToMarkdown, titleForms } from '../content/markdown.ts'

export interface Unit {
  kind: SegmentKind
  /** Source text, inline markup as Markdown. */
  text: string
  position?: Position | undefined
  /** Metadata fields have fixed keys; everything else is keyed by its text. */
  fixedKey?: string | undefined
  /** The front matter field the unit is (writers find its key by the field, on `file.data.translation.metaKeys`). */
  field?: MetaField | undefined
  /** Whether the value may carry inline Markdown (false: plain text only). */
  inline: boolean
  /** Replace the unit's content with a translated value. */
  apply: (value: PhrasingContent[] | string) => void
  /** The node that holds the text, to record its key on (`data.segmentKey`). */
  node?: { data?: Data | undefined } | undefined
}

const META_FIELDS: readonly MetaField[] = ['title', 'shortTitle', 'interviewee', 'intervieweeRole', 'interviewer', 'publisher']

/** Units of the front matter: fields first, then credits, in a stable order. */
export function metaUnits(meta: DocumentMeta): Unit[] {
  const units: Unit[] = []
  for (const field of META_FIELDS) {
    if (field === 'title' && meta.titleMarkdown) {
      // Translators see the title's Markdown; the translation sets both forms.
      units.push({
        kind: 'meta', text: meta.titleMarkdown, fixedKey: 'meta.title', field, inline: false,
        apply: (value) => Object.assign(meta, titleForms(asPlain(value)))
      })
      continue
    }
    const text = meta[field]
    if (!text) continue
    units.push({
      kind: 'meta', text, fixedKey: `meta.${field}`, field, inline: false,
      apply: (value) => { meta[field] = asPlain(value) }
    })
  }
  meta.credits.forEach((text, index) => {
    units.push({
      kind: 'credit', text, inline: false,
      apply: (value) => { meta.credits[index] = asPlain(value) }
    })
  })
  return units
}

/** Units of the body, in document order. */
export function bodyUnits(tree: Root): Unit[] {
  const units: Unit[] = []
  visitParents(tree, (node: Nodes, ancestors: Parents[]) => {
    switch (node.type) {
      case 'heading':
      case 'tableCell':
        units.push(phrasingUnit(node.type === 'heading' ? 'heading' : 'cell', node))
        return 'skip'
      case 'paragraph': {
        const image = soleImage(node)
        if (image) {
          if (image.alt) units.push(altUnit(image))
          return 'skip'
        }
        units.push(phrasingUnit(paragraphKind(ancestors), node))
        return 'skip'
      }
      case 'containerDirective':
      case 'leafDirective': {
        // Attributes that are text a reader sees: a figure's credit, a question's label in the contents.
        for (const [directive, attribute, kind] of TEXT_ATTRIBUTES) {
          const attributes = node.attributes
          const text = attributes?.[attribute]
          if (node.name !== directive || !attributes || !text) continue
          units.push({
            kind, text, position: node.position, inline: false,
            apply: (value) => { attributes[attribute] = asPlain(value) }
          })
        }
        // A leaf directive (`::name[text]`) holds its text itself, not in a paragraph.
        if (node.type === 'leafDirective' && node.children.length > 0) {
          units.push(phrasingUnit('p', node))
          return 'skip'
        }
        return undefined
      }
      default:
        return undefined
    }
  })
  return units
}

const TEXT_ATTRIBUTES: ReadonlyArray<[directive: string, attribute: string, kind: SegmentKind]> = [
  ['figure', 'credit', 'credit'],
  ['question', 'label', 'label']
]

/**
 * The text is written out as Markdown only when asked for: an edition finds
 * its units by the document's keys and never reads it (a toMarkdown run per
 * unit and edition otherwise). It is the source's, even after `apply`. A
 * class, its getter on the prototype: an object literal with a getter is
 * made by V8's runtime, about 10 µs each (a book's 1,700 units, twice a build).
 */
class PhrasingUnit implements Unit {
  readonly inline = true
  readonly position: Position | undefined
  readonly #source: PhrasingContent[]
  #text: string | undefined

  constructor(readonly kind: SegmentKind, readonly node: { children: PhrasingContent[]; position?: Position | undefined; data?: Data | undefined }) {
    this.position = node.position
    this.#source = node.children
  }

  get text(): string {
    return (this.#text ??= phrasingToMarkdown(this.#source))
  }

  apply(value: PhrasingContent[] | string): void {
    this.node.children = typeof value === 'string' ? [{ type: 'text', value }] : value
  }
}

function phrasingUnit(kind: SegmentKind, node: { children: PhrasingContent[]; position?: Position | undefined; data?: Data | undefined }): Unit {
  return new PhrasingUnit(kind, node)
}

function altUnit(image: Image): Unit {
  return {
    kind: 'alt', text: image.alt ?? '', position: image.position, inline: false,
    apply: (value) => { image.alt = asPlain(value) }
  }
}

/** A paragraph that holds one image and nothing but white space. */
export function soleImage(node: Paragraph): Image | undefined {
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const only = meaningful[0]
  return meaningful.length === 1 && only?.type === 'image' ? only : undefined
}

function paragraphKind(ancestors: Parents[]): SegmentKind {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i]!
    if (parent.type === 'containerDirective') {
      if (parent.name === 'question') return 'question'
      if (parent.name === 'standfirst') return 'standfirst'
      if (parent.name === 'figure' || parent.name === 'table') return 'caption'
    }
    if (parent.type === 'footnoteDefinition') return 'note'
    if (parent.type === 'blockquote') return 'quote'
    if (parent.type === 'listItem') return typeof parent.checked === 'boolean' ? 'task' : 'item'
  }
  return 'p'
}

function asPlain(value: PhrasingContent[] | string): string {
  if (typeof value === 'string') return value
  return value.map((node) => ('value' in node ? node.value : 'children' in node ? asPlain(node.children as PhrasingContent[]) : '')).join('')
}
