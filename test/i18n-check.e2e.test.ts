import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.ts'
import { smallProject, REPO } from './helpers/project.ts'

describe('npm run i18n:check', () => {
  it('exits 1 and prints file:line:column and key for each problem', () => {
    const root = smallProject()
    writeFileSync(path.join(root, 'locales/ru/ui.json'), '{\n  "languageName": "Русский",\n  "page": "Страница {{page}}",\n  "contents": ""\n}\n')
    const child = runCli(root, ['check'], {}, path.join(REPO, 'pipeline/translation/cli.ts'))
    expect(child.code).toBe(1)
    expect(child.stderr).toContain('locales/ru/ui.json:3:11  error  page  Unexpected interpolation in `page`: expected {{pages}} as in the source  interpolation-mismatch')
    expect(child.stderr).toContain('locales/ru/ui.json:4:15  error  contents  Unexpected empty translation')
    expect(child.stdout).toContain('i18n:check: 2 problems')
  })
})

describe('term-mismatch', () => {
  it('npm run i18n:check reports a planted mismatch in each language with file:line:column and key', () => {
    const root = smallProject()
    const plant = (locale: string, from: string, to: string) => {
      const file = path.join(root, `locales/${locale}/interview.json`)
      writeFileSync(file, readFileSync(file, 'utf8').replace(from, to))
    }
    // The review's major error back in Arabic, a misspelt name in Kazakh, the Latin name in Russian, a transliteration in Chinese.
    plant('ar', '"interviewer": "Kazinform"', '"interviewer": "قازإنفورم"')
    plant('kk', '"interviewee": "Юрген Шток"', '"interviewee": "Юрген Сток"')
    plant('ru', '"publisher": "Казинформ"', '"publisher": "Kazinform Агентство"')
    plant('zh', '"interviewer": "哈通社"', '"interviewer": "卡津福姆"')
    const child = runCli(root, ['check'], {}, path.join(REPO, 'pipeline/translation/cli.ts'))
    expect(child.code).toBe(1)
    const lines = child.stderr.trim().split('\n').filter((line) => line.endsWith('term-mismatch'))
    expect(lines).toEqual([
      'locales/ar/interview.json:6:20  error  meta.interviewer  Unexpected translation of “Kazinform” in `meta.interviewer`, expected “Kazinform” kept as it is (locales/ar/terms.json)  term-mismatch',
      'locales/kk/interview.json:4:20  error  meta.interviewee  Unexpected translation of “Jürgen Stock” in `meta.interviewee`, expected “Юрген Шток” (locales/kk/terms.json)  term-mismatch',
      'locales/ru/interview.json:7:18  error  meta.publisher  Unexpected translation of “Kazinform” in `meta.publisher`, expected “Казинформ” (locales/ru/terms.json)  term-mismatch',
      'locales/zh/interview.json:6:20  error  meta.interviewer  Unexpected translation of “Kazinform” in `meta.interviewer`, expected “哈通社” (locales/zh/terms.json)  term-mismatch'
    ])
  })
})
