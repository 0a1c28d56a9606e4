/** What translators get from GFM: cells, notes and task items as segments with readable keys, links inline, directives extracted. */
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseLoaded } from '../pipeline/content/load-document.ts'
import { sourceEntries } from '../pipeline/segments/keyed-units.ts'

const MARKDOWN = `---
title: Harbour
---

| Port | Tonnes |
| --- | ---: |
| Aktau | 1200 |

- [x] Loaded cargo
- [ ] Signed manifest

It opened in spring[^open] says the [yearbook][book].

::aside[A leaf directive's words]

[^open]: Officially on the first of April.

[book]: https://example.org/yearbook
`

describe('GFM segments', () => {
  const file = new VFile({ path: 'content/harbour.md', value: MARKDOWN })
  const { tree, meta } = parseLoaded('harbour', file, 'en')
  const entries = sourceEntries(tree, meta, new Map())

  it('makes cells, task items and notes segments with readable keys, never pipes', () => {
    expect([...entries]).toEqual(expect.arrayContaining([
      ['cell.port', 'Port'], ['cell.aktau', 'Aktau'], ['cell.1200', '1200'],
      ['task.loaded-cargo', 'Loaded cargo'], ['task.signed-manifest', 'Signed manifest'],
      ['note.officially-on-the-first-of', 'Officially on the first of April.']
    ]))
    expect([...entries.values()].some((value) => value.includes('|'))).toBe(false)
  })

  it('gives a reference link to the catalog as an inline link, and keeps the footnote call', () => {
    expect(entries.get('p.it-opened-in-spring-open')).toBe('It opened in spring[^open] says the [yearbook](https://example.org/yearbook).')
  })

  it('extracts a leaf directive’s text, and warns at an unknown directive’s line', () => {
    expect(entries.get('p.a-leaf-directive-s-words')).toBe('A leaf directive\'s words')
    expect(file.messages.filter((message) => message.ruleId === 'unknown-directive').map((message) => message.line)).toEqual([14])
  })
})
