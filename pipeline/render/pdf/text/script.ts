/**
 * Which script a character belongs to, as far as shaping and justification
 * care: OpenType shaping picks its rules (Arabic joining) by script, and
 * Chinese lines stretch between CJK characters.
 */
import { hasCjkLetter, isCjkForm, isHan } from '../../cjk.ts'
import type { Script } from '../fonts.ts'

const ARABIC = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u
const SHARED = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u

/** The script of one character, or undefined when it is shared and takes its neighbours'. */
export function scriptOfChar(char: string): Script | undefined {
  // Basic Latin and the Russian alphabet answered without the Unicode property tests: the words of most lines.
  const code = char.charCodeAt(0)
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? 'latin' : undefined
  if (code >= 0x410 && code <= 0x44f) return 'latin'
  if (isCjkForm(char)) return 'cjk'
  if (SHARED.test(char)) return undefined
  if (ARABIC.test(char)) return 'arabic'
  if (hasCjkLetter(char)) return 'cjk'
  return 'latin'
}

/** The script shaping should use for a piece of text: that of its first character that has one. */
export function scriptOfText(text: string): Script {
  for (const char of text) {
    const script = scriptOfChar(char)
    if (script) return script
  }
  return 'latin'
}

const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Hebrew}]/u

/** Text set right to left (its first letter with a script): measured as it is drawn, so its shape is cached once. */
export function runsRightToLeft(text: string): boolean {
  for (const char of text) {
    if (scriptOfChar(char) !== undefined) return RIGHT_TO_LEFT.test(char)
  }
  return false
}

/** Text in a joining script, where letter spacing would break the letters apart. */
export function joins(text: string): boolean {
  return ARABIC.test(text)
}

/** Default-ignorable code points (joiners, direction marks) print nothing and need no glyph. */
export function isIgnorable(char: string): boolean {
  return /[\p{Default_Ignorable_Code_Point}\p{Cc}]/u.test(char)
}

/** No Han character is below the CJK radicals (U+2E80); a surrogate half is above it. */
const FIRST_HAN = 0x2e80
const ALPHANUMERIC = /[\p{L}\p{Nd}]/u

/**
 * Space between Han and a Latin letter or a digit (CSS text-autospace): a
 * quarter em, where the text has none of its own (2014年 → 2014 年).
 */
export function autospace(text: string, index: number, size: number): number {
  if (index <= 0 || index >= text.length) return 0
  // One side must be Han, and Han starts at U+2E80: most pairs are settled without a regular expression.
  if (text.charCodeAt(index - 1) < FIRST_HAN && text.charCodeAt(index) < FIRST_HAN) return 0
  const before = text[index - 1]!
  const after = text[index]!
  const latin = (char: string) => ALPHANUMERIC.test(char) && !hasCjkLetter(char)
  return (isHan(before) && latin(after)) || (latin(before) && isHan(after)) ? size / 4 : 0
}
