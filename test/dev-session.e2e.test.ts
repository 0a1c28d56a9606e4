/**
 * The preview's session without a browser: segment marks and the bar in the
 * preview page, the outdated-keys interface, the last good page kept while a
 * catalog is broken, and no trace of any of it in shipped editions.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { toHtml } from 'hast-util-to-html'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { loadDocument } from '../pipeline/content/load-document.ts'
import { snapshotOf } from '../pipeline/dev/background.ts'
import { noStatus, recordedStatus, type StatusSource, writePreviewStatus } from '../pipeline/dev/outdated.ts'
import type { RebuildPlan } from '../pipeline/dev/changes.ts'
import { applyPlan, openSession, renderEdition, type Session } from '../pipeline/dev/session.ts'
import { createI18n } from '../pipeline/i18n/create-i18n.ts'
import { loadCatalogs, toResources } from '../pipeline/i18n/load-catalogs.ts'
import { prepareEdition } from '../pipeline/prepare-edition.ts'
import { createProject } from '../pipeline/project.ts'
import { computeStatus } from '../pipeline/translation/status/status.ts'
import { findAll, htmlTree, readEpub } from './helpers/read-back.ts'
import { makeProject, smallProject, tempDir } from './helpers/project.ts'

const KK = { doc: 'interview', locale: 'kk' }
const DROPPED = 'p.another-area-where-kazakhstan-stands'
const OUTDATED = 'p.the-key-lesson-is-the'

function dropKk(root: string, slug: string): void {
  const file = path.join(root, 'locales/kk/interview.json')
  const catalog = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>
  delete catalog.p![slug]
  writeFileSync(file, JSON.stringify(catalog, null, 2) + '\n')
}

/** The project's translation status, with `key` of `locale`/`ns` outdated as well. */
function statusWithOutdated(locale: string, ns: string, key: string): StatusSource {
  return async (project, sources, catalogOf) => {
    const status = await computeStatus(project, { sources, catalogOf })
    const entry = status.locales.find((item) => item.locale === locale)?.namespaces.find((item) => item.ns === ns)?.entries.find((item) => item.key === key)
    if (!entry) throw new Error(`no status entry for ${locale}/${ns} ${key}`)
    entry.state = 'outdated'
    return status
  }
}

async function kkPage(session: Session): Promise<string> {
  const outcome = await renderEdition(session, KK)
  expect(outcome).not.toHaveProperty('skipped')
  return readFileSync(path.join(session.project.outputDir, 'kk/interview.html'), 'utf8')
}

/**
 * Renders the Kazakh page, breaks `file` with `edit`, applies the save, and
 * checks the edition is skipped with its last good page kept: the session,
 * for what it says of the problem.
 */
async function breakAfterGoodPage(file: string, edit: (text: string) => string, changed: Partial<RebuildPlan>): Promise<Session> {
  const root = smallProject()
  let session = await openSession(root, '.cache/preview', noStatus)
  const good = await kkPage(session)
  writeFileSync(path.join(root, file), edit(readFileSync(path.join(root, file), 'utf8')))
  session = await applyPlan(session, { reload: false, templates: false, assets: false, documents: new Set(), catalogs: [], editions: [KK], ...changed })
  expect(await renderEdition(session, KK)).toMatchObject({ skipped: file })
  expect(readFileSync(path.join(session.project.outputDir, 'kk/interview.html'), 'utf8')).toBe(good)
  return session
}

