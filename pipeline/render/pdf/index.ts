/**
 * The PDF writer: walks the edition's hast into pdfkit calls, one handler
 * per element (handlers/), then sets running headers, localized page
 * numbers, the outline and the document metadata.
 */
import PDFDocument from 'pdfkit'
import type { Element, Root } from 'hast'
import type { PreparedEdition } from '../../prepare-edition.ts'
import { articleTree } from '../article.ts'
import { coverStrings, coverTree, fontCoverage } from './coverage.ts'
import { fontPaths } from './fonts.ts'
import { skipNullAnchors } from './fontkit-null-anchors.ts'
import { handlers } from './handlers/index.ts'
import { ACCENT, MUTED, runFont, type PdfState, type Run, type Style } from './state.ts'

export interface PdfOptions {
  /** Written as the creation date: the same inputs give the same bytes. */
  modified: Date
}

const MARGINS = { top: 64, bottom: 64, left: 62, right: 62 }

export async function renderPdf(edition: PreparedEdition, options: PdfOptions): Promise<Buffer> {
  const { meta, locale } = edition
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    lang: locale,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: meta.title,
      Author: meta.interviewer ?? meta.publisher ?? '',
      Subject: meta.interviewee ? `${meta.interviewee}${meta.intervieweeRole ? `, ${meta.intervieweeRole}` : ''}` : '',
      Creator: 'polyglot-press',
      Producer: 'polyglot-press (pdfkit)',
      CreationDate: options.modified,
      ModDate: options.modified
    }
  } as PDFKit.PDFDocumentOptions)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const fonts = fontPaths()
  for (const [role, file] of Object.entries(fonts)) doc.registerFont(role, file)
  skipNullAnchors(fonts.serifItalic)

  const state = createState(doc, edition)
  const coverage = fontCoverage(Object.values(fonts))
  const article = articleTree(edition)
  coverTree(article, coverage, edition.file)
  state.all({ type: 'root', children: [article] })
  const shown = coverStrings(coverage, edition.file)
  addRunningHeadsAndFolios(doc, {
    ...edition,
    meta: { ...edition.meta, title: shown(edition.meta.title, 'meta.title') },
    t: (term, values) => shown(edition.t(term, values), `ui.${term}`)
  })
  doc.end()
  return done
}

function createState(doc: PDFKit.PDFDocument, edition: PreparedEdition): PdfState {
  const state: PdfState = {
    doc,
    edition,
    handlers,
    all(node: Element | Root) {
      for (const child of node.children) {
        if (child.type !== 'element') continue
        const handler = state.handlers[child.tagName]
        if (handler) handler(state, child)
        else state.all(child)
      }
    },
    paragraph(runs: Run[], style: Style) {
      if (runs.length === 0) return
      const width = doc.page.width - doc.page.margins.right - doc.x
      runs.forEach((run, index) => {
        doc.font(runFont(style, run)).fontSize(style.size).fillColor(run.link ? ACCENT : style.color)
        doc.text(run.text, {
          continued: index < runs.length - 1,
          width,
          align: style.align,
          lineGap: style.lineGap,
          link: run.link ?? null,
          underline: Boolean(run.link)
        } as PDFKit.Mixins.TextOptions)
      })
      doc.y += style.gapAfter
    },
    ensureSpace(height: number) {
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
    }
  }
  return state
}

/** Title in the running head (not on the first page) and "Page n of N" in the foot, in the locale's digits. */
function addRunningHeadsAndFolios(doc: PDFKit.PDFDocument, edition: PreparedEdition): void {
  const range = doc.bufferedPageRange()
  const number = new Intl.NumberFormat(edition.locale)
  const pages = number.format(range.count)
  const width = doc.page.width - MARGINS.left - MARGINS.right
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index)
    // Text in the margins must not trigger pdfkit's automatic page break.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.font('sans').fontSize(8).fillColor(MUTED)
    // Artifacts: readers, screen readers and copy-paste skip them.
    if (index > range.start) {
      doc.markContent('Artifact', { type: 'Pagination' } as object)
      doc.text(edition.meta.title, MARGINS.left, MARGINS.top - 30, { width, align: 'center', lineBreak: false, ellipsis: true, height: 10 })
      doc.endMarkedContent()
    }
    const folio = edition.t('page', { page: number.format(index - range.start + 1), pages })
    doc.markContent('Artifact', { type: 'Pagination' } as object)
    doc.text(folio, MARGINS.left, doc.page.height - MARGINS.bottom + 24, { width, align: 'center', lineBreak: false })
    doc.endMarkedContent()
    doc.page.margins.bottom = bottom
  }
}
