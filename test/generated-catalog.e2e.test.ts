/** The English catalog is generated: a hand edit is named by build, lint and extract, and never detaches a translation. */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { runCli } from './helpers/cli.ts'
import { smallProject, REPO } from './helpers/project.ts'
import { snapshot } from './helpers/translation-projects.ts'

const TRANSLATION_CLI = path.join(REPO, 'pipeline/translation/cli.ts')
const HINT = 'generated from content/interview.md: edit the document, then extract'

describe('a hand edit of locales/en/<doc>.json', () => {
  it('is reported by i18n:check and the build, and extract refuses it and writes nothing', async () => {
    const root = smallProject()
    const file = path.join(root, 'locales/en/interview.json')
    // Someone "fixes" the English in the catalog instead of content/, and renames a key while at it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('"my-pleasure-thank-you-for": "My pleasure. Thank you for having me."', '"my-pleasure": "It was my pleasure. Thanks for having me."'))
    const before = snapshot(root)

    const check = runCli(root, ['check'], {}, TRANSLATION_CLI)
    expect(check.code).toBe(1)
    expect(check.stderr).toContain(`locales/en/interview.json:1:1  error  -  Unexpected hand edit of locales/en/interview.json, expected it as i18n:extract wrote it: it is ${HINT}`)
    expect(check.stderr).toMatch(/generated-catalog\n/)

    const extract = runCli(root, ['extract'], {}, TRANSLATION_CLI)
    expect(extract.code).toBe(1)
    expect(extract.stderr).toContain(HINT)
    expect(snapshot(root)).toEqual(before)

    const result = await build({ root, out: 'out', locales: ['kk'], formats: ['html'] })
    const reasons = result.files.flatMap((each) => each.messages.filter((message) => message.ruleId === 'generated-catalog').map((message) => `${each.path}: ${message.reason}`))
    expect(reasons).toEqual([expect.stringContaining(HINT)])

    // Undone (as the message says), extract runs and every translation is still attached.
    writeFileSync(file, before['en/interview.json']!.replace('"my-pleasure": "It was my pleasure. Thanks for having me."', '"my-pleasure-thank-you-for": "My pleasure. Thank you for having me."'))
    expect(runCli(root, ['extract'], {}, TRANSLATION_CLI).code).toBe(0)
    const status = runCli(root, ['status', '--json'], {}, TRANSLATION_CLI)
    const locales = (JSON.parse(status.stdout) as { locales: Record<string, { percent: number; orphaned: number }> }).locales
    expect(Object.values(locales).map((locale) => [locale.percent, locale.orphaned])).toEqual([[100, 0], [100, 0], [100, 0], [100, 0]])
  })

  it('extract leaves its mark beside the catalog, and the shipped catalog matches it', () => {
    const mark = JSON.parse(readFileSync(path.join(REPO, 'locales/en/interview.extracted.json'), 'utf8')) as { document: string; catalog: string }
    expect(mark.document).toBe('content/interview.md')
    expect(runCli(REPO, ['check'], {}, TRANSLATION_CLI).stderr).not.toContain('generated-catalog')
  })
})
