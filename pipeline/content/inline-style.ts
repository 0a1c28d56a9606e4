/**
 * The `display` an inline `style` attribute gives its element, read as CSS reads a declaration list:
 * comments go, declarations are read in order, names and keywords are matched whatever their case,
 * a declaration whose value is not a `display` value is dropped, the last one standing wins, and one
 * marked `!important` wins over any that is not. `style="display:none;display:inline"` is shown.
 */

/** The keywords of `display` (CSS Display 3, the table and ruby layouts, and the prefixed boxes browsers still accept). */
const KEYWORDS: ReadonlySet<string> = new Set([
  'block', 'inline', 'run-in', 'flow', 'flow-root', 'table', 'flex', 'grid', 'ruby', 'math', 'list-item', 'contents',
  'inline-block', 'inline-table', 'inline-flex', 'inline-grid', 'table-row-group', 'table-header-group',
  'table-footer-group', 'table-row', 'table-cell', 'table-column-group', 'table-column', 'table-caption',
  'ruby-base', 'ruby-text', 'ruby-base-container', 'ruby-text-container', '-webkit-box', '-webkit-inline-box',
  '-moz-box', '-moz-inline-box'
])

/** Keywords every property takes alone; none of them is `none` for an element shown by default. */
const WIDE: ReadonlySet<string> = new Set(['inherit', 'initial', 'unset', 'revert', 'revert-layer'])

/**
 * The winning `display` of a `style` attribute, lower case (`none`, `inline`, `block flow`), or
 * undefined when it sets none that a browser would take. A value built with `var()` is known only
 * once computed: it counts as shown, so its words are kept.
 */
export function styleDisplay(style: string): string | undefined {
  let winner: { value: string; important: boolean } | undefined
  for (const declaration of declarations(style.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' '))) {
    const colon = declaration.indexOf(':')
    if (colon < 0 || declaration.slice(0, colon).trim().toLowerCase() !== 'display') continue
    let value = declaration.slice(colon + 1).trim().toLowerCase()
    const important = /!\s*important$/.test(value)
    if (important) value = value.replace(/!\s*important$/, '').trim()
    value = value.replace(/\s+/g, ' ')
    if (!isDisplayValue(value)) continue
    if (winner?.important && !important) continue
    winner = { value, important }
  }
  return winner?.value
}

function isDisplayValue(value: string): boolean {
  if (value === 'none' || WIDE.has(value) || /\bvar\(/.test(value)) return true
  const words = value.split(' ')
  return value !== '' && words.length <= 3 && words.every((word) => KEYWORDS.has(word))
}

/** The declarations of a list, split at semicolons outside quotes and brackets (`content: ";"` is one). */
function declarations(list: string): string[] {
  const parts: string[] = []
  let start = 0
  let quote = ''
  let depth = 0
  for (let index = 0; index < list.length; index++) {
    const char = list[index]
    if (char === '\\') index++
    else if (quote) { if (char === quote) quote = '' }
    else if (char === '"' || char === "'") quote = char
    else if (char === '(' || char === '[' || char === '{') depth++
    else if ((char === ')' || char === ']' || char === '}') && depth > 0) depth--
    else if (char === ';' && depth === 0) {
      parts.push(list.slice(start, index))
      start = index + 1
    }
  }
  parts.push(list.slice(start))
  return parts
}
