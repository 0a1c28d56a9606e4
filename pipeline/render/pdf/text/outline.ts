/**
 * A glyph as a filled path instead of text. Used for the glyphs that stand
 * for no character of their own (the dots Noto Naskh Arabic draws apart from
 * their letter): drawn as text, every extractor reads them as a character of
 * their own, which splits words (pdf.js, MuPDF) or, raised above the
 * baseline, splits lines (poppler). As a path they look the same and are not
 * text to anyone. Each outline is written once per document, as a form
 * XObject that takes the fill colour of where it is drawn.
 */
import { faceFont, type FaceId } from '../fonts.ts'

interface PdfkitForms {
  ref: (data: object) => { write: (data: string) => void; end: (data?: string) => void }
  page: { xobjects: Record<string, unknown> }
}

const forms = new WeakMap<PDFKit.PDFDocument, Map<string, { name: string; ref: unknown }>>()

/**
 * The name under which the current page knows glyph `id` of `face` as a form
 * (in font units), or undefined for a glyph with no outline.
 */
export function outlineForm(doc: PDFKit.PDFDocument, face: FaceId, id: number): string | undefined {
  let known = forms.get(doc)
  if (!known) forms.set(doc, (known = new Map()))
  const key = `${face}:${id}`
  let form = known.get(key)
  if (!form) {
    const path = glyphOutline(face, id)
    if (!path) return undefined
    const glyph = faceFont(face).getGlyph(id)
    const { minX, minY, maxX, maxY } = glyph.bbox
    const internals = doc as unknown as PdfkitForms
    const ref = internals.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [minX, minY, maxX, maxY].map(Math.round), Resources: {} })
    ref.end(path)
    form = { name: `Ol${known.size + 1}`, ref }
    known.set(key, form)
  }
  ;(doc as unknown as PdfkitForms).page.xobjects[form.name] = form.ref
  return form.name
}

interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'
  args: number[]
}

const paths = new Map<string, string>()

/** PDF path operators for glyph `id` of `face`, in font units, ending with a fill. */
export function glyphOutline(face: FaceId, id: number): string {
  const key = `${face}:${id}`
  let path = paths.get(key)
  if (path === undefined) {
    const commands = (faceFont(face).getGlyph(id).path as unknown as { commands: PathCommand[] }).commands
    path = pathOperators(commands)
    paths.set(key, path)
  }
  return path
}

function pathOperators(commands: readonly PathCommand[]): string {
  const out: string[] = []
  let x = 0
  let y = 0
  for (const { command, args } of commands) {
    const a = args.map(round)
    if (command === 'moveTo') out.push(`${a[0]} ${a[1]} m`)
    else if (command === 'lineTo') out.push(`${a[0]} ${a[1]} l`)
    else if (command === 'bezierCurveTo') out.push(`${a.join(' ')} c`)
    else if (command === 'quadraticCurveTo') {
      // A quadratic Bézier is the cubic whose control points lie two thirds of the way to its one control point.
      const [qx, qy, ex, ey] = args as [number, number, number, number]
      out.push(`${round(x + (2 / 3) * (qx - x))} ${round(y + (2 / 3) * (qy - y))} ${round(ex + (2 / 3) * (qx - ex))} ${round(ey + (2 / 3) * (qy - ey))} ${round(ex)} ${round(ey)} c`)
    } else out.push('h')
    if (args.length >= 2) [x, y] = args.slice(-2) as [number, number]
  }
  // TrueType outlines fill by the nonzero winding rule.
  return out.length > 0 ? `${out.join('\n')}\nf` : ''
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
