/**
 * XLIFF 2.0 exchange: states and inline codes out; translations in, from
 * files shaped the way memoQ, Trados and other CAT tools write them back
 * (split segments, ignorables, pre-filled drafts, codes, term marks,
 * pretty-printed targets), without losing a word and never taking a draft
 * as a translation; a round trip that changes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportFile, importFile } from '../pipeline/translation/exchange/formats.ts'
import { computeStatus } from '../pipeline/translation/status/status.ts'
import { createProject } from '../pipeline/project.ts'
import { runCli } from './helpers/cli.ts'
import { smallProject, REPO } from './helpers/project.ts'
import { markupProject, mixedProject, PLEASURE, snapshot } from './helpers/translation-projects.ts'

const KEY = 'p.the-key-lesson-is-the'
const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8')
const catalogOf = (root: string, locale = 'kk') => JSON.parse(read(root, `locales/${locale}/interview.json`)) as Record<string, Record<string, string>>

/** One unit as a CAT tool writes it: `body` is everything inside <unit>. */
function xliffFile(units: Record<string, string>, { ns = 'interview', trgLang = 'kk', srcLang = 'en' } = {}): string {
  const body = Object.entries(units).map(([id, inner]) => `    <unit id="${id}">\n${inner}\n    </unit>`).join('\n')
  return `<?xml version="1.0" encoding="utf-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mq="MQXliff" version="2.0" srcLang="${srcLang}" trgLang="${trgLang}">\n  <file id="${ns}">\n${body}\n  </file>\n</xliff>\n`
}

describe('XLIFF 2.0 export', () => {
  it('writes source, target and state per key, outdated entries marked with the older source', async () => {
    const root = await mixedProject()
    const xml = await exportFile(createProject(root), 'kk', 'xliff')
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"')).toBe(true)
    expect(xml).toMatch(/<unit id="p.the-key-lesson-is-the">\n {6}<notes>\n {8}<note>The source changed since this was translated. It was: The key lesson is the need to look ahead/)
    expect(xml).toMatch(/<unit id="p.the-key-lesson-is-the">[\s\S]*?<segment state="initial" subState="polyglot-press:outdated">\n {8}<source>The key lesson is the need to look far ahead/)
    expect(xml).toMatch(/<unit id="meta.title">\s*<gls:glossary>[\s\S]*?<\/gls:glossary>\s*<segment state="reviewed">/)
    expect(xml).toMatch(/<unit id="credit.photo-credit-screenshot">\s*<segment state="initial">\s*<source>Photo credit: Screenshot<\/source>\s*<\/segment>/)
    expect(xml).toMatch(/<unit id="p.during-my-term-from-2014">\s*<gls:glossary>[\s\S]*?<\/gls:glossary>\s*<segment state="translated">/)
    // The source has no markup, so the target's Markdown stays text, escaped once.
    expect(xml).toContain('<target>Өзім де «қуаныштымын» &amp; *рахмет* — &lt;for&gt; "x" &amp;amp; [тағы](https://example.org/?a=1&amp;b=2)\n  </target>')
  })

  it('carries the language\'s termbase as the glossary module of each unit that uses a term', async () => {
    const xml = await exportFile(createProject(smallProject()), 'zh', 'xliff')
    expect(xml).toContain('xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0"')
    expect(xml).toMatch(/<unit id="meta.interviewer">\n {6}<gls:glossary>\n {8}<gls:glossEntry>\n {10}<gls:term source="polyglot-press termbase">Kazinform<\/gls:term>\n {10}<gls:translation>哈通社<\/gls:translation>/)
    expect(/<unit id="photo">[\s\S]*?<\/unit>/.exec(xml)![0]).not.toContain('gls:')
  })

  it('protects inline markup as codes: paired codes for emphasis, strong and links, the link target only in the codes\' data', async () => {
    const root = await markupProject()
    const xml = await exportFile(createProject(root), 'kk', 'xliff')
    const unit = /<unit id="p.we-must-read-the-report">[\s\S]*?<\/unit>/.exec(xml)![0]
    expect(unit).toContain('<data id="d3e">](https://example.org/a "T")</data>')
    expect(unit).toContain('<source>We <pc id="1" dataRefStart="d1s" dataRefEnd="d1e" dispStart="*" dispEnd="*" type="fmt" subType="xlf:i">must</pc> read <pc id="2" ')
    expect(unit).toMatch(/<pc id="3" [^>]*type="link">the report<\/pc><\/pc> now\.<\/source>/)
    // The translation's codes carry the source's ids, in the translation's order.
    expect(unit).toMatch(/<target>Біз <pc id="3" [^>]*>баяндаманы<\/pc> <pc id="1" [^>]*>міндетті<\/pc> түрде <pc id="2" [^>]*>оқимыз<\/pc>\.<\/target>/)
    expect(xml).toMatch(/<source>Second <ph id="1" dataRef="d1" disp="`code`" type="fmt"\/> para\.<\/source>/)
    expect(await exportFile(createProject(smallProject()), 'kk', 'xliff')).toMatch(/<source>Page <ph id="1" dataRef="d1" disp="\{\{page\}\}" type="ui" subType="xlf:var"\/> of <ph id="2"/)
  })
})

