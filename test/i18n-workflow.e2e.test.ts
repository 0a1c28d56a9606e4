/**
 * The translation workflow on a temporary copy of the project, as an editor
 * and translators live it: edit the source, extract, see what is outdated,
 * review or update it, lose a translation, build with and without --strict.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { review } from '../pipeline/translation/review.ts'
import { statusJson } from '../pipeline/translation/status/format-status.ts'
import { computeStatus, type ProjectStatus } from '../pipeline/translation/status/status.ts'
import { createProject, listLocales } from '../pipeline/project.ts'
import { findAll, htmlText, htmlTree } from './helpers/read-back.ts'
import { placeOfCause } from '../pipeline/report.ts'
import { runCli } from './helpers/cli.ts'
import { smallProject, REPO } from './helpers/project.ts'

const KEY = 'p.the-key-lesson-is-the'
const OLD = 'The key lesson is the need to look ahead because'
const NEW = 'The key lesson is the need to look far ahead because'

const readJson = (root: string, file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as Record<string, Record<string, string>>
const states = (status: ProjectStatus, locale: string, state: string) =>
  status.locales.find((item) => item.locale === locale)!.namespaces.flatMap((ns) => ns.entries.filter((entry) => entry.state === state).map((entry) => entry.key))
/** A project's translations (the shipped ones by default): every locale with a ui.json but the source. */
async function translationLocales(root = REPO): Promise<string[]> {
  return (await listLocales(createProject(root))).filter((locale) => locale !== 'en')
}

/** Keys per locale of a project (content and interface), read from the catalogs rather than written down. */
async function totals(root: string): Promise<Record<string, number>> {
  const json = statusJson(await computeStatus(createProject(root)))
  return Object.fromEntries(Object.entries(json.locales).map(([locale, counts]) => [locale, counts.total]))
}
function edit(root: string, file: string, change: (text: string) => string): void {
  const full = path.join(root, file)
  writeFileSync(full, change(readFileSync(full, 'utf8')))
}
function run(root: string, script: string, ...args: string[]) {
  return runCli(root, args, {}, path.join(REPO, script))
}

