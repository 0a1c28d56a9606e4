/**
 * The corpus every edition must carry word for word: each example of the
 * CommonMark specification (npm `commonmark-spec`) as a document of its
 * own, and documents for each GitHub-flavoured extension and for the nested
 * constructs editors write (lists in lists, quotes and code in list items).
 */
import commonmark from 'commonmark-spec'

export interface CorpusDocument {
  /** Document name: `cm-0042` for CommonMark example 42, `gfm-tables`… */
  name: string
  /** What the document exercises (the spec's section, or the extension). */
  construct: string
  markdown: string
}

/** The spec writes a tab as `→`. */
function specMarkdown(markdown: string): string {
  return markdown.replace(/→/g, '\t')
}

export function commonMarkDocuments(): CorpusDocument[] {
  return commonmark.tests.map((test) => ({
    name: `cm-${String(test.number).padStart(4, '0')}`,
    construct: `CommonMark ${test.section} (example ${test.number})`,
    markdown: specMarkdown(test.markdown)
  }))
}

export const GFM_DOCUMENTS: CorpusDocument[] = [
  {
    name: 'gfm-table',
    construct: 'GFM table (alignment, inline markup, escaped pipe, a Pandoc-style caption)',
    markdown: `Harbour tonnage by quarter:

| Port | Quarter | Tonnes | Remark |
| :--- | :-----: | -----: | ------ |
| Aktau | first | 1200 | *record* month |
| Kuryk | second | 980 | uses \\| a pipe |
| Bautino | third | 45 | **quiet** [link](https://example.org/bautino) |

Table: Tonnage of the *Caspian* harbours, caption after the table
`
  },
  {
    name: 'gfm-table-long',
    construct: 'GFM table longer than a page (header row repeated)',
    markdown: `| Row | Value | Note |\n| --- | ---: | --- |\n${Array.from({ length: 90 }, (_, i) => `| row${i + 1} | ${(i + 1) * 7} | note${i + 1} text |`).join('\n')}\n`
  },
  {
    name: 'gfm-footnotes',
    construct: 'GFM footnotes (repeated reference, several paragraphs, code in a note)',
    markdown: `The harbour opened in spring[^open] and grew fast[^growth]. It opened early[^open].

[^open]: Officially on the first of April.
[^growth]: Cargo doubled within two years.

    Dredging continued through winter with \`dredger\` crews.
`
  },
  {
    name: 'gfm-strikethrough',
    construct: 'GFM strikethrough',
    markdown: 'The fare was ~~twelve~~ ten tenge and ~one~ two stops.\n'
  },
  {
    name: 'gfm-tasklist',
    construct: 'GFM task list items (nested)',
    markdown: '- [x] Loaded cargo\n- [ ] Signed manifest\n  - [x] Checked seals\n  - [ ] Weighed containers\n'
  },
  {
    name: 'gfm-autolink',
    construct: 'GFM autolink literals',
    markdown: 'Visit www.harbour.example or https://port.example/schedule, or write to office@harbour.example today.\n'
  },
  {
    name: 'nested-lists',
    construct: 'nested lists of every kind and depth',
    markdown: `- Parent plain
  - Child one
    1. Grandchild first
    2. Grandchild second
       - Great grandchild
- Second parent

1. Ordered parent
   - Unordered child
   - Another child
2. Next ordered

3) Paren start three
4) Paren four
`
  },
  {
    name: 'list-blocks',
    construct: 'block quote, code block and paragraphs inside list items',
    markdown: `- Item with a quote:

  > Quoted inside the item

- Item with code:

  \`\`\`js
  const harbour = 'open'
  \`\`\`

- Loose item first paragraph

  Loose item second paragraph
`
  },
  {
    name: 'quotes-breaks',
    construct: 'quotes in quotes, hard breaks',
    markdown: `> Outer quote
>
> > Inner quote words
> > - listed in inner

Line one with backslash\\
line two with spaces  
line three
`
  },
  {
    name: 'images',
    construct: 'images on their own line, inline and inside links',
    markdown: `![A red square alone](images/red.png)

Text with an inline ![tiny red mark](images/red.png) image.

[![Linked image alt](images/red.png)](https://example.org/linked)

![Missing picture description](images/absent.png)
`
  },
  {
    name: 'links',
    construct: 'links, reference links, autolinks, nested emphasis with edge spaces',
    markdown: `An [inline link](https://example.org/inline "Title") and a [reference link][ref] and <https://example.org/auto>.

see[ spaced words ](https://example.org/spaced)bar and x* emphasised *y.

[ref]: https://example.org/reference
`
  }
]

/**
 * Each document gets front matter (a title naming its construct), as a
 * document in content/ has: the example itself then starts on a line of its
 * own, and one opening with `---` is read as Markdown, not as front matter.
 */
export function corpusDocuments(): CorpusDocument[] {
  return [...commonMarkDocuments(), ...GFM_DOCUMENTS].map((document) => ({
    ...document,
    markdown: `---\ntitle: ${JSON.stringify(document.name)}\n---\n\n${document.markdown}`
  }))
}
