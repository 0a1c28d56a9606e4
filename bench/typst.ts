/**
 * Typst, the yardstick for print: the same translated text set by Typst
 * (npm `@myriaddreamin/typst-ts-node-compiler`, its native compiler) in the
 * same npm font files as our PDFs, never the system's. `toTypst` writes an
 * edition's tree as Typst markup; `typstCompile` sets several in one process
 * (bench/typst-compile.mjs, which the benchmark times as a whole command).
 * The typography comparison uses the same two.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Nodes, PhrasingContent, RootContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import { npmFontFiles } from '../pipeline/render/pdf/fonts.ts'
import type { TranslatedEdition } from './translated-markdown.ts'

/** What bench/typst-compile.mjs reads: fonts, then .typ → .pdf pairs. */
export interface TypstJobs {
  fonts: string[]
  jobs: Array<{ source: string; pdf: string }>
}

export const TYPST_COMPILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'typst-compile.mjs')

export function typstJobs(jobs: TypstJobs['jobs']): TypstJobs {
  return { fonts: npmFontFiles(), jobs }
}

/** Sets the jobs in one process (the benchmark times this same command); throws with Typst's diagnostics. */
export function typstCompile(jobsFile: string, node = process.execPath): void {
  const child = spawnSync(node, [TYPST_COMPILE, jobsFile], { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`Typst failed:\n${child.stderr}`)
}

const FACES = {
  latin: { serif: ['Noto Serif', 'Noto Naskh Arabic', 'Noto Serif SC'], sans: ['Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC'] },
  arabic: { serif: ['Noto Naskh Arabic', 'Noto Serif', 'Noto Serif SC'], sans: ['Noto Sans Arabic', 'Noto Sans', 'Noto Sans SC'] },
  cjk: { serif: ['Noto Serif SC', 'Noto Serif', 'Noto Naskh Arabic'], sans: ['Noto Sans SC', 'Noto Sans', 'Noto Sans Arabic'] }
}

/** An A4 edition like ours: serif body justified and hyphenated in the edition's language, sans headings, page numbers. */
export function toTypst(locale: string, { tree, meta, dir }: TranslatedEdition, page = { marginX: '2.2cm', size: '10.5pt' }): string {
  const script = locale.startsWith('ar') ? 'arabic' : locale.startsWith('zh') ? 'cjk' : 'latin'
  const list = (names: string[]) => `(${names.map(quote).join(', ')})`
  return [
    `#set document(title: ${quote(meta.title)})`,
    `#set page(paper: "a4", margin: (x: ${page.marginX}, y: 2.4cm), numbering: "1")`,
    `#set text(font: ${list(FACES[script].serif)}, size: ${page.size}, lang: ${quote(locale.split('-')[0]!)}, dir: ${dir}, hyphenate: true)`,
    '#set par(justify: true, leading: 0.7em, spacing: 1em)',
    `#show heading: set text(font: ${list(FACES[script].sans)})`,
    `= ${typstEscape(meta.title)}`,
    meta.interviewer ? `_${typstEscape(meta.interviewer)}_` : '',
    ...tree.children.map(block)
  ].join('\n\n')
}

function block(node: RootContent | Nodes): string {
  switch (node.type) {
    case 'root': return node.children.map(block).join('\n\n')
    case 'heading': return `${'='.repeat(node.depth)} ${inline(node.children)}`
    case 'paragraph': return inline(node.children)
    case 'blockquote': return `#quote(block: true)[${node.children.map(block).join('\n\n')}]`
    case 'list': return node.children.map((item) => `${node.ordered ? '+' : '-'} ${item.children.map(block).join('\n\n').replaceAll('\n', '\n  ')}`).join('\n')
    case 'code': return `#raw(block: true, ${quote(node.value)})`
    case 'thematicBreak': return '#line(length: 100%)'
    case 'table': return `#table(columns: ${node.children[0]?.children.length ?? 1}, ${node.children.flatMap((row) => row.children.map((cell) => `[${inline(cell.children)}]`)).join(', ')})`
    case 'containerDirective':
      if (node.name === 'figure') return `#figure(rect(width: 100%, height: 5cm, stroke: 0.5pt), caption: [${typstEscape(String(node.attributes?.credit ?? ''))}])`
      if (node.name === 'standfirst') return `#text(weight: "bold")[${node.children.map(block).join('\n\n')}]`
      return node.children.map(block).join('\n\n')
    case 'html': return ''
    default: return 'children' in node ? inline(node.children as PhrasingContent[]) : typstEscape(mdastToString(node))
  }
}

function inline(nodes: PhrasingContent[]): string {
  return nodes.map((node): string => {
    switch (node.type) {
      case 'text': return typstEscape(node.value)
      case 'emphasis': return `#emph[${inline(node.children)}]`
      case 'strong': return `#strong[${inline(node.children)}]`
      case 'delete': return `#strike[${inline(node.children)}]`
      case 'link': return `#link(${quote(node.url)})[${inline(node.children)}]`
      case 'inlineCode': return `#raw(${quote(node.value)})`
      case 'break': return '\\\n'
      case 'image': return typstEscape(node.alt ?? '')
      case 'html': return ''
      default: return typstEscape(mdastToString(node))
    }
  }).join('')
}

/** Text as Typst markup: every ASCII symbol escaped (Typst accepts `\` before any), lines joined. */
function typstEscape(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&')
}

function quote(text: string): string {
  return JSON.stringify(text)
}