describe('the preview page', () => {
  it('marks every segment with its key, missing ones in the source language, outdated ones as the hook says', async () => {
    const root = smallProject()
    dropKk(root, DROPPED.slice(2))
    const session = await openSession(root, '.cache/preview', statusWithOutdated('kk', 'interview', OUTDATED))
    const tree = htmlTree(await kkPage(session))
    const byKey = (key: string) => findAll(tree, (node) => node.properties.dataKey === key)
    expect(byKey('meta.title').map((node) => node.tagName)).toEqual(['h1'])
    expect(byKey('question.during-your-tenure-at-interpol').map((node) => node.tagName)).toEqual(['h2'])
    expect(byKey('p.former-interpol-secretary-general-jurgen').map((node) => node.tagName)).toEqual(['p'])
    const missing = byKey(DROPPED)[0]!
    expect(missing.properties).toMatchObject({ dataSegment: 'missing', lang: 'en', tabIndex: 0 })
    expect(byKey(OUTDATED)[0]!.properties.dataSegment).toBe('outdated')
    const bar = findAll(tree, (node) => node.properties.dataPreviewBar !== undefined)[0]!
    expect(bar.properties).toMatchObject({ dataLocale: 'kk', dataCatalog: 'locales/kk/interview.json' })
    const status = findAll(bar, (node) => String(node.properties.className).includes('preview-status'))[0]!
    expect(status.properties).toMatchObject({ dataMissing: '1', dataOutdated: '1' })
    expect(findAll(tree, (node) => node.tagName === 'script' && node.properties.type !== 'application/ld+json')).toHaveLength(1)
  })

  it('shows as outdated what the translation records say: an English sentence edited after translation', async () => {
    const root = smallProject()
    const content = path.join(root, 'content/interview.md')
    writeFileSync(content, readFileSync(content, 'utf8').replace('The key lesson is the need to look ahead', 'The key lesson is the need to look far ahead'))
    const session = await openSession(root, '.cache/preview', recordedStatus)
    const tree = htmlTree(await kkPage(session))
    expect(findAll(tree, (node) => node.properties.dataSegment === 'outdated').map((node) => node.properties.dataKey)).toEqual([OUTDATED])
    await writePreviewStatus(session.project)
    expect(readFileSync(path.join(session.project.outputDir, 'status.html'), 'utf8')).toContain(OUTDATED)
  })

  it('keeps the last good page while a catalog is broken, and names file, line and key', async () => {
    const session = await breakAfterGoodPage('locales/kk/interview.json', () => '{\n  "p": {\n    "we-must-understand-that-the": 42\n  }\n}\n',
      { catalogs: [{ locale: 'kk', ns: 'interview' }] })
    expect([...session.problems.values()]).toEqual([{ file: 'locales/kk/interview.json', line: 3, column: 5, key: 'p.we-must-understand-that-the', ruleId: 'value-type', reason: expect.stringContaining('expected a string') }])
  })

  it('keeps the last good pages while a document\'s front matter is broken, and names file and line', async () => {
    const session = await breakAfterGoodPage('content/interview.md', (text) => text.replace('interviewee: Jürgen Stock', 'interviewee: [Jürgen Stock'),
      { documents: new Set(['interview']) })
    expect(session.problems.get('content/interview.md')).toMatchObject({ file: 'content/interview.md', line: expect.any(Number), reason: expect.stringContaining('Invalid YAML front matter') })
  })

  it('marks a table cell and a figure caption by the key their element carries', async () => {
    const root = makeProject({ 'content/cities.md': '---\ntitle: Cities\nlang: en\n---\n\n| City | River |\n| --- | --- |\n| Almaty | Ili |\n\n:::figure{credit="Photo: someone"}\n![A map](map.png)\n\nThe caption.\n:::\n',
      'content/map.png': Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64') })
    const session = await openSession(root, '.cache/preview', noStatus)
    expect(await renderEdition(session, { doc: 'cities', locale: 'en' })).not.toHaveProperty('skipped')
    const tree = htmlTree(readFileSync(path.join(session.project.outputDir, 'en/cities.html'), 'utf8'))
    const marked = findAll(tree, (node) => node.properties.dataKey !== undefined).map((node) => `${node.tagName} ${String(node.properties.dataKey)}`)
    expect(marked).toEqual(['h1 meta.title', 'th cell.city', 'th cell.river', 'td cell.almaty', 'td cell.ili', 'span caption.the-caption'])
  })

  it('hands EPUB and PDF the same tree a shipped edition has, with no preview mark', async () => {
    const root = smallProject()
    const project = createProject(root)
    const { catalogs } = await loadCatalogs(project, ['en', 'kk', 'ru'], ['interview'])
    const i18n = await createI18n(toResources(catalogs), 'en')
    const document = await loadDocument(path.join(project.contentDir, 'interview.md'), 'en')
    const shipped = await prepareEdition(document, 'kk', { project, i18n, catalogs, locales: ['en', 'kk', 'ru'] })
    const session = await openSession(root, '.cache/preview', noStatus)
    const outcome = await renderEdition(session, KK)
    if ('skipped' in outcome) throw new Error(`skipped: ${outcome.skipped}`)
    expect(readFileSync(path.join(session.project.outputDir, 'kk/interview.html'), 'utf8')).toContain('data-key=')
    expect(toHtml(snapshotOf(outcome.edition).hast)).toBe(toHtml(shipped.hast))
  })
})

describe('shipped editions', () => {
  it('carry no trace of the preview', async () => {
    const out = tempDir('press-out-')
    const result = await build({ root: smallProject(), out, locales: ['kk'], formats: ['html', 'epub'] })
    expect(result.failures).toEqual([])
    const html = readFileSync(path.join(out, 'kk/interview.html'), 'utf8')
    const { zip } = await readEpub(readFileSync(path.join(out, 'kk/interview.epub')))
    const chapter = await zip.file(/interview\.xhtml$/)[0]!.async('string')
    for (const [name, text] of [['html', html], ['epub', chapter], ['index', readFileSync(path.join(out, 'index.html'), 'utf8')]] as const) {
      // The only script a shipped page has is JSON-LD data; no preview code.
      const scripts = [...text.matchAll(/<script([^>]*)>/g)].map((match) => match[1]).filter((attributes) => !attributes!.includes('application/ld+json'))
      expect({ name, traces: ['data-key', 'data-segment', 'preview', '__events', 'tabindex'].filter((trace) => text.includes(trace)), scripts }).toEqual({ name, traces: [], scripts: [] })
    }
  })
})
