/**
 * The PDF as assistive technology and archives read it (pdf.js): a tagged
 * PDF with a structure tree in reading order (a title heading, paragraphs,
 * figures with alternative text), no text outside the structure except
 * artifacts, the document language, the title shown in the window, an
 * outline, and the PDF/A-2a identification with an output intent.
 * (veraPDF, the reference PDF/A validator, is not packaged for Debian or npm.)
 */
import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { Finding, Validator } from '../validator.ts'

interface StructNode { role?: string; alt?: string; children?: StructNode[]; type?: string }

export const pdfStructure: Validator = {
  name: 'tagged PDF',
  formats: ['pdf'],
  check() {},
  async validate(file) {
    const data = readFileSync(file)
    const findings: Finding[] = []
    const error = (message: string) => findings.push({ severity: 'error', message })
    const pdf = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise
    try {
      const markInfo = await pdf.getMarkInfo()
      if (!markInfo?.Marked) error('not tagged: /MarkInfo /Marked is not true')
      const { info, metadata } = await pdf.getMetadata()
      const language = (info as { Language?: string }).Language
      if (!language) error('no document language (/Lang)')
      const xmp = metadata?.getRaw() ?? ''
      if (!/<pdfaid:part>2<\/pdfaid:part>/.test(xmp) || !/<pdfaid:conformance>A<\/pdfaid:conformance>/.test(xmp)) error('no PDF/A-2a identification in the XMP metadata')
      const raw = data.toString('latin1')
      if (!/\/OutputIntents\s*\[/.test(raw)) error('no output intent (PDF/A needs one)')
      if (!/\/DisplayDocTitle true/.test(raw)) error('the viewer shows the file name, not the title (/DisplayDocTitle)')
      const outline = await pdf.getOutline()
      if (!outline || outline.length === 0) error('no outline (bookmarks)')
      const roles: string[] = []
      for (let number = 1; number <= pdf.numPages; number++) {
        const page = await pdf.getPage(number)
        const tree = (await page.getStructTree()) as StructNode | null
        walk(tree, (node) => {
          if (node.role) roles.push(node.role)
          if (node.role === 'Figure' && !node.alt) error(`page ${number}: a Figure without alternative text`)
        })
        const content = await page.getTextContent({ includeMarkedContent: true })
        let depth = 0
        for (const item of content.items) {
          if ('type' in item) {
            if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') depth++
            else if (item.type === 'endMarkedContent') depth--
          } else if (depth === 0 && item.str.trim() !== '') {
            error(`page ${number}: text outside the structure and not an artifact: “${item.str.slice(0, 40)}”`)
          }
        }
      }
      if (!roles.includes('H1')) error('no H1 in the structure tree')
      if (!roles.includes('P')) error('no P in the structure tree')
    } finally {
      await pdf.destroy()
    }
    return findings
  }
}

function walk(node: StructNode | null | undefined, visit: (node: StructNode) => void): void {
  if (!node) return
  visit(node)
  for (const child of node.children ?? []) walk(child, visit)
}