describe('translation workflow', () => {
  it('starts with the shipped locales complete and nothing outdated', async () => {
    const status = await computeStatus(createProject(REPO))
    const shipped = await translationLocales()
    expect(shipped).toEqual(expect.arrayContaining(['kk', 'ru']))
    expect(status.locales.map((locale) => locale.locale)).toEqual(shipped)
    const json = statusJson(status)
    for (const locale of shipped) {
      expect(json.locales[locale]).toMatchObject({ missing: 0, outdated: 0, orphaned: 0, percent: 100 })
      expect(json.locales[locale]!.translated).toBe(json.locales[locale]!.total)
    }
  })

  it('flags an edited sentence outdated in every locale, under the same key, until reviewed or updated', async () => {
    const root = smallProject()
    const project = createProject(root)
    edit(root, 'content/interview.md', (text) => text.replace(OLD, NEW))
    const { documents } = await extract(root)
    expect(documents[0]).toMatchObject({ added: [], removed: [], edited: [KEY] })
    expect(readJson(root, 'locales/en/interview.json').p!['the-key-lesson-is-the']).toContain('look far ahead')

    let status = await computeStatus(project)
    expect(states(status, 'kk', 'outdated')).toEqual([KEY])
    expect(states(status, 'ru', 'outdated')).toEqual([KEY])
    const outdated = status.locales[0]!.namespaces.find((ns) => ns.ns === 'interview')!.entries.find((entry) => entry.key === KEY)!
    expect(outdated.previousSource).toContain(OLD)
    expect(outdated.source).toContain(NEW)

    // Extract again: nothing changes, the flags stay.
    const before = readFileSync(path.join(root, 'locales/kk/interview.translated-from.json'), 'utf8')
    expect((await extract(root)).records.written).toEqual([])
    expect(readFileSync(path.join(root, 'locales/kk/interview.translated-from.json'), 'utf8')).toBe(before)

    await review(project, 'kk', [KEY])
    edit(root, 'locales/ru/interview.json', (text) => text.replace('смотреть вперёд', 'смотреть далеко вперёд'))
    status = await computeStatus(project)
    expect(states(status, 'kk', 'outdated')).toEqual([])
    expect(states(status, 'ru', 'outdated')).toEqual([])
    // The translator's edit is recorded against the source at the next extract.
    await extract(root)
    expect(readJson(root, 'locales/ru/interview.translated-from.json')[KEY]!.source).toContain(NEW)
  })

  it('shows a removed segment as orphaned in the translations', async () => {
    const root = smallProject()
    edit(root, 'content/interview.md', (text) => text.replace('My pleasure. Thank you for having me.\n', ''))
    const { documents } = await extract(root)
    expect(documents[0]!.removed).toEqual(['p.my-pleasure-thank-you-for'])
    const status = await computeStatus(createProject(root))
    expect(states(status, 'kk', 'orphaned')).toEqual(['p.my-pleasure-thank-you-for'])
  })

  it('falls back with a warning for a deleted translation, and --strict refuses the edition', async () => {
    const root = smallProject()
    edit(root, 'locales/kk/interview.json', (text) => {
      const catalog = JSON.parse(text) as { p: Record<string, string> }
      delete catalog.p['my-pleasure-thank-you-for']
      return `${JSON.stringify(catalog, null, 2)}\n`
    })
    expect(states(await computeStatus(createProject(root)), 'kk', 'missing')).toEqual(['p.my-pleasure-thank-you-for'])

    const loose = await build({ root, out: 'loose', locales: ['kk'], formats: ['html'] })
    expect(loose.failures).toEqual([])
    const warnings = loose.files.flatMap((file) => file.messages.map((message) => message.reason))
    expect(warnings).toEqual(['Missing translation for `p.my-pleasure-thank-you-for` in locales/kk/interview.json, using the source text'])
    expect(htmlText(readFileSync(path.join(root, 'loose/kk/interview.html'), 'utf8'))).toContain('My pleasure. Thank you for having me.')

    const strict = run(root, 'pipeline/cli.ts', '--strict', '--format', 'html', '--out', 'strict')
    expect(strict.code).toBe(1)
    expect(strict.stderr).toMatch(/error interview \(kk\): --strict: not written, it would show 1 fallback to the source/)
    expect(existsSync(path.join(root, 'strict/kk/interview.html'))).toBe(false)
    expect(existsSync(path.join(root, 'strict/ru/interview.html'))).toBe(true)
    const { kk } = await totals(smallProject())
    expect(strict.stdout).toMatch(new RegExp(`^kk +${kk! - 1} +1 +0 +0 +${kk} +9\\d %$`, 'm'))
  })

  it('warns of an outdated translation, and writes status.html with a progress bar per locale and what changed in the source', async () => {
    const root = smallProject()
    edit(root, 'content/interview.md', (text) => text.replace(OLD, NEW))
    const result = await build({ root, out: 'out', locales: ['ru'], formats: ['html'] })
    // Without --strict the outdated translation is used, with a warning naming key, catalog line and the fix.
    expect(result.failures).toEqual([])
    // The catalog line is the message's cause (a place in the catalog file), never part of its text.
    expect(result.files.flatMap((file) => file.messages.map((message) => [message.ruleId, message.line, message.reason, placeOfCause(message)]))).toEqual([[
      'outdated-translation', 39,
      `Outdated translation for \`${KEY}\` in locales/ru/interview.json: the source changed since it was translated; update it, or confirm it with \`npm run i18n:review -- ru ${KEY}\``,
      'locales/ru/interview.json:22:30'
    ]])
    const strict = await build({ root, out: 'strict', locales: ['ru'], formats: ['html'], strict: true })
    expect(strict.failures.map((failure) => failure.reason)).toEqual(['--strict: not written, it would show 0 fallbacks to the source and 1 outdated translation (see the warnings above)'])
    expect(existsSync(path.join(root, 'strict/ru/interview.html'))).toBe(false)
    const page = readFileSync(path.join(root, 'out/status.html'), 'utf8')
    const tree = htmlTree(page)
    const bars = findAll(tree, (node) => node.tagName === 'progress')
    // The edited sentence is outdated in every translation: one fewer translated key each.
    const shipped = await translationLocales(root)
    const total = await totals(smallProject())
    expect(bars.map((bar) => [bar.properties.max, bar.properties.value])).toEqual(shipped.map((locale) => [String(total[locale]), String(total[locale]! - 1)]))
    expect(findAll(tree, (node) => node.tagName === 'label').map((node) => node.properties.htmlFor)).toEqual(shipped.map((locale) => [`locale-${locale}-progress`]))
    expect(findAll(tree, (node) => node.tagName === 'ins').map((node) => (node.children[0] as { value: string }).value)).toEqual(shipped.map(() => 'far '))
    expect(htmlText(page)).toContain(KEY)
  })

  it('prints the status as JSON', async () => {
    const { code, stdout } = run(REPO, 'pipeline/translation/cli.ts', 'status', '--json')
    expect(code).toBe(0)
    const json = JSON.parse(stdout) as { locales: Record<string, Record<string, number>> }
    expect(Object.keys(json.locales)).toEqual(await translationLocales())
    for (const field of ['translated', 'missing', 'outdated', 'orphaned', 'total']) expect(typeof json.locales.kk![field]).toBe('number')
  })
})
