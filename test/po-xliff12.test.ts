/** gettext PO and XLIFF 1.2 beside XLIFF 2.0: the same keys, sources, states and plural forms, both ways. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { po } from 'gettext-parser'
import { describe, expect, it } from 'vitest'
import { exportFile, importFile } from '../pipeline/translation/exchange/formats.ts'
import { computeStatus } from '../pipeline/translation/status/status.ts'
import { createProject } from '../pipeline/project.ts'
import { smallProject } from './helpers/project.ts'
import { markupProject, mixedProject, snapshot } from './helpers/translation-projects.ts'

const KEY = 'p.the-key-lesson-is-the'
const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8')
const kkInterview = (root: string) => JSON.parse(read(root, 'locales/kk/interview.json')) as Record<string, Record<string, string>>
const statesOf = async (root: string, locale = 'kk') => Object.fromEntries((await computeStatus(createProject(root), { locales: [locale] })).locales[0]!.namespaces
  .flatMap((ns) => ns.entries.map((entry) => [entry.key, entry.reviewed ? 'reviewed' : entry.state])))

describe('PO export', () => {
  it('msgctxt is the key, msgid the English, #. notes the key and the outdated source, #, fuzzy and #| msgid for outdated', async () => {
    const root = await mixedProject()
    const text = await exportFile(createProject(root), 'kk', 'po')
    const parsed = po.parse(text)
    expect(parsed.headers).toMatchObject({ Language: 'kk', 'Plural-Forms': 'nplurals=2; plural=(n != 1);', 'Content-Type': 'text/plain; charset=utf-8' })
    const outdated = parsed.translations[KEY]!
    const [entry] = Object.values(outdated)
    expect(entry!.msgid).toContain('look far ahead')
    expect(entry!.comments).toMatchObject({ flag: 'fuzzy', extracted: expect.stringContaining(`interview:${KEY}\nThe source changed since this was translated. It was: The key lesson is the need to look ahead`) })
    expect(text).toContain('#| msgid "The key lesson is the need to look ahead because')
    expect(Object.values(parsed.translations['credit.photo-credit-screenshot']!)[0]!.msgstr).toEqual([''])
    expect(Object.values(parsed.translations.page!)[0]).toMatchObject({ msgid: 'Page {{page}} of {{pages}}', msgstr: ['{{pages}} беттің {{page}}-беті'] })
  })

  it('one entry per plural term, msgstr[i] per CLDR category of the language, Plural-Forms to match', async () => {
    const root = smallProject()
    const expected: Record<string, [string, number]> = {
      ru: ['nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);', 4],
      ar: ['nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);', 6],
      zh: ['nplurals=1; plural=(0);', 1],
      kk: ['nplurals=2; plural=(n != 1);', 2]
    }
    for (const [locale, [header, forms]] of Object.entries(expected)) {
      const parsed = po.parse(await exportFile(createProject(root), locale, 'po'))
      expect(parsed.headers['Plural-Forms']).toBe(header)
      const reading = Object.values(parsed.translations.readingTime!)[0]!
      // Chinese has one form, `other`: its English is the plural.
      expect(reading).toMatchObject({ msgid: locale === 'zh' ? '{{count}} minutes read' : '{{count}} minute read', msgid_plural: '{{count}} minutes read' })
      expect(reading.msgstr).toHaveLength(forms)
      expect(reading.msgstr.every((form) => form !== '')).toBe(true)
    }
    const ru = po.parse(await exportFile(createProject(root), 'ru', 'po'))
    const catalog = JSON.parse(read(root, 'locales/ru/ui.json')) as Record<string, string>
    expect(Object.values(ru.translations.readingTime!)[0]!.msgstr).toEqual(['one', 'few', 'many', 'other'].map((category) => catalog[`readingTime_${category}`]))
  })
})

describe('PO import', () => {
  it('export then import changes nothing, in every language', async () => {
    const root = await mixedProject()
    const before = snapshot(root)
    for (const locale of ['ar', 'kk', 'ru', 'zh']) {
      const result = await importFile(createProject(root), await exportFile(createProject(root), locale, 'po'), `${locale}.po`)
      expect(result).toMatchObject({ updated: 0, confirmed: 0, drafts: [], refused: [], skipped: [], written: [] })
    }
    expect(snapshot(root)).toEqual(before)
  })

  it('an edited msgstr updates, a plural form by its index, fuzzy stays a draft, an outdated entry unfuzzied is confirmed', async () => {
    const root = await mixedProject()
    const project = createProject(root)
    const parsed = po.parse(await exportFile(project, 'kk', 'po'))
    const only = (context: string) => Object.values(parsed.translations[context]!)[0]!
    only('credit.photo-credit-screenshot').msgstr = ['Фото: экран суреті']
    only('readingTime').msgstr = ['{{count}} минут оқу', '{{count}} минут оқылады']
    // A draft: translated, but still fuzzy.
    only('meta.interviewee').msgstr = ['Юрген Штокк']
    only('meta.interviewee').comments = { ...only('meta.interviewee').comments, flag: 'fuzzy' }
    // The outdated entry, checked and left as it is: fuzzy taken off.
    only(KEY).comments = { ...only(KEY).comments, flag: '' }
    const result = await importFile(project, po.compile(parsed).toString(), 'kk.po')
    expect(result).toMatchObject({ updated: 3, confirmed: 1, drafts: ['interview:meta.interviewee'], refused: [] })
    expect(kkInterview(root).credit!['photo-credit-screenshot']).toBe('Фото: экран суреті')
    expect(kkInterview(root).meta!.interviewee).toBe('Юрген Шток')
    expect(JSON.parse(read(root, 'locales/kk/ui.json'))).toMatchObject({ readingTime_one: '{{count}} минут оқу', readingTime_other: '{{count}} минут оқылады' })
    const states = await statesOf(root)
    expect(states[KEY]).toBe('translated')
    expect(states['credit.photo-credit-screenshot']).toBe('translated')
    // PO has no reviewed state, and does not take one away.
    expect(states['meta.title']).toBe('reviewed')
  })

  it('refuses a msgstr whose Markdown differs from the source (a link target changed), and a malformed PO in one line', async () => {
    const root = await markupProject()
    const project = createProject(root)
    const text = (await exportFile(project, 'kk', 'po')).replace('[баяндаманы](https://example.org/a \\"T\\")', '[баяндаманы](https://evil.example/)')
    const result = await importFile(project, text, 'kk.po')
    expect(result.refused).toEqual([expect.stringMatching(/^doc:p\.we-must-read-the-report: the target's Markdown differs from the source's \(link target `https:\/\/evil\.example\/`, expected `https:\/\/example\.org\/a`\)/)])
    const error = await importFile(project, 'msgid "a"\nmsgstr "b\n', 'kk.po').then(() => '', (caught: Error) => caught.message)
    expect(error).toMatch(/^kk\.po:3:1: Unexpected PO syntax \(.+\), expected a PO file/)
    expect(error).not.toContain('\n')
  })
})

describe('XLIFF 1.2', () => {
  it('maps states out: no target (missing), needs-review-translation (outdated, with a note), translated, final (reviewed)', async () => {
    const root = await mixedProject()
    const xml = await exportFile(createProject(root), 'kk', 'xliff12')
    expect(xml).toContain('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">')
    expect(xml).toContain('<file original="interview" source-language="en" target-language="kk" datatype="x-markdown">')
    expect(xml).toMatch(/<trans-unit id="p.the-key-lesson-is-the" resname="p.the-key-lesson-is-the">\s*<source>The key lesson is the need to look far ahead[^<]*<\/source>\s*<target state="needs-review-translation">[^<]*<\/target>\s*<note from="polyglot-press">The source changed since this was translated. It was: The key lesson is the need to look ahead/)
    expect(xml).toMatch(/<trans-unit id="credit.photo-credit-screenshot" resname="credit.photo-credit-screenshot">\s*<source>Photo credit: Screenshot<\/source>\s*<\/trans-unit>/)
    expect(xml).toMatch(/<trans-unit id="meta.title" resname="meta.title" approved="yes">\s*<source>[^<]*<\/source>\s*<target state="final">/)
    expect(xml).toMatch(/<trans-unit id="meta.interviewee" resname="meta.interviewee" approved="yes">\s*<source>Jürgen Stock<\/source>\s*<target state="translated">/)
    const markup = await exportFile(createProject(await markupProject()), 'kk', 'xliff12')
    expect(markup).toContain('<source>We <bpt id="1" ctype="italic">*</bpt>must<ept id="1">*</ept> read <bpt id="2" ctype="bold">**</bpt><bpt id="3" ctype="link">[</bpt>the report<ept id="3">](https://example.org/a "T")</ept><ept id="2">**</ept> now.</source>')
  })

  it('maps states in: needs-* and new are drafts, translated updates, final and signed-off are reviewed; export then import changes nothing', async () => {
    const root = await mixedProject()
    const project = createProject(root)
    const before = snapshot(root)
    for (const locale of ['ar', 'kk', 'ru', 'zh']) {
      expect(await importFile(project, await exportFile(project, locale, 'xliff12'), `${locale}.xlf`)).toMatchObject({ updated: 0, confirmed: 0, written: [], drafts: [] })
    }
    expect(snapshot(root)).toEqual(before)
    const xml = (await exportFile(project, 'kk', 'xliff12'))
      .replace(/(<trans-unit id="credit.photo-credit-screenshot"[^>]*>\s*<source>Photo credit: Screenshot<\/source>)/, '$1<target state="needs-translation">Photo credit: Screenshot</target>')
      .replace(/(<trans-unit id="meta.interviewee"[^>]*>\s*<source>Jürgen Stock<\/source>\s*)<target state="translated">[^<]*/, '$1<target state="signed-off">Юрген Шток')
      .replace(/(<trans-unit id="p.the-key-lesson-is-the"[^>]*>\s*<source>[^<]*<\/source>\s*<target state=")needs-review-translation/, '$1final')
      .replace(/(<trans-unit id="p.during-my-term-from-2014"[^>]*>\s*<source>[^<]*<\/source>\s*<target state=")translated(">)[^<]*/, '$1needs-review-translation$2Қайта қарау керек')
    const result = await importFile(project, xml, 'kk.xlf')
    expect(result).toMatchObject({ updated: 0, confirmed: 2, refused: [] })
    expect(result.drafts.sort()).toEqual(['interview:credit.photo-credit-screenshot', 'interview:p.during-my-term-from-2014'])
    const states = await statesOf(root)
    expect([states[KEY], states['meta.interviewee'], states['credit.photo-credit-screenshot'], states['p.during-my-term-from-2014']]).toEqual(['reviewed', 'reviewed', 'missing', 'translated'])
  })

  it('takes bpt/ept codes back to Markdown, from the target in its own order', async () => {
    const root = await markupProject()
    const project = createProject(root)
    const xml = (await exportFile(project, 'kk', 'xliff12')).replace(/<target state="translated">Біз .*<\/target>/, '<target state="translated"><bpt id="2">**</bpt><bpt id="3">[</bpt>Баяндаманы<ept id="3">](x)</ept><ept id="2">**</ept> <bpt id="1">*</bpt>қазір<ept id="1">*</ept> оқимыз.</target>')
    expect((await importFile(project, xml, 'kk.xlf')).updated).toBe(1)
    // The link target comes from the source's codes, whatever the target's <ept> says.
    expect(JSON.parse(read(root, 'locales/kk/doc.json')).p['we-must-read-the-report']).toBe('**[Баяндаманы](https://example.org/a "T")** *қазір* оқимыз.')
  })
})
