/**
 * Reads one Markdown document from content/ into a vfile carrying its mdast
 * and front matter. Problems are vfile messages with file:line:column.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Root } from 'mdast'
import { VFile } from 'vfile'
import { parseDocument as parseYaml } from 'yaml'
import { createParser } from '../create-processor.ts'
import type { DocumentMeta } from '../types.ts'
import { plainText } from './plain-text.ts'

export interface LoadedDocument {
  /** Document name: the file name without `.md`; used for keys, catalogs and output paths. */
  name: string
  file: VFile
  tree: Root
  meta: DocumentMeta
}

const DOC_NAME = /^[a-z0-9][a-z0-9._-]*$/i

export async function loadDocument(filePath: string, defaultLang: string): Promise<LoadedDocument> {
  const name = path.basename(filePath, '.md')
  const file = new VFile({ path: filePath })
  if (!DOC_NAME.test(name)) {
    file.fail(`Unexpected document name \`${name}\`, expected letters, digits, '.', '_' or '-' only`, { ruleId: 'document-name', source: 'load-document' })
  }
  try {
    file.value = await readFile(filePath, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    file.fail(code === 'ENOENT' ? 'Cannot find the content file: check the path under content/' : `Cannot read the content file (${code})`, {
      ruleId: 'missing-content', source: 'load-document'
    })
  }
  return parseLoaded(name, file, defaultLang)
}

/** Parse already-read Markdown (also used by tests and the bench). */
export function parseLoaded(name: string, file: VFile, defaultLang: string): LoadedDocument {
  const tree = createParser().parse(file) as Root
  const front = readFrontMatter(tree, file)
  const firstHeading = tree.children.find((node) => node.type === 'heading' && node.depth === 1)
  const headingTitle = firstHeading ? plainText(firstHeading) : undefined
  const title = stringField(front, 'title', file) ?? headingTitle ?? name
  // The headline is rendered from the title, so a leading `# Title` would show twice.
  if (firstHeading && headingTitle === title) tree.children.splice(tree.children.indexOf(firstHeading), 1)
  const credits = front.credits
  const meta: DocumentMeta = {
    title,
    lang: stringField(front, 'lang', file) ?? defaultLang,
    interviewee: stringField(front, 'interviewee', file),
    intervieweeRole: stringField(front, 'intervieweeRole', file),
    interviewer: stringField(front, 'interviewer', file),
    publisher: stringField(front, 'publisher', file),
    credits: Array.isArray(credits) ? credits.map(String) : typeof credits === 'string' ? [credits] : []
  }
  return { name, file, tree, meta }
}

function readFrontMatter(tree: Root, file: VFile): Record<string, unknown> {
  const node = tree.children[0]
  if (node?.type !== 'yaml') return {}
  tree.children.shift()
  const doc = parseYaml(node.value, { prettyErrors: true })
  const error = doc.errors[0]
  if (error) {
    const line = (node.position?.start.line ?? 1) + (error.linePos?.[0].line ?? 1)
    const column = error.linePos?.[0].col ?? 1
    file.fail(`Invalid YAML front matter: ${error.message.split('\n')[0]}`, {
      place: { line, column }, ruleId: 'front-matter', source: 'load-document'
    })
  }
  const data: unknown = doc.toJS()
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    file.fail('Unexpected front matter, expected `key: value` pairs', { place: node.position, ruleId: 'front-matter', source: 'load-document' })
  }
  return data as Record<string, unknown>
}

function stringField(front: Record<string, unknown>, key: string, file: VFile): string | undefined {
  const value = front[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  file.fail(`Unexpected ${Array.isArray(value) ? 'list' : typeof value} for front matter \`${key}\`, expected text`, {
    place: { line: 1, column: 1 }, ruleId: 'front-matter', source: 'load-document'
  })
}
