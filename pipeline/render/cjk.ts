/**
 * Chinese, Japanese and Korean characters: the one definition the PDF's
 * script runs and inter-character stretch, the contents' label width, the
 * reading time and a ruby reading's parentheses all use.
 */

/** Ideographs and kana: a reader takes each in like part of a word, not a letter. */
const IDEOGRAPH = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`
/** Every CJK letter: the ideographs and kana, Bopomofo and Hangul. */
const LETTER = IDEOGRAPH + String.raw`\p{Script=Bopomofo}\p{Script=Hangul}`
/**
 * CJK punctuation, full-width forms, the katakana middle dot and the radicals:
 * Unicode's Common script, but wide, and only CJK fonts draw them well.
 */
const FORM = String.raw`\u3000-\u303f\uff00-\uffef\u30fb\u2e80-\u2fdf`

const letterTest = new RegExp(`[${LETTER}]`, 'u')
const formTest = new RegExp(`[${FORM}]`, 'u')
const hanTest = /\p{Script=Han}/u

/** Every ideograph or kana of a text, for matching and replacing (a fresh expression: `g` keeps state). */
export function ideographs(): RegExp {
  return new RegExp(`[${IDEOGRAPH}]`, 'gu')
}

/** A Han character (not kana, not Hangul): where Chinese text meets Latin (text-autospace). */
export function isHan(char: string): boolean {
  return hanTest.test(char)
}

/**
 * Whether a text holds a CJK letter (ideograph, kana, Bopomofo or Hangul): asked of one character by the PDF's
 * script runs, of a whole ruby reading by the raw-HTML readers (a CJK reading takes CJK parentheses).
 */
export function hasCjkLetter(text: string): boolean {
  return letterTest.test(text)
}

/** CJK punctuation or a full-width form. */
export function isCjkForm(char: string): boolean {
  return formTest.test(char)
}

/** A CJK letter or form: set in a CJK face, stretched between in a justified line, two Latin letters wide. */
export function isCjkChar(char: string): boolean {
  return letterTest.test(char) || formTest.test(char)
}
