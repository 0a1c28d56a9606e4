/**
 * Sets values in a catalog's JSON text and leaves everything else as it
 * was: its indentation (2 or 4 spaces, tabs), key order, escapes, final
 * newline. A one-value import is a one-line diff. jsonc-parser's `modify`
 * writes the edits (the same library reads catalogs).
 */
import { applyEdits, modify } from 'jsonc-parser'

export function setCatalogValues(text: string, values: Iterable<[string, string]>): string {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  '
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const formattingOptions = { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol }
  let out = text.trim() === '' ? '{}\n' : text
  for (const [key, value] of values) out = applyEdits(out, modify(out, key.split('.'), value, { formattingOptions }))
  return out
}
