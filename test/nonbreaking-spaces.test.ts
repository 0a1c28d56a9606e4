/**
 * A language's ties (no-break spaces after one-letter words and before a
 * spaced dash in Russian and Kazakh) are made once, in the tree all writers
 * share, and the PDF's line breaker never breaks at one.
 */
import path from 'node:path'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { describe, expect, it } from 'vitest'
import { loadDocument } from '../pipeline/content/load-document.ts'
import { createI18n } from '../pipeline/i18n/create-i18n.ts'
import { loadCatalogs, toResources } from '../pipeline/i18n/load-catalogs.ts'
import { tieSpaces } from '../pipeline/plugins/rehype-nonbreaking-spaces.ts'
import { prepareEdition } from '../pipeline/prepare-edition.ts'
import { createProject } from '../pipeline/project.ts'
import { inlineRuns } from '../pipeline/render/pdf/state.ts'
import { layoutParagraph } from '../pipeline/render/pdf/text/layout.ts'
import { REPO } from './helpers/project.ts'

const NBSP = '\u00a0'
const tied = (text: string, locale: string, lang?: string) => {
  const tree = { type: 'root' as const, children: [h('p', lang ? { lang } : {}, text)] }
  tieSpaces(tree, locale)
  return (tree.children[0]!.children[0] as { value: string }).value.replaceAll(NBSP, '~')
}

describe('no-break spaces by language', () => {
  it('tie Russian and Kazakh one-letter words to the next word, and a spaced dash to the word before', () => {
    expect(tied('Я был в Лионе и в Сингапуре, а ИИ — автоматизированные системы', 'ru'))
      .toBe('Я~был в~Лионе и~в~Сингапуре, а~ИИ~— автоматизированные системы')
    expect(tied('Басты сабақ — алдағыны болжай білу', 'kk')).toBe('Басты сабақ~— алдағыны болжай білу')
  })

  it('leave words, numbers, initials, ranges and unspaced dashes alone', () => {
    expect(tied('Ю. Шток, 2014–2024, кибер-угрозы, т.е. ИИ-агенты', 'ru')).toBe('Ю. Шток, 2014–2024, кибер-угрозы, т.е. ИИ-агенты')
  })

  it('change nothing in English, Arabic or Chinese, and follow a `lang` inside the edition', () => {
    expect(tied('I met a man — in a hall', 'en')).toBe('I met a man — in a hall')
    expect(tied('في عام — ٢٠١٤', 'ar')).toBe('في عام — ٢٠١٤')
    expect(tied('I met a man — in a hall', 'ru', 'en')).toBe('I met a man — in a hall')
    expect(tied('в Лионе', 'en', 'ru')).toBe('в~Лионе')
  })

  it('leave code as written', () => {
    const tree = { type: 'root' as const, children: [h('p', [h('code', 'a = в b')])] }
    tieSpaces(tree, 'ru')
    expect(toHtml(tree)).not.toContain('&#xA0;')
  })

  it('reach every writer: the Russian edition’s tree has them', async () => {
    const project = createProject(REPO)
    const { catalogs } = await loadCatalogs(project, ['en', 'ru'], ['interview'])
    const i18n = await createI18n(toResources(catalogs), 'en')
    const document = await loadDocument(path.join(project.contentDir, 'interview.md'), 'en')
    const edition = await prepareEdition(document, 'ru', { project, i18n, catalogs, locales: ['en', 'ru'] })
    const html = toHtml(edition.hast)
    expect(html).toContain(` в${NBSP}`)
    expect(html).not.toMatch(/ [вкисуояа] /)
  })
})

describe('the PDF line breaker', () => {
  it('never breaks at a no-break space, whatever the width', () => {
    const runs = inlineRuns([{ type: 'text', value: `Преступники применяют агентный ИИ${NBSP}— автоматизированные системы и${NBSP}средства` }])
    const text = runs.map((run) => run.text).join('')
    for (let width = 60; width <= 300; width += 7) {
      const laid = layoutParagraph(runs.map((run) => ({ text: run.text, role: 'serif', size: 10, color: '#000' })), {
        width, align: 'justify', direction: 'ltr', lineGap: 2, metricsFace: 'notoSerif', script: 'latin'
      })
      for (const line of laid.lines) {
        const start = Math.min(...line.pieces.map((piece) => piece.start))
        expect(text.slice(start)).not.toMatch(/^(—|средства)/)
      }
    }
  })
})
