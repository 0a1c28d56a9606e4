/**
 * mdast → hast handlers for what CommonMark has no element for: our
 * directives (figure, standfirst, anything else becomes a classed div/span)
 * and heading ids that are the same in every language (made from keys).
 * Segment keys ride along on hast `data` (never serialized), so a writer's
 * message can name the catalog key of the text it could not set.
 */
import type { Element, ElementContent } from 'hast'
import type { Code, Heading, Image, Paragraph, Parents, TableRow } from 'mdast'
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive'
import { defaultHandlers, type Handlers, type State } from 'mdast-util-to-hast'
import { soleImage } from '../segments/segment-units.ts'

export interface Labels {
  /** The heading of the footnotes: the UI term "Notes". */
  footnotes: string
  /** A footnote's link back to where it is called: "Back to reference 2". */
  backToReference: (number: string) => string
}

/** Record the catalog key of an element's text on its `data`, which no serializer writes out. */
export function withSegmentKey(element: Element, key: string): Element {
  element.data ??= {} as NonNullable<Element['data']>
  element.data.segmentKey = key
  return element
}

/** An id for the element that holds a keyed segment: stable across languages. */
export function idOfKey(key: string): string {
  return key.replace(/\./g, '-')
}

export function createHandlers(): Handlers {
  return {
    heading(state: State, node: Heading): Element {
      const element = defaultHandlers.heading(state, node)
      const key = node.data?.segmentKey
      if (key) {
        element.properties = { ...element.properties, id: idOfKey(key) }
        withSegmentKey(element, key)
      }
      if (node.data?.navLabel) {
        element.data ??= {} as NonNullable<Element['data']>
        element.data.navLabel = node.data.navLabel
      }
      return element
    },
    /** A code block runs left to right in every edition: its lines are code, aligned at the left in Arabic too (its strings keep their own direction inside). */
    code(state: State, node: Code): Element {
      const element = defaultHandlers.code(state, node)
      element.properties = { ...element.properties, dir: 'ltr' }
      return element
    },
    paragraph(state: State, node: Paragraph): Element {
      const element = defaultHandlers.paragraph(state, node)
      const key = node.data?.segmentKey
      if (key) withSegmentKey(element, key)
      return element
    },
    tableRow(state: State, node: TableRow, parent: Parents | undefined): Element {
      const row = defaultHandlers.tableRow(state, node, parent)
      // mdast-util-to-hast makes the cells itself (no tableCell handler runs): their keys are carried over here.
      const cells = row.children.filter((child) => child.type === 'element')
      cells.forEach((cell, index) => {
        const key = node.children[index]?.data?.segmentKey
        if (key) withSegmentKey(cell, key)
      })
      return row
    },
    containerDirective(state: State, node: ContainerDirective): Element {
      if (node.name === 'figure') return figure(state, node)
      if (node.name === 'table') return captionedTable(state, node)
      const element: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: [safeClass(node.name)] },
        children: state.all(node)
      }
      state.patch(node, element)
      return element
    },
    leafDirective(state: State, node: LeafDirective): Element {
      const element: Element = { type: 'element', tagName: 'p', properties: { className: [safeClass(node.name)] }, children: state.all(node) }
      state.patch(node, element)
      return element
    },
    textDirective(state: State, node: TextDirective): Element {
      const element: Element = { type: 'element', tagName: 'span', properties: { className: [safeClass(node.name)] }, children: state.all(node) }
      state.patch(node, element)
      return element
    },
    image(state: State, node: Image): Element {
      const element = defaultHandlers.image(state, node)
      // Writers read the checked local path; the URL is rewritten per format.
      element.properties = { ...element.properties, dataLocalPath: node.data?.localPath }
      return element
    }
  }
}

/** `<figure>` with the image and a caption holding the credit (remark-figures has left out any figure without an image). */
function figure(state: State, node: ContainerDirective): Element {
  const media: ElementContent[] = []
  const caption: ElementContent[] = []
  let captionKey: string | undefined
  for (const child of node.children) {
    const image = child.type === 'paragraph' ? soleImage(child) : undefined
    if (image) {
      media.push(...state.all({ type: 'paragraph', children: [image] } satisfies Paragraph))
    } else if (child.type === 'paragraph') {
      if (caption.length > 0) caption.push({ type: 'element', tagName: 'br', properties: {}, children: [] })
      captionKey ??= child.data?.segmentKey
      caption.push(...state.all(child))
    } else {
      media.push(...state.all({ type: 'root', children: [child] }))
    }
  }
  const credit = node.attributes?.credit
  const parts: ElementContent[] = []
  if (caption.length > 0) {
    const span: Element = { type: 'element', tagName: 'span', properties: { className: ['caption'] }, children: caption }
    parts.push(captionKey ? withSegmentKey(span, captionKey) : span)
  }
  if (credit) {
    if (parts.length > 0) parts.push({ type: 'text', value: ' ' })
    // The credit may stay in its source language (a Latin agency name in Arabic): its direction comes from its own text.
    parts.push({ type: 'element', tagName: 'span', properties: { className: ['credit'], dir: 'auto' }, children: [{ type: 'text', value: credit }] })
  }
  const children = [...media.flatMap(unwrapParagraph)]
  if (parts.length > 0) children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: parts })
  const element: Element = { type: 'element', tagName: 'figure', properties: { className: ['figure'] }, children }
  state.patch(node, element)
  return element
}

/**
 * A table with its caption (content/table-captions.ts): `<caption>` as the
 * table's first child, carrying the caption's segment key. A `:::table`
 * without a table inside is a plain block.
 */
function captionedTable(state: State, node: ContainerDirective): Element {
  const source = node.children.find((child) => child.type === 'table')
  const table = source && state.all({ type: 'root', children: [source] }).find((child): child is Element => child.type === 'element' && child.tagName === 'table')
  const rest = node.children.filter((child) => child !== source)
  if (!table) return { type: 'element', tagName: 'div', properties: {}, children: state.all(node) }
  const paragraph = rest.find((child) => child.type === 'paragraph')
  const words = rest.flatMap((child) => (child.type === 'paragraph' ? state.all(child) : []))
  if (paragraph && words.length > 0) {
    // A missing translation's language and direction (remark-translate) go with the words.
    const { lang, dir } = paragraph.data?.hProperties ?? {}
    const caption: Element = { type: 'element', tagName: 'caption', properties: { ...(lang ? { lang } : {}), ...(dir ? { dir } : {}) }, children: words }
    const key = paragraph.data?.segmentKey
    table.children.unshift(key ? withSegmentKey(caption, key) : caption)
  }
  state.patch(node, table)
  return table
}

function unwrapParagraph(node: ElementContent): ElementContent[] {
  return node.type === 'element' && node.tagName === 'p' ? node.children : [node]
}

function safeClass(name: string): string {
  return 'directive-' + name.replace(/[^a-z0-9-]/gi, '')
}
