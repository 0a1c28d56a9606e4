/**
 * The stylesheets honour what the tree says about a table: each column
 * alignment class the schema lets a cell carry (GFM's `:--:` and `--:`)
 * has a rule in the web page's and the e-book's stylesheet, and so does a
 * table's caption. Without them a browser and a reading system set every
 * column at the start, which the PDF does not.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { editionSchema } from '../pipeline/to-hast/schema.ts'
import { REPO } from './helpers/project.ts'

const SHEETS = ['pipeline/templates/edition.css', 'pipeline/templates/epub/book.css']

/** The alignment classes (other than the default, start) the schema admits on a cell. */
function alignmentClasses(): string[] {
  const rules = editionSchema.attributes?.td ?? []
  const classes = rules.find((rule): rule is [string, ...string[]] => Array.isArray(rule) && rule[0] === 'className')
  return ((classes ?? []).slice(1) as string[]).filter((name) => name !== 'align-left')
}

describe.each(SHEETS)('%s', (sheet) => {
  const css = readFileSync(path.join(REPO, sheet), 'utf8')

  it.each(alignmentClasses())('sets the text of a .%s cell', (name) => {
    const rule = new RegExp(`td\\.${name}[^{]*\\{[^}]*text-align:\\s*(center|end)`)
    expect(css).toMatch(rule)
  })

  it('sets a table caption above the table at the text’s start', () => {
    expect(css).toMatch(/(^|\n)caption\s*\{[^}]*caption-side:\s*top;[^}]*text-align:\s*start/)
  })
})
