/** `npm run i18n:add -- de`: one command makes a new language; it starts at 0 % and builds with fallbacks. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { addLocale } from '../pipeline/translation/add-locale.ts'
import { statusJson } from '../pipeline/translation/status/format-status.ts'
import { computeStatus } from '../pipeline/translation/status/status.ts'
import { createProject, listLocales } from '../pipeline/project.ts'
import { htmlText } from './helpers/read-back.ts'
import { runCli } from './helpers/cli.ts'
import { smallProject, REPO } from './helpers/project.ts'

describe('adding a language', () => {
  it('creates empty catalogs, shows 0 %, and builds a fallback edition with warnings', async () => {
    const root = smallProject()
    const project = createProject(root)
    expect(await addLocale(project, 'de')).toEqual({ found: [], created: ['locales/de/interview.json', 'locales/de/ui.json'] })
    expect(readFileSync(path.join(root, 'locales/de/ui.json'), 'utf8')).toBe('{}\n')
    const before = await listLocales(createProject(REPO))
    expect(await listLocales(project)).toEqual(['en', ...[...before.slice(1), 'de'].sort()])

    const de = statusJson(await computeStatus(project)).locales.de!
    expect(de).toMatchObject({ translated: 0, outdated: 0, orphaned: 0, percent: 0 })
    expect(de.missing).toBe(de.total)

    const result = await build({ root, out: 'out', locales: ['de'], formats: ['html'] })
    expect(result.failures).toEqual([])
    const reasons = result.files.flatMap((file) => file.messages.map((message) => message.reason))
    expect(reasons).toContain('Missing translation for `p.we-must-understand-that-the` in locales/de/interview.json, using the source text')
    expect(reasons).toContain('Missing translation for interface term `contents` in locales/de/ui.json, using the source text')
    expect(result.missing).toBe(de.total)
    const html = readFileSync(path.join(root, 'out/de/interview.html'), 'utf8')
    expect(htmlText(html)).toContain('We must understand that the threat of cybercrime is only increasing.')
    // Named in itself by CLDR until its ui.json names it, not "English".
    expect(html).toMatch(/aria-current="page">Deutsch</)

    expect((await build({ root, out: 'strict', locales: ['de'], formats: ['html'], strict: true })).failures).toHaveLength(1)
  })

  it('refuses a malformed code, the source, and a language that exists', async () => {
    const project = createProject(smallProject())
    await expect(addLocale(project, 'de_DE')).rejects.toThrow(/Unexpected locale `de_DE`, expected a BCP 47 language code/)
    await expect(addLocale(project, 'pt-br')).rejects.toThrow(/did you mean pt-BR\?/)
    await expect(addLocale(project, 'en')).rejects.toThrow(/source/)
    await expect(addLocale(project, 'kk')).rejects.toThrow('Unexpected locale `kk`: it exists already (found locales/kk/interview.json, locales/kk/ui.json); nothing created')
  })

  it('completes a partial language: says what it found (and keeps it) and what it created; status points at it before', async () => {
    const root = smallProject()
    const kept = '{\n  "meta": {\n    "title": "KI und Cyberkriminalität"\n  }\n}\n'
    mkdirSync(path.join(root, 'locales/de'))
    writeFileSync(path.join(root, 'locales/de/interview.json'), kept)
    const status = runCli(root, ['status'], {}, path.join(REPO, 'pipeline/translation/cli.ts'))
    expect(status.stderr).toContain('note: locales/de/ has no ui.json, so it is not a language yet (no edition, no status): npm run i18n:add -- de completes it')
    const child = runCli(root, ['add', 'de'], {}, path.join(REPO, 'pipeline/translation/cli.ts'))
    expect(child.stdout).toContain('found locales/de/interview.json (kept as it is)\ncreated locales/de/ui.json\n')
    expect(child.stdout).not.toContain('created locales/de/interview.json')
    expect(readFileSync(path.join(root, 'locales/de/interview.json'), 'utf8')).toBe(kept)
  })
})
