/** The PDF writer knows every element an edition's tree can hold: a block handler or a phrasing style for each. */
import { describe, expect, it } from 'vitest'
import { handlers } from '../pipeline/render/pdf/handlers/index.ts'
import { isPhrasingElement } from '../pipeline/render/pdf/inline.ts'
import { editionSchema } from '../pipeline/to-hast/schema.ts'

/** Parts of a table, a list and a figure: set by their parent's handler, never met on their own. */
const SET_BY_PARENT = new Set(['li', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'figcaption'])

describe('the PDF handler map', () => {
  it('covers every element the sanitize schema admits', () => {
    const unknown = (editionSchema.tagNames ?? []).filter((tag) => !(tag in handlers) && !isPhrasingElement(tag) && !SET_BY_PARENT.has(tag))
    expect(unknown).toEqual([])
  })
})
