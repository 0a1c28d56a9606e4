/**
 * fontkit 2.0.4 (pdfkit's font engine) throws "Cannot read properties of null
 * (reading 'xCoordinate')" when a GPOS mark anchor is NULL, which the
 * OpenType spec allows and Noto Serif Italic has: any italic Greek capital
 * with a combining accent failed the whole PDF edition (found by fuzzing).
 * Upstream: foliojs/fontkit#367, fixed by #374, not yet released. Until it
 * is, a NULL anchor is skipped as HarfBuzz does: the mark keeps its default
 * place. The patch finds fontkit's GPOS processor through a font it lays
 * out, and does nothing if fontkit's insides have changed (or been fixed).
 */
import * as fontkit from 'fontkit'

interface AnchorProcessor {
  applyAnchor: ((markRecord: { markAnchor?: unknown } | null, baseAnchor: unknown, baseGlyphIndex: number) => void) & { skipsNullAnchors?: true }
}

let done = false

/** Patch fontkit's GPOS processor, found through `font` (any font with mark positioning). */
export function skipNullAnchors(parsed: fontkit.Font): void {
  if (done) return
  const font = parsed as fontkit.Font & { _layoutEngine?: { engine?: { GPOSProcessor?: object | null } } }
  font.layout('a\u0301')
  const processor = font._layoutEngine?.engine?.GPOSProcessor
  const prototype = processor ? (Object.getPrototypeOf(processor) as Partial<AnchorProcessor>) : undefined
  const original = prototype?.applyAnchor
  if (!prototype || typeof original !== 'function' || original.skipsNullAnchors) return
  done = true
  const patched: AnchorProcessor['applyAnchor'] = function (this: unknown, markRecord, baseAnchor, baseGlyphIndex) {
    if (!baseAnchor || !markRecord?.markAnchor) return
    original.call(this, markRecord, baseAnchor, baseGlyphIndex)
  }
  patched.skipsNullAnchors = true
  prototype.applyAnchor = patched
}
