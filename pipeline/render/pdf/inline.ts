/**
 * Phrasing content → styled runs of text for the text engine: bold, italic,
 * code, strikethrough, links, footnote calls. White space collapses as in
 * HTML, and only the paragraph's outer edges are trimmed: the spaces at the
 * edges of a link or an emphasis inside it are words apart (`see[ foo ](url)bar`).
 */
import type { Element, ElementContent } from 'hast'
import type { Run } from './state.ts'
import { BOX_CHARACTER } from './text/types.ts'

type RunStyle = Omit<Run, 'text'>

/**
 * Every phrasing element the edition's schema admits (to-hast/schema.ts),
 * and what it means for a run. An element not here is walked through for
 * its words, and the writer warns about it (see handlers/index.ts).
 */
const PHRASING: Record<string, (style: RunStyle, node: Element) => RunStyle> = {
  a: (style, node) => ({ ...style, link: typeof node.properties.href === 'string' ? node.properties.href : style.link }),
  em: (style) => ({ ...style, italic: true }),
  i: (style) => ({ ...style, italic: true }),
  strong: (style) => ({ ...style, bold: true }),
  b: (style) => ({ ...style, bold: true }),
  code: (style) => ({ ...style, code: true }),
  del: (style) => ({ ...style, strike: true }),
  sup: (style) => ({ ...style, superscript: true }),
  span: (style, node) => (typeof node.properties.lang === 'string' ? { ...style, lang: node.properties.lang } : style),
  bdi: (style) => style,
  label: (style) => style
}

/** Elements that stand for no text of their own in a run: drawn by their block's handler, or nothing. */
const SILENT = new Set(['input'])

export function isPhrasingElement(tagName: string): boolean {
  return tagName in PHRASING || SILENT.has(tagName) || tagName === 'br' || tagName === 'img'
}

/** Phrasing content → runs, the paragraph's outer white space trimmed. */
export function inlineRuns(nodes: ElementContent[], bold = false, italic = false): Run[] {
  const runs = mergeRuns(collectRuns(nodes, { bold, italic }))
  // A line break ends the line: the white space around it is not shown (HTML's rendering).
  runs.forEach((run, index) => {
    run.text = run.text.replace(/ *\n */g, '\n')
    const next = runs[index + 1]
    if (next && run.text.endsWith('\n')) next.text = next.text.replace(/^ +/, '')
    if (next?.text.startsWith('\n')) run.text = run.text.replace(/ +$/, '')
  })
  if (runs[0]) runs[0].text = runs[0].text.replace(/^ +/, '')
  const last = runs[runs.length - 1]
  if (last) last.text = last.text.replace(/ +$/, '')
  return runs.filter((run) => run.text !== '')
}

function collectRuns(nodes: ElementContent[], style: RunStyle): Run[] {
  const runs: Run[] = []
  for (const node of nodes) {
    // HTML's white space collapses; a no-break space (a language's tie, rehype-nonbreaking-spaces.ts) is kept: it must not break.
    if (node.type === 'text') runs.push({ ...style, text: node.value.replace(/[ \t\n\f\r]+/g, ' ') })
    // A footnote's link back to its call is for screens; in print the number says it (and its arrow has no glyph in the text faces).
    else if (node.type !== 'element' || SILENT.has(node.tagName) || node.properties.dataFootnoteBackref !== undefined) continue
    else if (node.tagName === 'br') runs.push({ ...style, text: '\n' })
    else if (node.tagName === 'img') runs.push(...imageRun(node, style))
    else runs.push(...collectRuns(node.children, (PHRASING[node.tagName] ?? ((same) => same))(style, node)))
  }
  return runs
}

/**
 * An image inside a line of text is drawn there at text size (typeset.ts),
 * its alt text the Figure's /Alt: as in HTML, where `<img alt>` is no body
 * text. One whose file was not found never gets here (remark-local-images
 * warns and leaves its alt text as words).
 */
function imageRun(node: Element, style: RunStyle): Run[] {
  const { alt, dataLocalPath } = node.properties
  const text = typeof alt === 'string' ? alt : ''
  if (typeof dataLocalPath === 'string') return [{ ...style, text: BOX_CHARACTER, image: { path: dataLocalPath, alt: text } }]
  return text ? [{ ...style, text }] : []
}

function sameStyle(a: Run, b: Run): boolean {
  if (a.image || b.image) return false
  return a.bold === b.bold && a.italic === b.italic && a.link === b.link && a.code === b.code && a.strike === b.strike && a.superscript === b.superscript && a.lang === b.lang
}

function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = []
  for (const run of runs) {
    const last = merged[merged.length - 1]
    if (last && sameStyle(last, run)) last.text += run.text
    else merged.push({ ...run })
  }
  return merged
}
