/**
 * Raw HTML inside paragraphs, as a reader and a translator meet it: a script's and a style's text is in
 * no edition and no catalog; an image's alt text and a field's value are words where they stood, once in
 * the catalog and translated there; each ruby's reading its own parentheses. Every format says the same
 * (HTML, EPUB, PDF by pdf.js, poppler and MuPDF), and the catalog goes out to PO and XLIFF and comes back
 * through translate-toolkit and gettext with every unit intact.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../pipeline/build.ts'
import { createProject } from '../pipeline/project.ts'
import { exportFile, importFile } from '../pipeline/translation/exchange/formats.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { computeStatus } from '../pipeline/translation/status/status.ts'
import { recordOf } from '../pipeline/translation/translation-record.ts'
import { copyUiTerms, makeProject } from './helpers/project.ts'
import { htmlText, normalize, pdfText, readEpub } from './helpers/read-back.ts'
import { snapshot } from './helpers/translation-projects.ts'

const MARKDOWN = `---
title: Harbour office
lang: en
---

The harbour office opens at dawn.<script>track('visit')</script> Boats wait <style>p { color: red }</style>at the pier.

At the pier's end <img src="lighthouse.png" alt="a white lighthouse"> guides the boats home.

Captain: <input value="Aliya Nurova">, then press <input type="submit" value="Register">.

<form><label>Berth <input value="North quay"></label><input type="submit" value="Book the berth"></form>

<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby> and <ruby>字<rt>ji</rt></ruby> are read together.

The pilot <b>Serik</b> boards <span style="color:red">the tanker</span><span hidden> at the secret berth</span> at <select><option>noon</option><option selected>dusk</option></select>.
`

/** What a browser shows of each paragraph, and its Russian translation. */
const SHOWN: ReadonlyArray<[en: string, ru: string]> = [
  ['The harbour office opens at dawn. Boats wait at the pier.', 'Портовая контора открывается на рассвете. Лодки ждут у причала.'],
  ['At the pier\'s end a white lighthouse guides the boats home.', 'В конце причала белый маяк ведёт лодки домой.'],
  ['Captain: Aliya Nurova, then press Register.', 'Капитан: Алия Нурова, затем нажмите «Зарегистрировать».'],
  ['Berth', 'Место стоянки'],
  ['North quay', 'Северный причал'],
  ['Book the berth', 'Забронировать место'],
  ['漢(kan) and 字(ji) are read together.', '漢(kan) и 字(ji) читаются вместе.'],
  ['The pilot Serik boards the tanker at dusk.', 'Лоцман Серик поднимается на танкер в сумерках.']
]
const UNSHOWN = /track\(|color: ?red|secret berth|noon/

let root: string
let catalog: Record<string, Record<string, string>>

beforeAll(async () => {
  root = makeProject({ 'content/harbour.md': MARKDOWN })
  copyUiTerms(root, ['ru'])
  await extract(root)
  catalog = JSON.parse(readFileSync(path.join(root, 'locales/en/harbour.json'), 'utf8')) as typeof catalog
  const ru: Record<string, Record<string, string>> = { meta: { title: 'Портовая контора' }, p: {} }
  for (const [key, text] of Object.entries(catalog.p!)) {
    // A text the list does not have (a word lost or one too many) stays English: the checks below say which.
    ru.p![key] = SHOWN.find(([en]) => en === text)?.[1] ?? text
  }
  writeFileSync(path.join(root, 'locales/ru/harbour.json'), JSON.stringify(ru, null, 2) + '\n')
  const result = await build({ root, locales: ['en', 'ru'] })
  expect(result.failures).toEqual([])
}, 120_000)

const output = (relative: string) => readFileSync(path.join(root, 'output', relative))

/** The body's words as each reader gets them: the web page's main, the e-book's spine, the PDF by pdf.js, poppler and MuPDF. */
async function readings(locale: string): Promise<Record<string, string>> {
  const html = output(`${locale}/harbour.html`).toString()
  const pdf = path.join(root, 'output', locale, 'harbour.pdf')
  return {
    html: htmlText(html.slice(html.indexOf('<main'), html.indexOf('</main>'))),
    epub: (await readEpub(output(`${locale}/harbour.epub`))).text,
    pdfjs: (await pdfText(output(`${locale}/harbour.pdf`))).text,
    poppler: normalize(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString()),
    mupdf: normalize(execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', pdf]).toString())
  }
}

describe('raw HTML inside paragraphs', () => {
  it('gives translators the words a reader sees, each once, and no script or style', () => {
    expect(Object.values(catalog.p!)).toEqual(SHOWN.map(([en]) => en))
    const text = readFileSync(path.join(root, 'locales/en/harbour.json'), 'utf8')
    expect(text).not.toMatch(UNSHOWN)
    expect(text).not.toMatch(/<img|<input|<script|<style|<ruby|<rt|<b>|<span|<select|<option/)
  })

  it('prints the same words in every format, in English and in its translation', async () => {
    for (const [locale, index] of [['en', 0], ['ru', 1]] as const) {
      for (const [reader, text] of Object.entries(await readings(locale))) {
        for (const shown of SHOWN) expect({ locale, reader, has: text.includes(normalize(shown[index])) }).toEqual({ locale, reader, has: true })
        expect({ locale, reader, unshown: UNSHOWN.exec(text)?.[0] }).toEqual({ locale, reader, unshown: undefined })
        if (locale === 'ru') expect({ reader, english: /white lighthouse|Aliya|North quay/.exec(text)?.[0] }).toEqual({ reader, english: undefined })
      }
    }
    for (const locale of ['en', 'ru']) expect(output(`${locale}/harbour.html`).toString()).not.toMatch(/<input|<img|<script>track|<form/)
  })

  it('goes out to PO and XLIFF and comes back through gettext and translate-toolkit with every unit intact', async () => {
    const project = createProject(root)
    const before = snapshot(root)
    const file = (name: string, text: string) => {
      writeFileSync(path.join(root, name), text)
      return path.join(root, name)
    }
    const run = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' })
    const po = file('ru.po', await exportFile(project, 'ru', 'po'))
    expect(run('msgfmt', ['--check-format', '-c', '-o', '/dev/null', po])).toMatchObject({ status: 0, stderr: '' })
    const xliff = path.join(root, 'ru.tt.xlf')
    expect(run('po2xliff', [po, xliff]).status).toBe(0)
    const backPo = path.join(root, 'ru.back.po')
    expect(run('xliff2po', [xliff, backPo]).status).toBe(0)
    const ours12 = file('ru.12.xlf', await exportFile(project, 'ru', 'xliff12'))
    const ours12Po = path.join(root, 'ru.12.po')
    expect(run('xliff2po', [ours12, ours12Po]).status).toBe(0)
    for (const name of [po, xliff, backPo, ours12, ours12Po]) {
      const result = await importFile(createProject(root), readFileSync(name, 'utf8'), path.basename(name), { locale: 'ru' })
      expect({ name: path.basename(name), ...result }).toMatchObject({ name: path.basename(name), updated: 0, drafts: [], refused: [], skipped: [], written: [] })
      expect(snapshot(root)).toEqual(before)
    }
  })
})

/**
 * A project whose catalogs were made while such a paragraph's tags were still in them: the source
 * catalog held `<b>` and `<span>`, the Russian translation kept them. Nothing is lost, and each step
 * says it once: the build prints the translation's words (one catalog-html line for its tags);
 * extract keeps the key and the translation current (the words did not change); an exchange file
 * exported then comes back without the tags, its words and a translator's edit kept.
 */
describe('catalogs made while inline tags were in them', () => {
  const OLD = 'He praised <b>Kazakhstan’s</b> <span style="color:red">initiatives</span> at the summit.'
  const NOW = 'He praised Kazakhstan’s initiatives at the summit.'
  const KEY = 'p.he-praised-b-kazakhstan-s'
  const RU = 'Он высоко оценил <span style="color:red">инициативы</span> <b>Казахстана</b> на саммите.'
  const RU_WORDS = 'Он высоко оценил инициативы Казахстана на саммите.'
  let old: string
  const read = (relative: string) => readFileSync(path.join(old, relative), 'utf8')
  const said = (result: BuildResult) => result.files.flatMap((file) => file.messages.filter((message) => ['catalog-html', 'missing-translation', 'outdated-translation', 'raw-html'].includes(message.ruleId ?? '')).map((message) => `${message.ruleId} ${message.reason.split(', expected')[0]}`))
  const state = async () => (await computeStatus(createProject(old), { locales: ['ru'] })).locales[0]!.namespaces.find((ns) => ns.ns === 'summit')!.entries.find((entry) => entry.key === KEY)

  beforeAll(() => {
    old = makeProject({
      'content/summit.md': `---\ntitle: Summit\nlang: en\n---\n\n${OLD}\n`,
      'locales/en/summit.json': JSON.stringify({ meta: { title: 'Summit' }, p: { [KEY.slice(2)]: OLD } }, null, 2) + '\n',
      'locales/ru/summit.json': JSON.stringify({ meta: { title: 'Саммит' }, p: { [KEY.slice(2)]: RU } }, null, 2) + '\n',
      'locales/ru/summit.translated-from.json': JSON.stringify({ 'meta.title': recordOf('Summit', 'Саммит'), [KEY]: recordOf(OLD, RU) }, null, 2) + '\n'
    })
    copyUiTerms(old, ['ru'])
  })

  it('builds the translation’s words, one line for its tags, before and after extract keeps its key and leaves it current', async () => {
    const before = await build({ root: old, locales: ['en', 'ru'] })
    expect(before.failures).toEqual([])
    expect(htmlText(read('output/ru/summit.html'))).toContain(RU_WORDS)
    expect(htmlText(read('output/en/summit.html'))).toContain(NOW)
    expect(said(before).filter((line) => !line.startsWith('raw-html'))).toEqual([`catalog-html Unexpected HTML \`<span style="color:red">\` in \`${KEY}\``])
    // The PO file an export gave then: the source with its tags (msgid), the translation with its own.
    const po = (await exportFile(createProject(old), 'ru', 'po')).replace(`msgid ${JSON.stringify(NOW)}`, `msgid ${JSON.stringify(OLD)}`)
    expect(po).toContain(`msgstr ${JSON.stringify(RU)}`)
    writeFileSync(path.join(old, 'old.po'), po)
    writeFileSync(path.join(old, 'edited.po'), po.replace('на саммите.', 'на саммите в Астане.'))
    expect(spawnSync('po2xliff', [path.join(old, 'old.po'), path.join(old, 'old.xlf')]).status).toBe(0)

    await extract(old)
    expect(JSON.parse(read('locales/en/summit.json'))).toEqual({ meta: { title: 'Summit' }, p: { [KEY.slice(2)]: NOW } })
    expect(await state()).toMatchObject({ state: 'translated', value: RU })
    const after = await build({ root: old, locales: ['en', 'ru'], force: true })
    expect(said(after).filter((line) => !line.startsWith('raw-html'))).toEqual([`catalog-html Unexpected HTML \`<span style="color:red">\` in \`${KEY}\``])
    expect(htmlText(read('output/ru/summit.html'))).toContain(RU_WORDS)
  }, 120_000)

  it('imports a file exported then without the tags, its words and an edit kept, and current', async () => {
    // Through translate-toolkit's XLIFF, untouched: its words, without the tags.
    const xliff = await importFile(createProject(old), read('old.xlf'), 'old.xlf', { locale: 'ru' })
    expect(xliff).toMatchObject({ updated: 1, refused: [], skipped: [], untagged: [`summit:${KEY}`] })
    expect(JSON.parse(read('locales/ru/summit.json')).p[KEY.slice(2)]).toBe(RU_WORDS)
    const po = await importFile(createProject(old), read('edited.po'), 'edited.po')
    expect(po).toMatchObject({ updated: 1, refused: [], skipped: [], untagged: [`summit:${KEY}`] })
    expect(await state()).toMatchObject({ state: 'translated', value: 'Он высоко оценил инициативы Казахстана на саммите в Астане.' })
    const built = await build({ root: old, locales: ['en', 'ru'], force: true })
    expect(said(built).filter((line) => !line.startsWith('raw-html'))).toEqual([])
    expect(htmlText(read('output/ru/summit.html'))).toContain('Он высоко оценил инициативы Казахстана на саммите в Астане.')
  }, 120_000)
})
