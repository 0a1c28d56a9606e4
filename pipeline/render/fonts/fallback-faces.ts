/**
 * The fallback faces (Noto Sans Hebrew, Noto Sans Devanagari, Noto Sans
 * Thai, Noto Emoji: pdf/fonts.ts) on a web page and in an e-book, for the
 * characters the Latin face, last in every family list, lacks. A page
 * carries one only when its text needs it, cut to those characters.
 *
 * On a web page each is declared under the Latin family's own name ("Noto
 * Serif") with the unicode-range of its characters: the browser makes one
 * family of them, so every family list of the stylesheets reaches it and no
 * list changes. An e-book's rules carry no unicode-range (web-fonts.ts), so
 * there each face has its own family name, added to the book's family lists
 * (bookFamilyLists).
 */
import { FALLBACK_FACES, type FaceId } from '../pdf/fonts.ts'
import type { FaceUse } from './font-usage.ts'
import { npmFace } from './npm-faces.ts'

type FallbackFace = (typeof FALLBACK_FACES)[keyof typeof FALLBACK_FACES][number]

const FAMILIES: Record<FallbackFace, string> = {
  hebrew: 'Noto Sans Hebrew', hebrewBold: 'Noto Sans Hebrew',
  devanagari: 'Noto Sans Devanagari', devanagariBold: 'Noto Sans Devanagari',
  thai: 'Noto Sans Thai', thaiBold: 'Noto Sans Thai',
  emoji: 'Noto Emoji', emojiBold: 'Noto Emoji'
}

/**
 * What each face is asked for: its script's blocks, and emoji. A character
 * outside them is never looked up, so a Chinese or Arabic page (whose letters
 * the Latin face lacks too) reads no fallback face.
 */
const HEBREW = /[\u0590-\u05ff\ufb1d-\ufb4f]/u
const DEVANAGARI = /[\u0900-\u097f\u1cd0-\u1cff\ua8e0-\ua8ff]/u
const THAI = /[\u0e00-\u0e7f]/u
/** Pictographs, skin tones and the keycap mark (a combining mark, so not in the class). */
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u20e3/u
const ASKS: Record<FallbackFace, RegExp> = {
  hebrew: HEBREW, hebrewBold: HEBREW, devanagari: DEVANAGARI, devanagariBold: DEVANAGARI, thai: THAI, thaiBold: THAI, emoji: EMOJI, emojiBold: EMOJI
}

/** Joiner and emoji presentation selector: an emoji sequence is shaped in one face only if its subset maps them too. */
const SEQUENCE = [0x200d, 0xfe0f]

/** The family name a face's files and licence are named by: its own, not the one it is declared under. */
export function fileFamily(face: FaceId, family: string): string {
  return FAMILIES[face as FallbackFace] ?? family
}

/**
 * The fallback faces a Latin face's text needs, each with its characters:
 * declared as `use` on a web page (`woff2`), under their own family name,
 * upright, in an e-book.
 */
export function fallbackUses(use: FaceUse, text: ReadonlySet<string>, format: 'woff2' | 'truetype'): Array<{ face: FaceId; use: FaceUse; codePoints: number[] }> {
  const faces = FALLBACK_FACES[use.weight === 700 ? 'bold' : 'regular']
  const latin = npmFace(use.face).font
  const found = new Map<FallbackFace, number[]>()
  for (const char of text) {
    const code = char.codePointAt(0)!
    const face = faces.find((candidate) => ASKS[candidate].test(char))
    if (!face || latin.hasGlyphForCodePoint(code) || !npmFace(face).font.hasGlyphForCodePoint(code)) continue
    let codes = found.get(face)
    if (!codes) found.set(face, (codes = []))
    codes.push(code)
  }
  return [...found].map(([face, codes]) => {
    const font = npmFace(face).font
    const sequence = ASKS[face] === EMOJI ? SEQUENCE.filter((code) => text.has(String.fromCodePoint(code)) && font.hasGlyphForCodePoint(code)) : []
    // A shaper may draw a character as its parts (Thai sara am: nikhahit and sara aa), each looked up in the subset's cmap.
    const parts = codes.flatMap((code) => [...String.fromCodePoint(code).normalize('NFKD')].map((char) => char.codePointAt(0)!)).filter((code) => font.hasGlyphForCodePoint(code))
    const codePoints = [...new Set([...codes, ...parts, ...sequence])].sort((a, b) => a - b)
    const declared = format === 'woff2' ? { ...use, face } : { face, family: FAMILIES[face], weight: use.weight, style: 'normal' as const }
    return { face, use: declared, codePoints }
  })
}

/** The fallback faces' families among `fonts`, once each, in order. */
export function fallbackFamilies(fonts: readonly FaceUse[]): string[] {
  return [...new Set(fonts.flatMap((font) => (font.face in FAMILIES ? [FAMILIES[font.face as FallbackFace]] : [])))]
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
    return `font-family: ${[...items.slice(0, generic), ...added, ...items.slice(generic)].join(', ')}`
  })
}

const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'ui-monospace', 'system-ui', 'cursive', 'fantasy'])