describe('XLIFF 2.0 import', () => {
  it('leaves every catalog and record byte-identical after export then import', async () => {
    for (const root of [await mixedProject(), await markupProject()]) {
      const before = snapshot(root)
      const project = createProject(root)
      const result = await importFile(project, await exportFile(project, 'kk', 'xliff'), 'kk.xlf')
      expect(result).toMatchObject({ updated: 0, confirmed: 0, written: [], skipped: [], refused: [], drafts: [] })
      expect(snapshot(root)).toEqual(before)
    }
  })

  it('takes a changed target as an update and a raised state as a confirmation', async () => {
    const root = await mixedProject()
    const project = createProject(root)
    const xml = (await exportFile(project, 'kk', 'xliff'))
      .replace('<segment state="initial" subState="polyglot-press:outdated">', '<segment state="reviewed">')
      .replace(/<unit id="credit.photo-credit-screenshot">\s*<segment state="initial">\s*<source>Photo credit: Screenshot<\/source>/, '$&<target>Фото: экран суреті</target>')
      .replace(/(<unit id="credit.photo-credit-screenshot">\s*<segment state=")initial/, '$1translated')
    const result = await importFile(project, xml, 'kk.xlf')
    expect(result).toMatchObject({ updated: 1, confirmed: 1, skipped: [], drafts: [] })
    expect(result.written.sort()).toEqual(['locales/kk/interview.json', 'locales/kk/interview.translated-from.json'])
    expect(catalogOf(root).credit!['photo-credit-screenshot']).toBe('Фото: экран суреті')
    const kk = (await computeStatus(project, { locales: ['kk'] })).locales[0]!
    const entries = kk.namespaces.find((ns) => ns.ns === 'interview')!.entries
    expect(entries.filter((entry) => entry.state !== 'translated')).toEqual([])
    expect(entries.find((entry) => entry.key === KEY)!.reviewed).toBe(true)
  })

  it('joins split segments and ignorables, unwraps term marks, normalizes pretty-printed targets: no text lost', async () => {
    const root = smallProject()
    const project = createProject(root)
    // memoQ: one <segment> per sentence, the space between them an <ignorable>, a term mark, the target pretty-printed.
    const xml = xliffFile({
      [PLEASURE]: `      <segment id="s1" state="translated">
        <source>My pleasure.</source>
        <target>
          Өзім де қуаныштымын.
        </target>
      </segment>
      <ignorable>
        <source> </source>
      </ignorable>
      <segment id="s2" state="reviewed">
        <source>Thank you for <mrk id="m1" type="term" ref="#t1">having me</mrk>.</source>
        <target><mrk id="m1" type="term" ref="#t1">Шақырғаныңыз</mrk> үшін
          көп рахмет.</target>
      </segment>`
    })
    const result = await importFile(project, xml, 'kk.xlf')
    expect(result).toMatchObject({ updated: 1, refused: [], drafts: [] })
    expect(catalogOf(root).p!['my-pleasure-thank-you-for']).toBe('Өзім де қуаныштымын. Шақырғаныңыз үшін\nкөп рахмет.')
    const record = JSON.parse(read(root, 'locales/kk/interview.translated-from.json')) as Record<string, { source: string; state?: string }>
    // The record holds the whole English unit, not its last segment: the key is not outdated.
    expect(record[PLEASURE]!.source).toBe('My pleasure. Thank you for having me.')
    const kk = (await computeStatus(project, { locales: ['kk'] })).locales[0]!
    expect(kk.namespaces.flatMap((ns) => ns.entries).filter((entry) => entry.state !== 'translated')).toEqual([])
  })

  it('keeps drafts drafts: a pre-filled target with state initial is not imported, counted missing and reported', async () => {
    const root = await mixedProject()
    const project = createProject(root)
    const xml = xliffFile({
      // "Copy source to target", never confirmed.
      'credit.photo-credit-screenshot': '      <segment state="initial">\n        <source>Photo credit: Screenshot</source>\n        <target>Photo credit: Screenshot</target>\n      </segment>',
      // One sentence translated, the other still initial: the unit is a draft.
      [PLEASURE]: '      <segment state="translated">\n        <source>My pleasure.</source>\n        <target>Өзім де қуаныштымын.</target>\n      </segment>\n      <ignorable><source> </source></ignorable>\n      <segment state="initial">\n        <source>Thank you for having me.</source>\n        <target>Thank you for having me.</target>\n      </segment>',
      // One translated segment, one with no target at all.
      'p.during-my-term-from-2014': '      <segment state="translated">\n        <source>During my term from 2014 to 2024, …</source>\n        <target>Менің қызметім кезінде…</target>\n      </segment>\n      <segment>\n        <source>These joint operations …</source>\n      </segment>'
    })
    const before = snapshot(root)
    const result = await importFile(project, xml, 'kk.xlf')
    expect(result).toMatchObject({ updated: 0, written: [], refused: [] })
    expect(result.drafts.sort()).toEqual(['interview:credit.photo-credit-screenshot', 'interview:p.during-my-term-from-2014', `interview:${PLEASURE}`])
    expect(snapshot(root)).toEqual(before)
    const status = (await computeStatus(project, { locales: ['kk'] })).locales[0]!
    expect(status.namespaces.flatMap((ns) => ns.entries).filter((entry) => entry.state === 'missing').map((entry) => entry.key)).toEqual(['credit.photo-credit-screenshot'])
  })

  it('turns inline codes back into Markdown, in the translation\'s order, codes split over segments included', async () => {
    const root = await markupProject()
    const project = createProject(root)
    const data = '      <originalData>\n        <data id="d1s">*</data><data id="d1e">*</data><data id="d2s">**</data><data id="d2e">**</data><data id="d3s">[</data><data id="d3e">](https://example.org/a "T")</data>\n      </originalData>'
    const xml = xliffFile({
      'p.we-must-read-the-report': `${data}
      <segment state="translated">
        <source>We <pc id="1" dataRefStart="d1s" dataRefEnd="d1e">must</pc> read <sc id="2" dataRef="d2s"/><pc id="3" dataRefStart="d3s" dataRefEnd="d3e">the report</pc></source>
        <target><sc id="2" dataRef="d2s"/><pc id="3" dataRefStart="d3s" dataRefEnd="d3e">Баяндаманы</pc></target>
      </segment>
      <segment state="translated">
        <source><ec startRef="2" dataRef="d2e"/> now.</source>
        <target><ec startRef="2" dataRef="d2e"/> қазір <pc id="1" dataRefStart="d1s" dataRefEnd="d1e">міндетті</pc> түрде оқимыз.</target>
      </segment>`
    }, { ns: 'doc' })
    const result = await importFile(project, xml, 'kk.xlf')
    expect(result).toMatchObject({ updated: 1, refused: [] })
    expect(JSON.parse(read(root, 'locales/kk/doc.json')).p['we-must-read-the-report']).toBe('**[Баяндаманы](https://example.org/a "T")** қазір *міндетті* түрде оқимыз.')
  })

  it('refuses a unit whose codes do not match the source, or that adds a {{variable}} or HTML the source lacks', async () => {
    const root = await markupProject()
    const project = createProject(root)
    const exported = await exportFile(project, 'kk', 'xliff')
    const dropped = exported.replace(/<target>Біз <pc id="3" [^>]*>баяндаманы<\/pc>/, '<target>Біз баяндаманы')
    const result = await importFile(project, dropped, 'kk.xlf')
    expect(result.refused).toEqual(['doc:p.we-must-read-the-report: the target\'s inline code 3 ([…](https://example.org/a "T")) missing, expected the source\'s codes, each once'])
    expect(result.updated).toBe(0)

    const repo = smallProject()
    const page = xliffFile({
      page: '      <segment state="translated">\n        <source>Page <ph id="1" dataRef="d1"/> of <ph id="2" dataRef="d2"/></source>\n        <target>{{total}} беттің <ph id="2" dataRef="d2"/>-беті <ph id="1" dataRef="d1"/></target>\n      </segment>\n      <originalData><data id="d1">{{page}}</data><data id="d2">{{pages}}</data></originalData>',
      photo: '      <segment state="translated">\n        <source>Photo</source>\n        <target>&lt;b&gt;Фото&lt;/b&gt;</target>\n      </segment>'
    }, { ns: 'ui' })
    const refused = await importFile(createProject(repo), page, 'kk.xlf')
    expect(refused.refused).toEqual([
      'ui:page: Unexpected {{total}} in the target, not in the source: refused (a variable the source lacks prints nothing, or the wrong number)',
      'ui:photo: Unexpected HTML `<b>` in the target, not in the source: refused (editions never carry HTML from a translation)'
    ])
    expect(read(repo, 'locales/kk/ui.json')).toBe(read(REPO, 'locales/kk/ui.json'))
  })

  it('keeps the catalog\'s own formatting: a 4-space catalog gets a one-line diff', async () => {
    const root = await markupProject()
    const project = createProject(root)
    const before = read(root, 'locales/kk/doc.json')
    const xml = (await exportFile(project, 'kk', 'xliff')).replace('түрде <pc id="2"', 'түрде тез <pc id="2"')
    expect((await importFile(project, xml, 'kk.xlf')).updated).toBe(1)
    const after = read(root, 'locales/kk/doc.json')
    const changed = after.split('\n').filter((line, index) => line !== before.split('\n')[index])
    expect(changed).toEqual(['        "we-must-read-the-report": "Біз [баяндаманы](https://example.org/a \\"T\\") *міндетті* түрде тез **оқимыз**."'])
    expect(after.split('\n').length).toBe(before.split('\n').length)
  })

  it('says in one line what is wrong with an empty, malformed, duplicated or wrong-language file', async () => {
    const root = smallProject()
    const project = createProject(root)
    const unit = '      <segment state="translated">\n        <source>Photo</source>\n        <target>Фото</target>\n      </segment>'
    const cases: Array<[string, string]> = [
      ['', 'kk.xlf:1:1: Unexpected empty file, expected an XLIFF 2.0 file'],
      ['<xliff version="2.0" srcLang="en" trgLang="kk">\n  <file id="ui">\n</xliff>\n', 'kk.xlf:3:8: Unexpected XML (Unexpected close tag), expected an XLIFF 2.0 file'],
      [xliffFile({ photo: unit, languages: unit }, { ns: 'ui' }).replace('<unit id="languages">', '<unit id="photo">'), 'kk.xlf:10:1: Unexpected duplicate unit `photo` in <file id="ui">, expected each key once'],
      [xliffFile({ photo: unit }, { ns: 'ui', trgLang: 'de' }), 'kk.xlf:1:1: Unexpected target language `de`, expected one of the translations in locales/: ar, kk, ru, zh'],
      [xliffFile({ photo: unit }, { ns: 'ui', srcLang: 'fr' }), 'kk.xlf:1:1: Unexpected source language `fr`, expected `en`']
    ]
    for (const [xml, message] of cases) {
      const error = await importFile(project, xml, 'kk.xlf').then(() => undefined, (caught: Error) => caught.message)
      expect(error).toContain(message)
      expect(error).not.toContain('\n')
    }
  })

  it('the command prints drafts and refusals and exits 1 on a refusal', () => {
    const root = smallProject()
    writeFileSync(path.join(root, 'kk.xlf'), xliffFile({
      photo: '      <segment state="initial">\n        <source>Photo</source>\n        <target>Photo</target>\n      </segment>',
      contents: '      <segment state="translated">\n        <source>Contents</source>\n        <target>&lt;b&gt;Мазмұны&lt;/b&gt;</target>\n      </segment>'
    }, { ns: 'ui' }))
    const child = runCli(root, ['import', 'kk.xlf'], {}, path.join(REPO, 'pipeline/translation/cli.ts'))
    expect(child.stdout).toContain('kk.xlf (kk): 0 updated, 0 confirmed, 1 draft not imported')
    expect(child.stderr).toContain('warning: ui:photo: a draft (state initial or fuzzy), not imported')
    expect(child.stderr).toContain('error: refused ui:contents: Unexpected HTML `<b>`')
    expect(child.code).toBe(1)
    expect(runCli(root, ['import', 'missing.xlf'], {}, path.join(REPO, 'pipeline/translation/cli.ts')).stderr.trim().split('\n')).toHaveLength(1)
  })
})
