/**
 * Golden fixtures: behaviour easiest to read as files. Each folder of
 * test/fixtures/golden/ is a case:
 *   input.md        the document (front matter, directives, Markdown, GFM)
 *   <lang>.json     its catalog in one language (optional: without it, the source edition)
 *   expected.html   the edition's tree as every writer receives it (translated, sanitized), as HTML
 *   messages.txt    what the document, the edition and the catalogs report, one message a line:
 *                   file:line:column, rule, reason (and the translation's catalog place)
 * `UPDATE=1 npx vitest run test/golden.test.ts` rewrites expected.html and
 * messages.txt from what the code does now: review the diff before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { toHtml } from 'hast-util-to-html'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { parseLoaded } from '../pipeline/content/load-document.ts'
import { nest, parseCatalog, type Catalog } from '../pipeline/i18n/catalog.ts'
import { createI18n } from '../pipeline/i18n/create-i18n.ts'
import { toResources, type Catalogs } from '../pipeline/i18n/load-catalogs.ts'
import { prepareEdition } from '../pipeline/prepare-edition.ts'
import { createProject } from '../pipeline/project.ts'
import { placeOfCause } from '../pipeline/report.ts'
import { sourceEntries } from '../pipeline/segments/keyed-units.ts'
import { REPO } from './helpers/project.ts'

const CASES = path.join(REPO, 'test/fixtures/golden')
const UPDATE = process.env.UPDATE === '1'

const catalogOf = (text: string, file: string, report = true): Catalog => parseCatalog(new TextEncoder().encode(text), file, { report })
const uiOf = (locale: string): Catalog => {
  const file = path.join(REPO, 'locales', locale, 'ui.json')
  return catalogOf(existsSync(file) ? readFileSync(file, 'utf8') : '{}', `locales/${locale}/ui.json`)
}

async function run(dir: string): Promise<{ html: string; messages: string }> {
  const source = readFileSync(path.join(dir, 'input.md'), 'utf8')
  const document = parseLoaded('input', new VFile({ path: 'content/input.md', value: source }), 'en')
  const locale = readdirSync(dir).find((name) => /^[a-z]{2}(-[A-Za-z]+)?\.json$/.test(name))?.replace(/\.json$/, '') ?? 'en'
  // The source catalog is what extract would write: the register of keys (read without warnings, as the build reads it).
  const catalogs: Catalogs = new Map([['en', new Map([['ui', uiOf('en')], ['input', catalogOf(JSON.stringify(nest(sourceEntries(document.tree, document.meta, new Map()))), 'locales/en/input.json', false)]])]])
  if (locale !== 'en') catalogs.set(locale, new Map([['ui', uiOf(locale)], ['input', catalogOf(readFileSync(path.join(dir, `${locale}.json`), 'utf8'), `locales/${locale}/input.json`)]]))
  const i18n = await createI18n(toResources(catalogs), 'en')
  const edition = await prepareEdition(document, locale, { project: createProject(dir), i18n, catalogs, locales: [...catalogs.keys()] })
  const catalogFiles = [...catalogs.values()].flatMap((byNs) => [...byNs.values()].map((catalog) => catalog.file))
  const messages = [document.file, edition.file, ...catalogFiles].flatMap((file) => file.messages.map((message) => {
    const place = message.place ? `:${message.line}:${message.column}` : ''
    const cause = placeOfCause(message, dir)
    return `${file.path}${place} ${message.ruleId} ${message.reason}${cause ? ` (${cause})` : ''}`
  }))
  return { html: `${toHtml(edition.hast)}\n`, messages: messages.map((line) => `${line}\n`).join('') }
}

describe('golden fixtures (test/fixtures/golden)', () => {
  const cases = readdirSync(CASES).filter((name) => existsSync(path.join(CASES, name, 'input.md')))
  it('has cases', () => expect(cases.length).toBeGreaterThan(3))
  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(CASES, name)
      const got = await run(dir)
      for (const [file, text] of [['expected.html', got.html], ['messages.txt', got.messages]] as const) {
        const expectedFile = path.join(dir, file)
        if (UPDATE) writeFileSync(expectedFile, text)
        expect(text, `${name}/${file} (UPDATE=1 rewrites it; review the diff)`).toBe(readFileSync(expectedFile, 'utf8'))
      }
    })
  }
})
