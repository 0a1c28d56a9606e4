import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseLoaded } from '../pipeline/content/load-document.ts'
import { bodyUnits, metaUnits } from '../pipeline/segments/segment-units.ts'

const doc = (markdown: string) => parseLoaded('doc', new VFile({ path: 'content/doc.md', value: markdown }), 'en')

describe('segment units', () => {
  it('finds every translatable unit with its kind, in order', () => {
    const { tree, meta } = doc([
      '---', 'title: The title', 'interviewee: A. Person', 'credits:', '  - "photo: X"', '---', '',
      ':::standfirst', 'Lead text.', ':::', '',
      ':::question', 'Why *this*?', ':::', '',
      'Because [that](https://example.org).', '',
      '## A section', '',
      ':::figure{credit="photo: X"}', '![A portrait](img.png)', '', 'The caption.', ':::', '',
      '* an item', '', '> a quote'
    ].join('\n'))
    const units = [...metaUnits(meta), ...bodyUnits(tree)]
    expect(units.map((unit) => [unit.kind, unit.text])).toEqual([
      ['meta', 'The title'],
      ['meta', 'A. Person'],
      ['credit', 'photo: X'],
      ['standfirst', 'Lead text.'],
      ['question', 'Why *this*?'],
      ['p', 'Because [that](https://example.org).'],
      ['heading', 'A section'],
      ['credit', 'photo: X'],
      ['alt', 'A portrait'],
      ['caption', 'The caption.'],
      ['item', 'an item'],
      ['quote', 'a quote']
    ])
    expect(units[4]!.position?.start.line).toBe(13)
  })

  it('keeps a unit\'s source text once a translation is applied, whenever the text is first read', () => {
    const { tree } = doc('Why *this*?\n\nAnd **that**.\n')
    const [read, unread] = bodyUnits(tree)
    expect(read!.text).toBe('Why *this*?')
    read!.apply([{ type: 'text', value: 'Почему?' }])
    unread!.apply([{ type: 'text', value: 'И то.' }])
    expect([read!.text, unread!.text]).toEqual(['Why *this*?', 'And **that**.'])
  })

  it('reads a body unit\'s text through its class\'s getter, not one made per unit (V8 makes a literal\'s getter in its runtime)', () => {
    const [first, second] = bodyUnits(doc('One *a*.\n\nTwo.\n').tree)
    expect(Object.getOwnPropertyDescriptor(first!, 'text')).toBeUndefined()
    expect(Object.getPrototypeOf(first)).toBe(Object.getPrototypeOf(second))
    expect([first!.text, second!.text]).toEqual(['One *a*.', 'Two.'])
  })

  it('takes the title from the first heading when there is no front matter, and does not repeat it', () => {
    const { tree, meta } = doc('# Plain document\n\nJust text.\n')
    expect(meta.title).toBe('Plain document')
    expect(bodyUnits(tree).map((unit) => unit.text)).toEqual(['Just text.'])
  })

  it('reports malformed front matter with its line', () => {
    let caught: unknown
    try {
      doc('---\ntitle: ok\nlang: [unclosed\n---\n\nText.')
    } catch (error) {
      caught = error
    }
    expect(caught).toMatchObject({ file: 'content/doc.md', line: 3, ruleId: 'front-matter' })
    expect(String((caught as Error).message)).toMatch(/^Invalid YAML front matter/)
  })
})
