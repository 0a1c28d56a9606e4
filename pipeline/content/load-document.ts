/**
 * Reads one Markdown document from content/ into a vfile carrying its mdast
 * and front matter. Problems are vfile messages with file:line:column.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Heading, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { isMap, isScalar, LineCounter, parseDocument as parseYaml, type Document } from 'yaml'
import { attachTableCaptions, TABLE_DIRECTIVE } from './table-captions.ts'
import { cachedParse } from './document-cache.ts'
import { createParser } from '../create-processor.ts'
import type { DocumentMeta } from '../types.ts'
import { plainText } from './plain-text.ts'
import { resolveReferences } from './resolve-references.ts'
import { keepRawHtmlWords } from './raw-html-blocks.ts'
import { type HtmlReader, keepInlineHtmlWords } from './raw-html-inline.ts'
import { phrasingToMarkdown, titleForms } from './markdown.ts'
import { cleanText, describeProblems, firstInvalidUtf8, locator } from './untrusted-text.ts'
import { fail, warn } from '../messages.ts'

export interface LoadedDocument {
  /** Document name: the file name without `.md`; used for keys, catalogs and output paths. */
  name: string
  file: VFile
  tree: Root
  meta: DocumentMeta
}

const DOC_NAME = /^[a-z0-9][a-z0-9._-]*$/i

/** With `cacheDir`, a text parsed before is read back from there (document-cache.ts). */
export async function loadDocument(filePath: string, defaultLang: string, cacheDir?: string): Promise<LoadedDocument> {
  const name = path.basename(filePath, '.md')
  const file: VFile = new VFile({ path: filePath })
  if (!DOC_NAME.test(name)) {
    fail(file, 'document-name', `Unexpected document name \`${name}\`, expected a letter or digit first, then letters, digits, '.', '_' or '-' only`, { source: 'load-document' })
  }
  let bytes: Buffer
  try {
    bytes = readFileSync(filePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    fail(file, 'missing-content', code === 'ENOENT' ? 'Cannot find the content file: check the path under content/' : `Cannot read the content file (${code})`, {
      source: 'load-document'
    })
  }
  file.value = decodeText(bytes, file)
  // Only a document with a `<` may hold a block of raw HTML: the HTML parser is loaded for it alone.
  const html = String(file.value).includes('<') ? await import('./html-text.ts') : undefined
  if (!cacheDir) return parseLoaded(name, file, defaultLang, html)
  const { tree, meta } = cachedParse(name, file, defaultLang, cacheDir, () => {
    const parsed = parseLoaded(name, file, defaultLang, html)
    return { tree: parsed.tree, meta: parsed.meta }
  })
  return { name, file, tree, meta }
}

/** UTF-8 only, and without characters no edition can carry (removed with a message at their place). */
function decodeText(bytes: Uint8Array, file: VFile): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const valid = new TextDecoder().decode(bytes.subarray(0, firstInvalidUtf8(bytes)))
    fail(file, 'encoding', 'Unexpected invalid UTF-8 byte, expected the file saved as UTF-8', {
      place: locator(valid)(valid.length), source: 'load-document'
    })
  }
  const { text: cleaned, problems } = cleanText(text)
  const at = locator(text)
  for (const problem of problems) {
    warn(file, 'invalid-character', `Unexpected ${describeProblems([problem])}, expected printable text: removed`, {
      place: at(problem.offset), source: 'load-document'
    })
  }
  // CRLF (a Windows editor, Git's autocrlf) and a lone CR are LF before anything is keyed, stored or hashed.
  // Text in Unicode's composed form (NFC), as the web expects it (the Nu checker warns on anything else):
  // an "å" typed as a + ring is the same text, shown alike, found by the same search.
  return cleaned.replace(/\r\n?/g, '\n').normalize('NFC')
}

/** Parse already-read Markdown (also used by tests and the bench); `html` reads raw HTML's words (html-text.ts). */
export function parseLoaded(name: string, file: VFile, defaultLang: string, html?: HtmlReader): LoadedDocument {
  const tree = createParser().parse(file) as Root
  if (tree.children[0]?.type !== 'yaml') refuseUnclosedFrontMatter(file)
  const front = readFrontMatter(tree, file)
  resolveReferences(tree)
  attachTableCaptions(tree)
  keepRawHtmlWords(tree, file, html?.htmlLines)
  keepInlineHtmlWords(tree, file, html)
  const firstHeading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1)
  const written = front.text('title') ?? (firstHeading ? phrasingToMarkdown(firstHeading.children) : undefined) ?? name
  const { title, titleMarkdown } = titleForms(written)
  // The headline is rendered from the title, so a leading `# Title` would show twice.
  if (firstHeading && plainText(firstHeading) === title) tree.children.splice(tree.children.indexOf(firstHeading), 1)
  shiftHeadingsUnderTitle(tree)
  flagUnknownDirectives(tree, file)
  const meta: DocumentMeta = {
    title,
    titleMarkdown,
    shortTitle: front.text('shortTitle'),
    lang: front.text('lang') ?? defaultLang,
    interviewee: front.text('interviewee'),
    intervieweeRole: front.text('intervieweeRole'),
    interviewer: front.text('interviewer'),
    publisher: front.text('publisher'),
    credits: front.list('credits')
  }
  return { name, file, tree, meta }
}

