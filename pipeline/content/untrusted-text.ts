/**
 * Checks on text typed by people (content and catalog values) that no
 * format can carry: control characters, lone surrogates and noncharacters
 * are invalid in XML (so in EPUB) and print as empty boxes in PDF; HTML
 * tags in a catalog value are never markup in an edition.
 */

/**
 * Offset of the first byte sequence that is not valid UTF-8 (for a message
 * pointing at it): the longest prefix that decodes is found by bisection.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  // In stream mode a prefix may end inside a character; it only fails on a bad byte.
  const breaks = (end: number, stream: boolean) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream })
      return false
    } catch {
      return true
    }
  }
  let good = 0
  let bad = bytes.length
  if (breaks(bad, true)) {
    while (bad - good > 1) {
      const mid = (good + bad) >> 1
      if (breaks(mid, true)) bad = mid
      else good = mid
    }
  } else good = bad // only the end is cut short
  // Step back over the start of a character the bad byte interrupted.
  for (let start = good; start >= Math.max(0, good - 3); start--) if (!breaks(start, false)) return start
  return good
}

export interface CharacterProblem {
  /** UTF-16 offset in the original text. */
  offset: number
  codePoint: number
  kind: 'control character' | 'lone surrogate' | 'noncharacter'
}

export interface CleanedText {
  text: string
  problems: CharacterProblem[]
}

/** FORBIDDEN's characters of the BMP, and every surrogate (a pair too, which FORBIDDEN then looks at). */
const BMP_FORBIDDEN = String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]`
// With the u flag a lone surrogate is a code point of its own, so it matches here and pairs never do.
const FORBIDDEN = new RegExp(String.raw`${BMP_FORBIDDEN}|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]`, 'gu')

/** The UTF-16 units of FORBIDDEN's characters: a scan without the u flag, which finds none in most texts. */
const MAYBE_FORBIDDEN = new RegExp(BMP_FORBIDDEN)

/**
 * Remove control characters (tab and line breaks stay) and noncharacters;
 * a lone surrogate becomes U+FFFD, which shows that something was there.
 */
export function cleanText(text: string): CleanedText {
  // Most texts hold none of the units FORBIDDEN's characters are made of: one scan without the u flag says so.
  if (!MAYBE_FORBIDDEN.test(text)) return { text, problems: [] }
  const problems: CharacterProblem[] = []
  const cleaned = text.replace(FORBIDDEN, (char: string, offset: number) => {
    const codePoint = char.codePointAt(0)!
    const kind = codePoint >= 0xd800 && codePoint <= 0xdfff ? 'lone surrogate' : codePoint < 0xa0 ? 'control character' : 'noncharacter'
    problems.push({ offset, codePoint, kind })
    return kind === 'lone surrogate' ? '\uFFFD' : ''
  })
  return { text: problems.length > 0 ? cleaned : text, problems }
}

/** `control character U+0007 (2×), lone surrogate U+D800`: for one message per value. */
export function describeProblems(problems: readonly CharacterProblem[]): string {
  const counts = new Map<string, number>()
  for (const problem of problems) {
    const label = `${problem.kind} ${codePointName(problem.codePoint)}`
    counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  return [...counts].map(([label, count]) => (count > 1 ? `${label} (${count}×)` : label)).join(', ')
}

export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
}

/** An HTML tag, comment, CDATA section or processing instruction; Markdown autolinks (`<https://…>`) are not. */
const HTML_LIKE = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<!\[CDATA\[|<![a-z]|<\?[a-z]/i

/** The first thing in `text` that looks like HTML, if any. */
export function firstHtml(text: string): string | undefined {
  const match = HTML_LIKE.exec(text)
  if (!match) return undefined
  return match[0].length > 40 ? `${match[0].slice(0, 40)}…` : match[0]
}

/** HTML tags and comments in a catalog text, all of them. */
const HTML_TAGS = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/gi

/** A text without its HTML tags and comments (a word in a tag's attribute is no word a reader sees). */
export function withoutTags(text: string, between = ' '): string {
  return text.replace(HTML_TAGS, between)
}

/**
 * Whether `before`, a source text that held HTML tags, says what `after` says once its tags are out:
 * the same words, spaces aside (where a `<br>` stood, a space now stands). Such a change is the tags
 * leaving the catalog (content/raw-html-inline.ts), not an edit a translation must follow.
 */
export function onlyTagsLeft(before: string, after: string): boolean {
  const words = (text: string) => withoutTags(text, '').replace(/\s+/g, '')
  return firstHtml(before) !== undefined && firstHtml(after) === undefined && words(before) === words(after)
}

export type Locate = (offset: number) => { line: number; column: number }

/** Offset → line and column, with the line starts found once (a catalog of 5,000 keys was quadratic). */
export function locator(text: string): Locate {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 }
  }
}
