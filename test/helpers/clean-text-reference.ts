/**
 * rehype-clean-text.ts's cleanTree and untrusted-text.ts's cleanText as they
 * were before a plain walk and a quick scan: what they are checked against
 * in test/clean-text.test.ts.
 */
import type { Nodes, Root } from 'hast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { describeProblems, type CleanedText, type CharacterProblem } from '../../pipeline/content/untrusted-text.ts'
import { warn } from '../../pipeline/messages.ts'

// With the u flag a lone surrogate is a code point of its own, so it matches here and pairs never do.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu

/**
 * Remove control characters (tab and line breaks stay) and noncharacters;
 * a lone surrogate becomes U+FFFD, which shows that something was there.
 */
export function referenceCleanText(text: string): CleanedText {
  const problems: CharacterProblem[] = []
  const cleaned = text.replace(FORBIDDEN, (char: string, offset: number) => {
    const codePoint = char.codePointAt(0)!
    const kind = codePoint >= 0xd800 && codePoint <= 0xdfff ? 'lone surrogate' : codePoint < 0xa0 ? 'control character' : 'noncharacter'
    problems.push({ offset, codePoint, kind })
    return kind === 'lone surrogate' ? '\uFFFD' : ''
  })
  return { text: problems.length > 0 ? cleaned : text, problems }
}

export function referenceCleanTree(tree: Root, file: VFile): void {
  visit(tree, (node: Nodes) => {
    if (node.type === 'text') node.value = cleaned(node.value, node, file)
    else if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.properties)) {
        if (typeof value === 'string') node.properties[name] = cleaned(value, node, file)
      }
    }
  })
}

function cleaned(value: string, node: Nodes, file: VFile): string {
  const { text, problems } = referenceCleanText(value)
  if (problems.length > 0) {
    warn(file, 'invalid-character', `Unexpected ${describeProblems(problems)}, expected printable text: removed`, {
      place: node.position, source: 'rehype-clean-text'
    })
  }
  return text
}