/**
 * A file that opens with `---` and `key: value` lines but never closes them
 * would be published with its front matter as body text: refused, at line 1.
 */
function refuseUnclosedFrontMatter(file: VFile): void {
  const text = String(file.value)
  const opening = /^---[ \t]*\r?\n/.exec(text)
  if (!opening || !/^[\w-]+:/.test(text.slice(opening[0].length))) return
  fail(file, 'front-matter', 'Unexpected front matter without its closing `---` line, expected `---` after the last `key: value` line', {
    place: { line: 1, column: 1 }, source: 'load-document'
  })
}

/**
 * The title is the one `<h1>`: a body that has level-1 headings is shifted one level down. Its sixth
 * level, the seventh then, stays an h6 that says its level (render/heading-level.ts), not a second h6.
 */
function shiftHeadingsUnderTitle(tree: Root): void {
  let top = false
  visit(tree, 'heading', (node: Heading) => {
    if (node.depth === 1) top = true
  })
  if (!top) return
  visit(tree, 'heading', (node: Heading) => {
    if (node.depth === 6) node.data = { ...node.data, hProperties: { ...node.data?.hProperties, ariaLevel: 7 } }
    else node.depth = (node.depth + 1) as Heading['depth']
  })
}

/** The directives this pipeline gives a meaning to; any other keeps its text, with a warning. */
const DIRECTIVES = new Set(['question', 'standfirst', 'figure', 'credits', TABLE_DIRECTIVE])

function flagUnknownDirectives(tree: Root, file: VFile): void {
  visit(tree, (node) => {
    if ((node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') && !DIRECTIVES.has(node.name)) {
      warn(file, 'unknown-directive', `Unexpected directive \`${node.name}\`, expected one of ${[...DIRECTIVES].join(', ')}: its text is published (and translated) as a plain ${node.type === 'textDirective' ? 'span' : 'block'}`, {
        place: node.position, source: 'load-document'
      })
    }
  })
}

interface FrontMatter {
  /** A text field, or undefined when absent; anything but text is a positioned error. */
  text: (key: string) => string | undefined
  /** A list of texts (a single text counts as a list of one). */
  list: (key: string) => string[]
}

function readFrontMatter(tree: Root, file: VFile): FrontMatter {
  const node = tree.children[0]
  if (node?.type !== 'yaml') return { text: () => undefined, list: () => [] }
  tree.children.shift()
  const lines = new LineCounter()
  const doc = parseYaml(node.value, { prettyErrors: false, lineCounter: lines })
  // Line 1 of the YAML is the line after the opening `---`.
  const at = (offset: number) => {
    const pos = lines.linePos(offset)
    return { line: (node.position?.start.line ?? 1) + pos.line, column: pos.col }
  }
  const error = doc.errors[0]
  if (error) {
    fail(file, 'front-matter', `Invalid YAML front matter: ${error.message.split(' at line ')[0]}, expected \`key: value\` lines between the \`---\` lines`, {
      place: at(error.pos[0]), source: 'load-document'
    })
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    fail(file, 'front-matter', 'Unexpected front matter, expected `key: value` pairs', { place: node.position, source: 'load-document' })
  }
  const read = (key: string, value: unknown, offset: number): string => {
    if (typeof value !== 'string' && typeof value !== 'number') {
      fail(file, 'front-matter', `Unexpected ${value === null ? 'empty value' : Array.isArray(value) ? 'list' : typeof value} for front matter \`${key}\`, expected text`, {
        place: at(offset), source: 'load-document'
      })
    }
    const { text, problems } = cleanText(String(value))
    if (problems.length > 0) {
      warn(file, 'invalid-character', `Unexpected ${describeProblems(problems)} in front matter \`${key}\`, expected printable text: removed`, {
        place: at(offset), source: 'load-document'
      })
    }
    return text
  }
  return {
    text(key) {
      const value = valueNode(doc, key)
      if (!value || (isScalar(value) && value.value === null)) return undefined
      return read(key, value.toJSON(), value.range?.[0] ?? 0)
    },
    list(key) {
      const value = valueNode(doc, key)
      if (!value) return []
      const items = 'items' in value && Array.isArray(value.items) ? value.items : [value]
      return items.map((item) => read(key, (item as { toJSON: () => unknown }).toJSON(), (item as { range?: number[] }).range?.[0] ?? 0))
    }
  }
}

function valueNode(doc: Document, key: string) {
  return isMap(doc.contents) ? (doc.contents.get(key, true) as { toJSON: () => unknown; range?: [number, number, number] } | undefined) : undefined
}
