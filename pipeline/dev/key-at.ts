/**
 * The catalog key being edited at a line and column, for a syntax error
 * that names no key itself: "line 18" is good, "line 18, key
 * p.we-must-understand-that-the" tells a translator which sentence they broke.
 */
import { getLocation } from 'jsonc-parser'

export function keyAt(text: string, line: number, column: number): string | undefined {
  const lines = text.split('\n')
  if (line < 1 || line > lines.length) return undefined
  const offset = lines.slice(0, line - 1).reduce((sum, current) => sum + current.length + 1, 0) + column - 1
  const parts = getLocation(text, offset).path.filter((part): part is string => typeof part === 'string' && part !== '')
  return parts.length > 0 ? parts.join('.') : undefined
}
