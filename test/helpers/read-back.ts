/**
 * Reading editions back the way a reader's software does: HTML parsed by a
 * real HTML parser, EPUB unzipped and its spine documents parsed, PDF text
 * extracted by pdf.js.
 */
import { execFileSync } from 'node:child_process'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'
import { inflateSync } from 'node:zlib'
import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff00-\\uffef'
/** White space next to a CJK character: a line break there is layout, Chinese has no spaces between words. */
const SPACE_BY_CJK = new RegExp(`(?<=[${CJK}]) | (?=[${CJK}])`, 'gu')

/**
 * Collapse white space so text laid out differently compares equal: runs of
 * white space become one space, a line break beside a CJK character goes,
 * and NUL (which pdf.js's viewer strips on copy), ZERO WIDTH SPACE and
 * RIGHT-TO-LEFT MARK (invisible format characters a PDF carries in
 * right-to-left text, see render/pdf/text/draw-rtl.ts) are dropped.
 */
export function normalize(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what pdf.js reads for a right-to-left space (render/pdf/text/draw-rtl.ts); its viewer drops it on copy
  return text.replace(/[\u0000\u200b\u200f]/g, '').replace(/[\s\u00a0]+/g, ' ').replace(SPACE_BY_CJK, '').trim()
}

export function htmlTree(html: string): Root {
  return fromHtml(html)
}

export function htmlText(html: string): string {
  return normalize(toText(fromHtml(html)))
}

export function findAll(tree: Root | Element, test: (node: Element) => boolean): Element[] {
  const found: Element[] = []
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (test(child)) found.push(child)
      walk(child)
    }
  }
  walk(tree)
  return found
}

export interface EpubContents {
  zip: JSZip
  opf: string
  /** Text of the spine's documents, in reading order. */
  text: string
}

export async function readEpub(data: Uint8Array): Promise<EpubContents> {
  const zip = await JSZip.loadAsync(data)
  const container = await zip.file('META-INF/container.xml')!.async('string')
  const opfPath = /full-path="([^"]+)"/.exec(container)![1]!
  const opf = await zip.file(opfPath)!.async('string')
  const base = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/') + 1) : ''
  const hrefs = new Map([...opf.matchAll(/<item [^>]*id="([^"]+)"[^>]*href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]))
  const spine = [...opf.matchAll(/<itemref [^>]*idref="([^"]+)"(?![^>]*linear="no")/g)].map((m) => hrefs.get(m[1]!)!)
  const parts: string[] = []
  for (const href of spine) parts.push(toText(fromHtml(await zip.file(base + href)!.async('string'))))
  return { zip, opf, text: normalize(parts.join(' ')) }
}

/** `poppler`: pdftotext's text of the same PDF, when the caller has it already (see dehyphenate). */
export async function pdfText(data: Uint8Array, poppler?: string): Promise<{ pages: number; text: string; pageTexts: string[] }> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise
  const pageTexts: string[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number)
    // Marked content lets us skip artifacts (running heads, page numbers) as a reader's copy does.
    const content = await page.getTextContent({ includeMarkedContent: true })
    let text = ''
    let artifactDepth = 0
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          if (artifactDepth > 0 || (item as { tag?: string }).tag === 'Artifact') artifactDepth++
        } else if (item.type === 'endMarkedContent' && artifactDepth > 0) artifactDepth--
        continue
      }
      if (artifactDepth === 0) text += item.str + (item.hasEOL ? '\n' : '')
    }
    pageTexts.push(text)
  }
  await pdf.destroy()
  // A line that ends in a hyphen the text has (large-/scale) reads as one word, hyphen kept.
  const joined = pageTexts.join('\n').replace(/(\p{L}[-\u2010])\n(?=\p{L})/gu, '$1')
  return { pages: pdf.numPages, text: normalize(dehyphenate(joined, data, poppler)), pageTexts }
}

/**
 * Joins words the PDF hyphenated at a line end. The PDF marks such a hyphen as
 * U+00AD (soft hyphen), as PDF 32000-1 §14.8.2.2.3 asks; poppler keeps it, but
 * pdf.js drops it and leaves a line break, which would read as two words. So
 * poppler says which words were split, and the pdf.js text is joined there.
 */
function dehyphenate(text: string, data: Uint8Array, poppler?: string): string {
  const lines = (poppler ?? execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: data, maxBuffer: 64 * 1024 * 1024 }).toString()).split(/\n/)
  let out = ''
  let rest = text
  lines.forEach((line, index) => {
    const before = /(\p{L}+)\u00ad$/u.exec(line)?.[1]
    if (!before) return
    // The word goes on at the next line that starts in lower case (a running head or folio may come between at a page end).
    const next = lines.slice(index + 1).find((candidate) => /^\f?\p{Ll}/u.test(candidate))
    const after = next && /^\f?(\p{L}+)/u.exec(next)?.[1]
    if (!after) return
    const split = new RegExp(`${before}\\s+${after}`, 'u').exec(rest)
    if (!split) return
    out += rest.slice(0, split.index) + before + after
    rest = rest.slice(split.index + split[0].length)
  })
  return out + rest
}

/** Every stream of a PDF, inflated where it is Flate-compressed: content streams, CMaps, the catalog's objects. */
export function pdfStreams(data: Uint8Array): string[] {
  const raw = Buffer.from(data)
  const streams: string[] = []
  let at = 0
  for (;;) {
    const start = raw.indexOf('stream', at, 'latin1')
    if (start < 0) break
    const dictionary = raw.subarray(Math.max(0, start - 300), start).toString('latin1')
    let begin = start + 'stream'.length
    if (raw[begin] === 0x0d) begin++
    if (raw[begin] === 0x0a) begin++
    const end = raw.indexOf('endstream', begin, 'latin1')
    if (end < 0) break
    const body = raw.subarray(begin, end)
    try {
      streams.push((/\/FlateDecode/.test(dictionary.slice(dictionary.lastIndexOf('<<'))) ? inflateSync(body) : body).toString('latin1'))
    } catch {
      streams.push(body.toString('latin1'))
    }
    at = end + 'endstream'.length
  }
  return streams
}

/** The seed's sentences: each line split after . ? ! followed by a space. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.?!])\s+(?=\S)/))
    .map(normalize)
    .filter(Boolean)
}
