/** XLIFF 2.0 exchange: states out, translations in, and a round trip that changes nothing. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import xliff2js from 'xliff/xliff2js'
import { exportXliff } from '../pipeline/translation/exchange/export-xliff.ts'
import { importXliff } from '../pipeline/translation/exchange/import-xliff.ts'
import { readStates } from '../pipeline/translation/exchange/segment-states.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { review } from '../pipeline/translation/review.ts'
import { computeStatus } from '../pipeline/translation/status/status.ts'
import { createProject } from '../pipeline/project.ts'
import { copyRepoProject } from './helpers/project.ts'

const KEY = 'p.the-key-lesson-is-the'
const snapshot = (root: string) => Object.fromEntries(['kk', 'ru', 'en'].flatMap((locale) =>
  readdirSync(path.join(root, 'locales', locale)).map((name) => [`${locale}/${name}`, readFileSync(path.join(root, 'locales', locale, name), 'utf8')])))

/** A project with one outdated, one reviewed, one missing and one tricky translation (XML and Markdown syntax, a character reference, trailing space) in kk. */
async function mixedProject(): Promise<string> {
  const root = copyRepoProject()
  const file = path.join(root, 'content/interview.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace('look ahead because', 'look far ahead because'))
  await extract(root)
  const kk = path.join(root, 'locales/kk/interview.json')
  const catalog = JSON.parse(readFileSync(kk, 'utf8')) as { p: Record<string, string>; credit: Record<string, string> }
  catalog.p['my-pleasure-thank-you-for'] = 'Өзім де «қуаныштымын» & *рахмет* — <for> "x" &amp; [тағы](https://example.org/?a=1&b=2)\n  '
  delete catalog.credit['photo-credit-screenshot']
  writeFileSync(kk, JSON.stringify(catalog, null, 2) + '\n')
  await review(createProject(root), 'kk', ['meta.title'])
  return root
}

describe('XLIFF 2.0 export', () => {
  it('writes source, target and state per key, outdated entries marked with the older source', async () => {
    const root = await mixedProject()
    const xml = await exportXliff(createProject(root), 'kk')
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="kk">')).toBe(true)
    const states = readStates(xml).get('interview')!
    expect(states.get(KEY)).toEqual({ state: 'initial', subState: 'polyglot-press:outdated' })
    expect(states.get('meta.title')).toEqual({ state: 'reviewed' })
    expect(states.get('credit.photo-credit-screenshot')).toEqual({ state: 'initial' })
    expect(states.get('p.during-my-term-from-2014')).toEqual({ state: 'translated' })
    const js = await xliff2js(xml)
    const units = js.resources.interview!
    expect(units[KEY]!.source).toContain('look far ahead')
    expect(units[KEY]!.note).toContain('It was: The key lesson is the need to look ahead')
    expect(units['credit.photo-credit-screenshot']!.target).toBeUndefined()
    // The xliff package reads a final newline and its indentation as pretty-printing; import allows for it.
    expect(units['p.my-pleasure-thank-you-for']!.target).toBe('Өзім де «қуаныштымын» & *рахмет* — <for> "x" &amp; [тағы](https://example.org/?a=1&b=2)')
    expect(xml).toContain('&lt;for&gt; "x" &amp;amp; [тағы](https://example.org/?a=1&amp;b=2)\n  </target>')
    expect(Object.keys(js.resources)).toEqual(['ui', 'interview'])
  })
})

describe('XLIFF 2.0 import', () => {
  it('leaves every catalog and record byte-identical after export then import', async () => {
    const root = await mixedProject()
    const before = snapshot(root)
    const project = createProject(root)
    for (const locale of ['kk', 'ru']) {
      const result = await importXliff(project, await exportXliff(project, locale), `${locale}.xlf`)
      expect(result).toMatchObject({ updated: 0, confirmed: 0, written: [], skipped: [] })
    }
    expect(snapshot(root)).toEqual(before)
  })

  it('takes a changed target as an update and a raised state as a confirmation', async () => {
    const root = await mixedProject()
    const project = createProject(root)
    const xml = (await exportXliff(project, 'kk'))
      .replace('<segment state="initial" subState="polyglot-press:outdated">', '<segment state="reviewed">')
      .replace('<target>Фото: скриншот</target>', '')
      .replace(/(<unit id="credit.photo-credit-screenshot">\s*<segment state="initial">\s*<source>Photo credit: Screenshot<\/source>)/, '$1<target>Фото: экран суреті</target>')
    const result = await importXliff(project, xml, 'kk.xlf')
    expect(result).toMatchObject({ updated: 1, confirmed: 1, skipped: [] })
    expect(result.written.sort()).toEqual(['locales/kk/interview.json', 'locales/kk/interview.translated-from.json'])
    const catalog = JSON.parse(readFileSync(path.join(root, 'locales/kk/interview.json'), 'utf8')) as { credit: Record<string, string> }
    expect(catalog.credit['photo-credit-screenshot']).toBe('Фото: экран суреті')
    const kk = (await computeStatus(project, { locales: ['kk'] })).locales[0]!
    const entries = kk.namespaces.find((ns) => ns.ns === 'interview')!.entries
    expect(entries.filter((entry) => entry.state !== 'translated')).toEqual([])
    expect(entries.find((entry) => entry.key === KEY)!.reviewed).toBe(true)
  })

  it('refuses a file for an unknown language', async () => {
    const root = copyRepoProject()
    const project = createProject(root)
    const xml = (await exportXliff(project, 'kk')).replace('trgLang="kk"', 'trgLang="de"')
    await expect(importXliff(project, xml, 'de.xlf')).rejects.toThrow(/de\.xlf: Unexpected target language `de`/)
  })
})
