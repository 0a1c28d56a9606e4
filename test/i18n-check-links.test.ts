/**
 * A reference link and a link in a table cell reach the catalog as inline
 * links with their targets, so i18n:check's markup-mismatch rule sees a
 * translation that changes a target or drops the link. (Each table cell is a
 * segment of its own, so a translation cannot change a row's cell count: a
 * `|` in a translated cell stays text.)
 */
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseCatalog } from '../pipeline/i18n/catalog.ts'
import { parseLoaded } from '../pipeline/content/load-document.ts'
import { sourceEntries } from '../pipeline/segments/keyed-units.ts'
import { lintCatalog } from '../pipeline/translation/lint/rules.ts'

const MARKDOWN = `---
title: Harbour
---

Read [the harbour report][report] first.

| Port | Source |
| --- | --- |
| Aktau | [the port's page](https://example.org/aktau) |

[report]: https://example.org/report
`

function english(): Map<string, string> {
  const { tree, meta } = parseLoaded('harbour', new VFile({ path: 'content/harbour.md', value: MARKDOWN }), 'en')
  return sourceEntries(tree, meta, new Map())
}

function lint(expected: Map<string, string>, values: Record<string, string>) {
  const text = JSON.stringify(values, null, 2)
  return lintCatalog({
    ns: 'harbour', locale: 'kk', sourceLocale: 'en', expected, terms: [],
    catalog: parseCatalog(new TextEncoder().encode(text), 'locales/kk/harbour.json')
  })
}

describe('i18n:check over links the source wrote by reference or in a table', () => {
  const expected = english()
  const paragraph = [...expected].find(([, text]) => text.includes('harbour report'))!
  const cell = [...expected].find(([key]) => key.startsWith('cell.') && expected.get(key)!.includes('aktau'))!

  it('the catalog holds the reference link resolved to its target, and the cell as its own segment', () => {
    expect(paragraph[1]).toBe('Read [the harbour report](https://example.org/report) first.')
    expect(cell[1]).toBe("[the port's page](https://example.org/aktau)")
  })

  it('a translation that changes a target, or leaves a reference without its definition, is a markup-mismatch with its key', () => {
    const problems = lint(expected, {
      [paragraph[0]]: 'Алдымен [порт туралы баяндаманы][report] оқыңыз.',
      [cell[0]]: '[порттың беті](https://example.org/aktobe)'
    })
    expect(problems.map((problem) => [problem.key, problem.ruleId, problem.line])).toEqual([
      [paragraph[0], 'markup-mismatch', 2],
      [cell[0], 'markup-mismatch', 3]
    ])
    expect(problems[1]!.reason).toContain('link target `https://example.org/aktobe`, expected `https://example.org/aktau`')
  })

  it('the same links translated faithfully pass', () => {
    expect(lint(expected, {
      [paragraph[0]]: 'Алдымен [порт туралы баяндаманы](https://example.org/report) оқыңыз.',
      [cell[0]]: '[порттың беті](https://example.org/aktau)'
    })).toEqual([])
  })
})
