/**
 * Is this a complete, valid, harmless edition? Each check reads a file the
 * way a reader's software does and returns a list of problems (empty when
 * all is well), so a failing test says what is wrong and where.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { SaxesParser } from 'saxes'
import { isTemporary } from '../../pipeline/output/write-atomic.ts'
import { findAll } from './read-back.ts'

const SAFE_URL = /^(?:https?:|mailto:|[^:]*$|[^:]*[/?#])/i
const UNSAFE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'form', 'svg', 'math'])

/** Markup an attacker could use: scripts, event handlers, frames, `javascript:` links, styles outside ours. */
export function unsafeMarkup(tree: Root | Element, where: string): string[] {
  const problems: string[] = []
  for (const node of findAll(tree, () => true)) {
    const name = node.tagName.toLowerCase()
    const jsonLd = name === 'script' && node.properties.type === 'application/ld+json'
    if (UNSAFE_ELEMENTS.has(name) && !jsonLd) problems.push(`${where}: <${name}> element`)
    for (const [key, value] of Object.entries(node.properties)) {
      if (/^on/i.test(key)) problems.push(`${where}: ${key} attribute on <${name}>`)
      if (['href', 'src', 'xLinkHref', 'action', 'formAction'].includes(key) && !SAFE_URL.test(String(value).trim())) {
        problems.push(`${where}: ${key}="${String(value)}" on <${name}>`)
      }
      if (key === 'style') problems.push(`${where}: style attribute on <${name}>`)
    }
  }
  return problems
}

export function htmlProblems(html: string, where: string): string[] {
  const problems: string[] = []
  const tree = fromHtml(html, {
    onerror: (error) => {
      problems.push(`${where}: HTML parse error ${error.reason} at ${error.line}:${error.column}`)
    }
  })
  if (!/<\/html>\s*$/.test(html)) problems.push(`${where}: ends before </html>`)
  const styles = findAll(tree, (node) => node.tagName === 'style')
  if (styles.length !== 1 || !findAll(tree, (node) => node.tagName === 'head')[0]?.children.includes(styles[0]!)) {
    problems.push(`${where}: ${styles.length} <style> elements, expected only ours in <head>`)
  }
  return [...problems, ...unsafeMarkup(tree, where)]
}

/** Strict XML well-formedness (what an e-reader's XML parser needs), plus unsafe markup. */
export function xmlProblems(xml: string, where: string): string[] {
  const problems: string[] = []
  const parser = new SaxesParser({ xmlns: true })
  parser.on('error', (error) => problems.push(`${where}: ${error.message}`))
  parser.on('opentag', (tag) => {
    if (tag.local === 'script') problems.push(`${where}: <script> element`)
    for (const attribute of Object.values(tag.attributes)) {
      if (/^on/i.test(attribute.local)) problems.push(`${where}: ${attribute.local} attribute`)
      if (attribute.local === 'href' && !SAFE_URL.test(attribute.value.trim())) problems.push(`${where}: href="${attribute.value}"`)
    }
  })
  parser.write(xml).close()
  return problems
}

export async function epubProblems(data: Uint8Array, where: string): Promise<string[]> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(data)
  } catch (error) {
    return [`${where}: not a zip (${(error as Error).message})`]
  }
  const container = await zip.file('META-INF/container.xml')?.async('string')
  const opfPath = container && /full-path="([^"]+)"/.exec(container)?.[1]
  if (!opfPath || !zip.file(opfPath)) return [`${where}: no package document`]
  const opf = await zip.file(opfPath)!.async('string')
  const problems: string[] = []
  if (!/<dc:title[^>]*>[^<]*<\/dc:title>/.test(opf)) problems.push(`${where}: package document has no dc:title`)
  if ((await zip.file('mimetype')?.async('string')) !== 'application/epub+zip') problems.push(`${where}: no mimetype`)
  for (const name of Object.keys(zip.files).filter((file) => /\.(opf|xhtml|ncx|xml)$/.test(file))) {
    problems.push(...xmlProblems(await zip.file(name)!.async('string'), `${where}!${name}`))
  }
  return problems
}

export async function pdfProblems(data: Uint8Array, where: string): Promise<string[]> {
  const problems: string[] = []
  const raw = Buffer.from(data).toString('latin1')
  if (!raw.startsWith('%PDF-')) problems.push(`${where}: no PDF header`)
  if (!/%%EOF\s*$/.test(raw)) problems.push(`${where}: ends before %%EOF`)
  for (const action of ['/JavaScript', '/JS ', '/Launch', '/OpenAction', '/SubmitForm', '/ImportData']) {
    if (raw.includes(action)) problems.push(`${where}: ${action} action`)
  }
  for (const match of raw.matchAll(/\/URI \(([^)]*)\)/g)) if (!SAFE_URL.test(match[1]!)) problems.push(`${where}: link to ${match[1]}`)
  try {
    const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false, stopAtErrors: true, verbosity: 0 }).promise
    if (pdf.numPages < 1) problems.push(`${where}: no pages`)
    for (let number = 1; number <= pdf.numPages; number++) await (await pdf.getPage(number)).getTextContent()
    await pdf.destroy()
  } catch (error) {
    problems.push(`${where}: pdf.js cannot read it (${(error as Error).message})`)
  }
  return problems
}

export interface OutputReport {
  problems: string[]
  /** Non-temporary files, relative to the folder. */
  files: string[]
  temporaries: string[]
}

/** Every file under an output folder, checked by kind, and the manifest checked against the files. */
export async function outputProblems(dir: string): Promise<OutputReport> {
  const report: OutputReport = { problems: [], files: [], temporaries: [] }
  const all = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
  for (const entry of all) {
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name))
    if (isTemporary(entry.name)) {
      report.temporaries.push(relative)
      continue
    }
    if (entry.name === '.lock') continue
    report.files.push(relative)
    const data = readFileSync(path.join(dir, relative))
    if (relative.endsWith('.html')) report.problems.push(...htmlProblems(data.toString('utf8'), relative))
    else if (relative.endsWith('.epub')) report.problems.push(...(await epubProblems(data, relative)))
    else if (relative.endsWith('.pdf')) report.problems.push(...(await pdfProblems(data, relative)))
  }
  let manifest: { files: Array<{ path: string; bytes: number; sha256: string }> } | undefined
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
  } catch (error) {
    report.problems.push(`manifest.json: ${(error as Error).message}`)
  }
  for (const entry of manifest?.files ?? []) {
    let data: Buffer
    try {
      data = readFileSync(path.join(dir, entry.path))
    } catch {
      report.problems.push(`manifest.json lists ${entry.path}, which does not exist`)
      continue
    }
    if (data.byteLength !== entry.bytes || createHash('sha256').update(data).digest('hex') !== entry.sha256) {
      report.problems.push(`manifest.json lists ${entry.path} with other bytes than the file has`)
    }
    if (isTemporary(entry.path)) report.problems.push(`manifest.json lists a temporary file ${entry.path}`)
  }
  return report
}
