/**
 * The faces after the Latin face, for a page's characters that neither the
 * face of their language's script nor the Latin face (last in every family
 * list) has: on an English page a quoted Chinese name or Arabic word, on a
 * Chinese page Arabic, and Hebrew, Devanagari, Thai or emoji on any. Each
 * character goes to the first face that has it in the PDF's own list for its
 * script and weight (pdf/fonts.ts fallbackFaces: the edition scripts' faces,
 * then Noto Sans Hebrew, Noto Sans Devanagari, Noto Sans Thai, Noto Emoji),
 * so the three formats draw it in the same face. A page carries such a face
 * only when its text needs it, cut to those characters.
 *
 * On a web page each is declared under the Latin family's own name ("Noto
 * Serif") with the unicode-range of its characters: the browser makes one
 * family of them, so every family list of the stylesheets reaches it and no
 * list changes. An e-book's rules carry no unicode-range (web-fonts.ts), so
 * there each face has its own family name, added to the book's family lists
 * in the PDF's order (bookFamilyLists).
 */
import { fallbackFaces, type FaceId, type FontRole } from '../pdf/fonts.ts'
import { isIgnorable } from '../pdf/text/script.ts'
import type { Script } from '../script-of-locale.ts'
import { FAMILIES as SCRIPT_FAMILIES, type FaceUse } from './font-usage.ts'
import { npmFace } from './npm-faces.ts'

/** Each face a Latin face's list may fall back to, by the family its files and an e-book's rules are named by. */
const FAMILIES: Partial<Record<FaceId, string>> = {
  naskh: SCRIPT_FAMILIES.arabic, naskhBold: SCRIPT_FAMILIES.arabic,
  serifSC: SCRIPT_FAMILIES.cjk, serifSCBold: SCRIPT_FAMILIES.cjk,
  hebrew: 'Noto Sans Hebrew', hebrewBold: 'Noto Sans Hebrew',
  devanagari: 'Noto Sans Devanagari', devanagariBold: 'Noto Sans Devanagari',
  thai: 'Noto Sans Thai', thaiBold: 'Noto Sans Thai',
  emoji: 'Noto Emoji', emojiBold: 'Noto Emoji'
}

/** The families in the PDF's order after the Latin face (the same for every script's list: its own face is left out). */
const FAMILY_ORDER = [...new Set(fallbackFaces('serif', 'latin').flatMap((face) => FAMILIES[face] ?? []))]

/** Joiner and emoji presentation selector: an emoji sequence is shaped in one face only if its subset maps them too. */
const SEQUENCE = [0x200d, 0xfe0f]
/**
 * A keycap (1️⃣: a digit, # or *, VS16, U+20E3) is drawn by the emoji face whole, its base too: Chromium shapes the
 * sequence in the face that has its mark, which without the digit drew an empty key (web-fonts.ts puts the emoji
 * face's rule before the Latin face's, so the page's other digits stay the Latin face's).
 */
const KEYCAP = 0x20e3
const KEYCAP_BASES = [0x23, 0x2a, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39]
const SEQUENCE_FACES: ReadonlySet<FaceId> = new Set(['emoji', 'emojiBold'])

/** The family name a face's files and licence are named by: its own, not the one it is declared under. */
export function fileFamily(face: FaceId, family: string): string {
  return FAMILIES[face] ?? family
}

/** The PDF's role for a Latin face's text: the fallback list it is set with. */
function roleOf(use: FaceUse): FontRole {
  if (use.weight === 700) return use.style === 'italic' ? 'serifBoldItalic' : 'serifBold'
  return use.style === 'italic' ? 'serifItalic' : 'serif'
}

/**
 * The faces a Latin face's text needs after it, each with its characters:
 * declared as `use` on a web page (`woff2`), under their own family name,
 * upright, in an e-book. `byScript` is the Latin face's text by the script
 * of its language (font-usage.ts): a character of an Arabic or Chinese
 * element reached the Latin face only if that script's face lacks it.
 */
export function fallbackUses(use: FaceUse, byScript: ReadonlyMap<Script, ReadonlySet<string>>, format: 'woff2' | 'truetype'): Array<{ face: FaceId; use: FaceUse; codePoints: number[] }> {
  const role = roleOf(use)
  const found = new Map<FaceId, number[]>()
  for (const [script, text] of byScript) {
    const faces = fallbackFaces(role, script)
    // The page's own faces for this text: its script's, then the Latin face; the PDF tries them first too.
    const own = faces.slice(0, faces.indexOf(use.face) + 1)
    const after = faces.slice(own.length)
    for (const char of text) {
      // Joiners and selectors draw nothing: a shaper looks them up in the face of the characters around them.
      if (isIgnorable(char)) continue
      const code = char.codePointAt(0)!
      if (own.some((face) => npmFace(face).font.hasGlyphForCodePoint(code))) continue
      const face = after.find((candidate) => npmFace(candidate).font.hasGlyphForCodePoint(code))
      if (!face) continue
      let codes = found.get(face)
      if (!codes) found.set(face, (codes = []))
      codes.push(code)
    }
  }
  const order = fallbackFaces(role, 'latin')
  const onPage = new Set([...byScript.values()].flatMap((text) => [...text]))
  const has = (code: number) => onPage.has(String.fromCodePoint(code))
  return [...found].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([face, codes]) => {
    const font = npmFace(face).font
    const sequence = SEQUENCE_FACES.has(face) ? [...SEQUENCE, ...(codes.includes(KEYCAP) ? KEYCAP_BASES : [])].filter((code) => has(code) && font.hasGlyphForCodePoint(code)) : []
    // A shaper may draw a character as its parts (Thai sara am: nikhahit and sara aa), each looked up in the subset's cmap.
    const parts = codes.flatMap((code) => [...String.fromCodePoint(code).normalize('NFKD')].map((char) => char.codePointAt(0)!)).filter((code) => font.hasGlyphForCodePoint(code))
    const codePoints = [...new Set([...codes, ...parts, ...sequence])].sort((a, b) => a - b)
    const declared = format === 'woff2' ? { ...use, face } : { face, family: FAMILIES[face]!, weight: use.weight, style: 'normal' as const }
    return { face, use: declared, codePoints }
  })
}

/** The families the faces after the Latin one bring (`fallback` set by web-fonts.ts), once each, in the PDF's order. */
export function fallbackFamilies(fonts: ReadonlyArray<FaceUse & { fallback?: boolean }>): string[] {
  const families = new Set(fonts.flatMap((font) => (font.fallback && FAMILIES[font.face] ? [FAMILIES[font.face]!] : [])))
  return FAMILY_ORDER.filter((family) => families.has(family))
}

/**
 * The families an e-book's fonts bring: each font-family list of its
 * stylesheet gains them, before the generic family that ends it, or after a
 * list that is a generic family alone (code's `monospace`: the system's
 * letters first, as the Arabic and Chinese lists for code have it).
 */
export function bookFamilyLists(css: string, families: readonly string[]): string {
  if (families.length === 0) return css
  const added = families.map((family) => `"${family}"`)
  return css.replace(/font-family:\s*([^;}]+)/g, (_, list: string) => {
    const items = list.split(',').map((item) => item.trim())
    const generic = items.length > 1 && GENERIC.has(items[items.length - 1]!) ? items.length - 1 : items.length
    // A list that names a family already (an Arabic list's "Noto Naskh Arabic") keeps it where it stands.
    const missing = added.filter((family) => !items.includes(family))
    return `font-family: ${[...items.slice(0, generic), ...missing, ...items.slice(generic)].join(', ')}`
  })
}

const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'ui-monospace', 'system-ui', 'cursive', 'fantasy'])
