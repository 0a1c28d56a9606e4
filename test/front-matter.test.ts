/** Front matter and headings: a title may hold inline Markdown, unclosed front matter is refused, one `<h1>`. */
import type { Heading } from 'mdast'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseLoaded } from '../pipeline/content/load-document.ts'

const load = (markdown: string) => parseLoaded('doc', new VFile({ path: 'content/doc.md', value: markdown }), 'en')

describe('front matter and headings', () => {
  it('keeps a title’s inline Markdown for the headline and its plain text for everything else', () => {
    const { meta } = load('---\ntitle: "Harbour *notes* and `code`"\n---\n\nText.\n')
    expect(meta.title).toBe('Harbour notes and code')
    expect(meta.titleMarkdown).toBe('Harbour *notes* and `code`')
  })

  it('refuses front matter that is never closed, at its first line', () => {
    expect(() => load('---\ntitle: Open\nlang: en\n\nBody text.\n')).toThrow(expect.objectContaining({
      line: 1, ruleId: 'front-matter', reason: expect.stringContaining('closing `---`')
    }))
  })

  it('still reads a document that opens with a thematic break', () => {
    expect(load('---\n\nBody text.\n').tree.children.map((node) => node.type)).toEqual(['thematicBreak', 'paragraph'])
  })

  it('shifts body headings under the title, so the title is the one level-1 heading', () => {
    const { tree } = load('---\ntitle: Report\n---\n\n# Part one\n\n## Detail\n\n###### Deepest\n')
    expect(tree.children.filter((node): node is Heading => node.type === 'heading').map((node) => node.depth)).toEqual([2, 3, 6])
  })

  it('takes a leading level-1 heading as the title, markup kept', () => {
    const { meta, tree } = load('# The *harbour*\n\n## Part\n')
    expect([meta.title, meta.titleMarkdown]).toEqual(['The harbour', 'The *harbour*'])
    expect(tree.children.filter((node): node is Heading => node.type === 'heading').map((node) => node.depth)).toEqual([2])
  })
})
