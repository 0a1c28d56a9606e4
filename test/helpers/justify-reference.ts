/**
 * justify.ts's kindOf as it was before it remembered each character's
 * classes: what the faster one is checked against in test/justify-kinds.test.ts.
 */
import { isCjkChar } from '../../pipeline/render/cjk.ts'
import { joins } from '../../pipeline/render/pdf/text/script.ts'

const SPACE = /^[ \u00a0\u3000]$/
const LETTER = /^[\p{L}\p{M}]$/u

export function referenceKindOf(text: string, [start, end]: readonly [number, number], lineEnd: number): 'space' | 'cjk' | 'letter' | undefined {
  if (end <= start || end >= lineEnd) return undefined
  const last = charBefore(text, end)
  const next = String.fromCodePoint(text.codePointAt(end)!)
  if (SPACE.test(last)) return 'space'
  if ((isCjkChar(last) || isCjkChar(next)) && !SPACE.test(next)) return 'cjk'
  if (LETTER.test(last) && LETTER.test(next) && !joins(last) && !joins(next)) return 'letter'
  return undefined
}

function charBefore(text: string, end: number): string {
  const code = text.charCodeAt(end - 1)
  return code >= 0xdc00 && code <= 0xdfff && end >= 2 ? text.slice(end - 2, end) : text.slice(end - 1, end)
}
