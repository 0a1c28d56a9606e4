/**
 * The e-book's contents: one short line per question. A `label` attribute on
 * `:::question` is the entry (a segment, translated in the catalog like any
 * other); without one, the question's first words, cut at a word boundary
 * with an ellipsis. The closing thanks is no entry.
 */
import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { build } from '../pipeline/build.ts'
import { MAX_LABEL_WIDTH, shortLabel } from '../pipeline/render/nav-entries.ts'
import { makeProject } from './helpers/project.ts'
import path from 'node:path'
import { readFileSync } from 'node:fs'

describe('shortLabel', () => {
  it('keeps a short text whole', () => {
    expect(shortLabel('What comes next?')).toBe('What comes next?')
  })

  it('cuts a long question at a word boundary, with an ellipsis, within the budget', () => {
    const text = 'During your tenure at INTERPOL, you emphasized the importance of regional partnerships in tackling cybercrime.'
    const label = shortLabel(text)
    expect(label).toBe('During your tenure at INTERPOL, you emphasized the…')
    expect([...label].length).toBeLessThanOrEqual(MAX_LABEL_WIDTH)
    expect(text.startsWith(label.slice(0, -1))).toBe(true)
  })

  it('cuts Chinese between words, counting an ideograph as two', () => {
    const label = shortLabel('您在国际刑警组织任职期间，一直强调地区伙伴关系在打击网络犯罪中的重要性。在加强网络安全基础设施建设方面，您如何评价？')
    expect(label.endsWith('…')).toBe(true)
    expect([...label].length).toBeLessThanOrEqual(MAX_LABEL_WIDTH / 2)
    expect(label).not.toMatch(/，…$/)
  })
})

const MARKDOWN = `---
title: Harbour interview
lang: en
---

:::question{label="Harbour plans"}
The harbour has been at the centre of the town's economy for two centuries, and the new port authority has plans to change it: what will it mean for the fishermen?
:::

An answer.

:::question
Many people in the town have told us that they are worried about the noise and the traffic that the new terminal will bring; is there a plan?
:::

Another answer.

:::question
Thank you for your time.
:::

My pleasure.
`

async function tocOf(root: string, out: string, locale: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path.join(root, out, locale, 'interview.epub')))
  const toc = await zip.file('OEBPS/toc.xhtml')!.async('string')
  const nav = toc.slice(toc.indexOf('epub:type="toc"'), toc.indexOf('</nav>'))
  return [...nav.matchAll(/<a href="[^"]*">([^<]*)<\/a>/g)].map((match) => match[1]!)
}

describe('the EPUB contents', () => {
  it('lists each question by its label or first words, translated, and leaves out the closing thanks', async () => {
    const root = makeProject({
      'content/interview.md': MARKDOWN,
      'locales/kk/interview.json': JSON.stringify({ label: { 'harbour-plans': 'Айлақ жоспарлары' } }),
      'locales/kk/ui.json': JSON.stringify({ languageName: 'Қазақша' })
    })
    const result = await build({ root, out: 'out', formats: ['epub'] })
    expect(result.failures).toEqual([])
    expect(await tocOf(root, 'out', 'en')).toEqual([
      'Harbour interview',
      'Harbour plans',
      'Many people in the town have told us that they are worried…'
    ])
    expect((await tocOf(root, 'out', 'kk'))[1]).toBe('Айлақ жоспарлары')
  })
})
