import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.ts'
import { copyRepoProject, REPO } from './helpers/project.ts'

describe('npm run i18n:check', () => {
  it('exits 1 and prints file:line:column and key for each problem', () => {
    const root = copyRepoProject()
    writeFileSync(path.join(root, 'locales/ru/ui.json'), '{\n  "languageName": "Русский",\n  "page": "Страница {{page}}",\n  "contents": ""\n}\n')
    const child = runCli(root, ['check'], {}, path.join(REPO, 'pipeline/translation/cli.ts'))
    expect(child.code).toBe(1)
    expect(child.stderr).toContain('locales/ru/ui.json:3:11  error  page  Unexpected interpolation in `page`: expected {{pages}} as in the source  interpolation-mismatch')
    expect(child.stderr).toContain('locales/ru/ui.json:4:15  error  contents  Unexpected empty translation')
    expect(child.stdout).toContain('i18n:check: 2 problems')
  })
})
