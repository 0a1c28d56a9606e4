/**
 * A document's text is read in Unicode's composed form (NFC): letters typed as a base and combining
 * marks (A + ring, o + diaeresis) are the same text as the composed ones, and the web expects that
 * form (the Nu checker warns on a page's text that is not in it). Marks with no composed form stay.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { toString as mdastToString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { loadDocument } from '../pipeline/content/load-document.ts'
import { tempDir } from './helpers/project.ts'

describe('a document written with combining marks', () => {
  it('is read in composed form, marks without a composed letter kept', async () => {
    const file = path.join(tempDir(), 'marks.md')
    writeFileSync(file, '---\ntitle: Marks\n---\n\nA\u030astro\u0308m wrote cafe\u0301 and q\u0307.\n')
    const { tree } = await loadDocument(file, 'en')
    expect(mdastToString(tree)).toContain('\u00c5str\u00f6m wrote caf\u00e9 and q\u0307.')
  })
})
