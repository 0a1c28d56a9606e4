/** The pseudo-locale en-XA: accented, longer, bracketed, markup kept; built in all three formats only when asked. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { markupOf } from '../pipeline/translation/lint/markup.ts'
import { variablesOf } from '../pipeline/translation/lint/rules.ts'
import { PSEUDO_LETTERS, PSEUDO_LOCALE, pseudoValue } from '../pipeline/i18n/pseudo.ts'
import { faceFont, fallbackFaces, type FontRole } from '../pipeline/render/pdf/fonts.ts'
import { createProject, listLocales } from '../pipeline/project.ts'
import { htmlText, normalize, pdfText, readEpub } from './helpers/read-back.ts'
import { REPO, smallProject, tempDir } from './helpers/project.ts'

const catalog = (file: string, root = REPO) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, Record<string, string> | string>

describe('pseudo-localization', () => {
  it('accents every letter, brackets the value and makes it about a third longer', () => {
    const source = 'Kazakhstan has made notable progress in this area.'
    const pseudo = pseudoValue('interview', 'p.x', source)
    expect(pseudo).toMatch(/^\\\[.*\]$/)
    expect(pseudo).not.toMatch(/[a-zA-Z]/)
    expect(pseudo.length / source.length).toBeGreaterThan(1.25)
    expect(pseudo.length / source.length).toBeLessThan(1.5)
  })

  it('keeps interpolation variables, inline markup and link targets', () => {
    expect(variablesOf(pseudoValue('ui', 'page', 'Page {{page}} of {{pages}}'))).toEqual(['page', 'pages'])
    const source = 'We *must* read [the report](https://example.org/a) and **that**.'
    const pseudo = markupOf(pseudoValue('interview', 'p.x', source))
    expect(pseudo).toEqual(markupOf(source))
  })

  it('uses only letters the PDF fonts have', () => {
    const roles: FontRole[] = ['serif', 'serifBold', 'serifItalic', 'serifBoldItalic', 'sans', 'sansBold', 'sansItalic', 'sansBoldItalic']
    for (const role of roles) {
      // The first face of a Latin-script edition's list sets every pseudo letter.
      const font = faceFont(fallbackFaces(role, 'latin')[0]!)
      expect([...PSEUDO_LETTERS.values()].filter((letter) => !font.hasGlyphForCodePoint(letter.codePointAt(0)!))).toEqual([])
    }
  })

  it('is not a locale of build:all, and builds in every format when asked', async () => {
    expect(await listLocales(createProject(REPO))).not.toContain(PSEUDO_LOCALE)
    const out = tempDir('press-xa-')
    const root = smallProject()
    const result = await build({ root, out, locales: [PSEUDO_LOCALE] })
    expect(result.failures).toEqual([])
    expect(result.written.filter((entry) => entry.document).map((entry) => entry.path).sort()).toEqual(['en-XA/interview.epub', 'en-XA/interview.html', 'en-XA/interview.pdf'])
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([])

    const title = String((catalog('locales/en/interview.json', root).meta as Record<string, string>).title)
    const pseudoTitle = pseudoValue('interview', 'meta.title', title)
    const html = readFileSync(path.join(out, 'en-XA/interview.html'), 'utf8')
    expect(html).toContain('<html lang="en-XA" dir="ltr">')
    expect(htmlText(html)).toContain(normalize(pseudoTitle))
    const epub = await readEpub(readFileSync(path.join(out, 'en-XA/interview.epub')))
    expect(epub.text).toContain(normalize(pseudoTitle))
    const pdf = await pdfText(readFileSync(path.join(out, 'en-XA/interview.pdf')))
    expect(pdf.text).toContain(normalize(pseudoTitle))
  })
})
