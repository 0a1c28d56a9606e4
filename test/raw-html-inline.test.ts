/**
 * A tag inside a paragraph is dropped by the sanitizer; its words stay, and an image's alt text stands
 * where the image stood, inside a link or emphasis as in a paragraph (a badge: `[<img alt>](url)`).
 */
import { toString as plainText } from 'mdast-util-to-string'
import type { Root } from 'mdast'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { htmlLines } from '../pipeline/content/html-text.ts'
import { parseLoaded } from '../pipeline/content/load-document.ts'

const words = (markdown: string) => {
  const { tree } = parseLoaded('probe', new VFile({ path: 'content/probe.md', value: `---\ntitle: Probe\n---\n\n${markdown}\n` }), 'en', htmlLines) as unknown as { tree: Root }
  return tree.children.filter((node) => node.type === 'paragraph').map((node) => plainText(node, { includeHtml: false }))
}

describe('inline HTML', () => {
  it('keeps an image’s alt text inside a link, emphasis and strong', () => {
    expect(words('[<img src="badge.svg" alt="Build status">](https://example.org/ci) is the badge. See *the <img alt="red buoy"> marker* and **<img alt="bold alt">**.'))
      .toEqual(['Build status is the badge. See the red buoy marker and bold alt.'])
  })
})
