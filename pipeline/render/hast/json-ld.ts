/**
 * Structured data for a page as a `<script type="application/ld+json">`
 * element. Values are untrusted text (titles, names from catalogs), and a
 * script's content is not escaped by HTML serializers, so `<`, `>` and `&`
 * are written as JSON escapes: `</script>` in a value cannot end the element.
 */
import type { Element } from 'hast'

export function jsonLdScript(data: unknown): Element {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
  return { type: 'element', tagName: 'script', properties: { type: 'application/ld+json' }, children: [{ type: 'text', value: json }] }
}
