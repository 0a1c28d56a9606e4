/**
 * A table's header row never stands alone at a page's foot (the rows under it on the next page, where
 * the header is drawn again): the header, or the caption and the header, keep the first body row on
 * their page. Seen in an Arabic PDF: a twelve-column table's header the last line of page 2.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { makeProject } from './helpers/project.ts'

const FILLER = 'The harbour log records the ice, the wind and the ships that came and went in the season.'
/** Documents whose table starts a line lower each time, so one of them starts at a page's foot. */
const LEADS = Array.from({ length: 24 }, (_, index) => 30 + index)

const documentWith = (lines: number, caption: boolean) => `---
title: Log
lang: en
---

${Array.from({ length: lines }, () => FILLER).join('\n\n')}

${caption ? 'Table: Ships by berth\n\n' : ''}| Headberth | Headship |
| --- | --- |
| Rowcell one | Rowcell two |
| Rowcell three | Rowcell four |
`

let root: string

beforeAll(async () => {
  const files: Record<string, string> = {}
  for (const lines of LEADS) {
    files[`content/plain-${lines}.md`] = documentWith(lines, false)
    files[`content/captioned-${lines}.md`] = documentWith(lines, true)
  }
  root = makeProject(files)
  const result = await build({ root, formats: ['pdf'] })
  expect(result.failures).toEqual([])
}, 300_000)

describe('a table at a page foot', () => {
  it('keeps its header row (and caption) on the page of its first body row', () => {
    const alone: string[] = []
    let turned = 0
    for (const name of LEADS.flatMap((lines) => [`plain-${lines}`, `captioned-${lines}`])) {
      const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(root, `output/en/${name}.pdf`), '-']).toString().split('\f')
      pages.forEach((page, index) => {
        if ((page.includes('Headberth') || page.includes('Ships by berth')) && !page.includes('Rowcell')) alone.push(`${name} page ${index + 1}`)
      })
      const lastFiller = pages.findLastIndex((page) => page.includes(FILLER.slice(0, 20)))
      if (pages.findIndex((page) => page.includes('Rowcell one')) > lastFiller) turned++
    }
    expect(alone).toEqual([])
    // Some of the documents' tables were pushed to a new page: the case was met.
    expect(turned).toBeGreaterThan(0)
  })
})
