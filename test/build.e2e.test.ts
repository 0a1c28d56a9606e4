/**
 * Builds every edition of this repository into a temporary folder and reads
 * each one back as a reader's software would.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../pipeline/build.ts'
import { listLocales, createProject } from '../pipeline/project.ts'
import { findAll, htmlText, htmlTree, normalize, pdfText, readEpub, sentencesOf } from './helpers/read-back.ts'
import { copyRepoProject, REPO, SEED, tempDir } from './helpers/project.ts'

const seedSentences = sentencesOf(readFileSync(SEED, 'utf8'))
/** Sentences of the answers (the paragraphs after each question) in English. */
const englishCatalog = JSON.parse(readFileSync(path.join(REPO, 'locales/en/interview.json'), 'utf8')) as Record<string, Record<string, string>>
const englishAnswerSentences = Object.values(englishCatalog.p ?? {}).flatMap((text) => sentencesOf(text))
// Counted in the source, so the test follows the interview as editors change it.
const interviewSource = readFileSync(path.join(REPO, 'content/interview.md'), 'utf8')
const QUESTIONS = interviewSource.match(/^:::question\b/gm)?.length ?? 0
const FIGURES = interviewSource.match(/^:::figure\b/gm)?.length ?? 0

let out: string
let result: BuildResult
let locales: string[]
const read = (relative: string) => readFileSync(path.join(out, relative))

beforeAll(async () => {
  out = tempDir('press-out-')
  locales = await listLocales(createProject(REPO))
  result = await build({ root: REPO, out })
})

describe('npm run build:all', () => {
  it('writes every locale × format, the index and the manifest, with no failure', () => {
    expect(result.failures).toEqual([])
    expect(locales).toEqual(expect.arrayContaining(['en', 'kk', 'ru']))
    const editions = result.written.filter((entry) => entry.document === 'interview').map((entry) => entry.path).sort()
    expect(editions).toEqual(locales.flatMap((locale) => ['epub', 'html', 'pdf'].map((format) => `${locale}/interview.${format}`)).sort())
    const manifest = JSON.parse(read('manifest.json').toString()) as { files: Array<{ path: string; bytes: number; sha256: string; locale: string | null; format: string }> }
    for (const entry of manifest.files) expect(read(entry.path).byteLength).toBe(entry.bytes)
    expect(manifest.files.find((entry) => entry.path === 'kk/interview.pdf')).toMatchObject({ locale: 'kk', format: 'pdf' })
  })

  it('reports no missing translation for the shipped locales', () => {
    expect(result.missing).toBe(0)
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([])
  })

  it('lists every edition in the index, each language named in itself', () => {
    const tree = htmlTree(read('index.html').toString())
    const hrefs = findAll(tree, (node) => node.tagName === 'a').map((node) => String(node.properties.href))
    for (const locale of locales) for (const format of ['html', 'epub', 'pdf']) expect(hrefs).toContain(`${locale}/interview.${format}`)
    const text = htmlText(read('index.html').toString())
    expect(text).toContain('Қазақша')
    expect(text).toContain('Русский')
  })
})

describe('a build of some editions', () => {
  it('keeps every edition the folder holds in the index, and lists nothing it does not hold', async () => {
    const out = tempDir('press-out-')
    const hrefs = () => editionLinks(readFileSync(path.join(out, 'index.html'), 'utf8'))
    await build({ root: REPO, out, formats: ['html'] })
    await build({ root: REPO, out, formats: ['html', 'epub'], locales: ['kk'] })
    expect(hrefs()).toEqual(['en/interview.html', 'ar/interview.html', 'kk/interview.html', 'kk/interview.epub', 'ru/interview.html', 'zh/interview.html'])
  })

  it('keeps listing an edition this build failed: its last good file stays published (test/last-good-state.e2e.test.ts)', async () => {
    const root = copyRepoProject()
    const index = () => editionLinks(readFileSync(path.join(root, 'output/index.html'), 'utf8'))
    await build({ root, formats: ['html'] })
    expect(index()).toContain('kk/interview.html')
    writeFileSync(path.join(root, 'locales/kk/ui.json'), '{ "languageName": ')
    const result = await build({ root, formats: ['html'] })
    expect(result.failures.map((failure) => failure.locale)).toEqual(['kk'])
    expect(existsSync(path.join(root, 'output/kk/interview.html'))).toBe(true)
    expect(index()).toEqual(['en/interview.html', 'ar/interview.html', 'kk/interview.html', 'ru/interview.html', 'zh/interview.html'])
  })
})

/** The index's links to editions, each once, in order (a row links its page by the title and in its list of formats). */
function editionLinks(html: string): string[] {
  return [...new Set(findAll(htmlTree(html), (node) => node.tagName === 'a').map((node) => String(node.properties.href)).filter((href) => /^[\w-]+\/[\w-]+\.(html|epub|pdf)$/.test(href)))]
}

describe('the English editions', () => {
  it('HTML holds every sentence of the seed', () => {
    const text = htmlText(read('en/interview.html').toString())
    expect(seedSentences.filter((sentence) => !text.includes(sentence))).toEqual([])
  })

  it('EPUB text holds every sentence of the seed', async () => {
    const { text } = await readEpub(read('en/interview.epub'))
    expect(seedSentences.filter((sentence) => !text.includes(sentence))).toEqual([])
  })

  it('PDF text, as pdf.js extracts it, holds every sentence of the seed', async () => {
    const { text } = await pdfText(read('en/interview.pdf'))
    expect(seedSentences.filter((sentence) => !text.includes(sentence))).toEqual([])
  })

  it('HTML is a semantic page: lang, landmarks, questions as headings, no placeholder for the photos it has no image of, alternates', () => {
    const tree = htmlTree(read('en/interview.html').toString())
    const html = findAll(tree, (node) => node.tagName === 'html')[0]!
    expect(html.properties.lang).toBe('en')
    for (const tag of ['header', 'main', 'footer', 'article', 'nav']) expect(findAll(tree, (node) => node.tagName === tag).length).toBeGreaterThan(0)
    expect(findAll(tree, (node) => node.tagName === 'h1')).toHaveLength(1)
    const questions = findAll(tree, (node) => node.tagName === 'h2' && String(node.properties.className).includes('question'))
    expect(QUESTIONS).toBeGreaterThan(0)
    expect(questions).toHaveLength(QUESTIONS)
    const figures = findAll(tree, (node) => node.tagName === 'figure')
    expect(figures).toHaveLength(FIGURES)
    for (const figure of figures) expect(findAll(figure, (node) => node.tagName === 'figcaption')).toHaveLength(1)
    // A figure without an image file is left out: never a placeholder; the interview's credits are the article's last lines.
    expect(findAll(tree, (node) => String(node.properties.className).includes('placeholder'))).toHaveLength(0)
    const credits = findAll(tree, (node) => String(node.properties.className).includes('directive-credits'))
    expect(credits.map((node) => findAll(node, (child) => child.tagName === 'p').length)).toEqual([2])
    const alternates = findAll(tree, (node) => node.tagName === 'link' && node.properties.rel?.toString() === 'alternate')
    expect(alternates.map((node) => node.properties.hrefLang)).toEqual(expect.arrayContaining([...locales, 'x-default']))
    const links = findAll(tree, (node) => node.tagName === 'a').map((node) => node.properties.href)
    expect(links).toEqual(expect.arrayContaining(['interview.epub', 'interview.pdf', '../kk/interview.html', '../ru/interview.html']))
    // The only script is data: schema.org JSON-LD, never code.
    expect(findAll(tree, (node) => node.tagName === 'script').map((node) => node.properties.type)).toEqual(['application/ld+json'])
  })

  it('EPUB declares its language, title, creator and publisher', async () => {
    const { opf, zip } = await readEpub(read('en/interview.epub'))
    expect(opf).toContain('<dc:language>en</dc:language>')
    expect(opf).toContain('xml:lang="en"')
    expect(opf).toContain('<dc:title id="title">AI and cybercrime')
    expect(opf).toContain('<dc:creator id="creator-0">Kazinform</dc:creator>')
    expect(opf).toContain('<dc:publisher>Kazinform</dc:publisher>')
    expect(opf).toMatch(/properties="nav"/)
    expect(zip.file('OEBPS/toc.xhtml')).not.toBeNull()
  })

  it('PDF is tagged: a structure tree with the title, every question as a heading, paragraphs, and no figure', () => {
    const structure = execFileSync('pdfinfo', ['-struct', path.join(out, 'en/interview.pdf')]).toString()
    const roles = structure.split('\n').map((line) => line.trim().split(' ')[0]).filter(Boolean)
    expect(roles[0]).toBe('Document')
    expect(roles.filter((role) => role === 'H1')).toHaveLength(1)
    expect(roles.filter((role) => role === 'H2')).toHaveLength(QUESTIONS)
    expect(roles.filter((role) => role === 'Caption')).toHaveLength(FIGURES)
    expect(roles.filter((role) => role === 'P').length).toBeGreaterThan(12)
    expect(execFileSync('pdfinfo', [path.join(out, 'en/interview.pdf')]).toString()).toMatch(/Tagged:\s+yes/)
  })

  it('PDF has A4 pages, metadata, language, an outline and page numbers', async () => {
    const data = read('en/interview.pdf')
    const info = execFileSync('pdfinfo', ['-'], { input: data }).toString()
    expect(info).toMatch(/Title:\s+AI and cybercrime/)
    expect(info).toMatch(/Author:\s+Kazinform/)
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/)
    const raw = data.toString('latin1')
    expect(raw).toMatch(/\/Lang \(en\)/)
    expect(raw).toMatch(/\/Outlines \d+ 0 R/)
    const { pageTexts } = await pdfText(data)
    // Page numbers are artifacts: pdf.js sees them only when asked for everything.
    const folios = execFileSync('pdftotext', ['-layout', '-', '-'], { input: data }).toString()
    expect(folios).toContain(`Page 1 of ${pageTexts.length}`)
  })
})

describe('the translated editions', () => {
  const translated = ['kk', 'ru', 'ar', 'zh'] as const

  for (const locale of translated) {
    it(`${locale}: every format carries the translations and no English answer sentence`, async () => {
      const catalog = JSON.parse(readFileSync(path.join(REPO, `locales/${locale}/interview.json`), 'utf8')) as Record<string, Record<string, string>>
      const expected = Object.values(catalog.p ?? {}).map(normalize)
      const texts = {
        html: htmlText(read(`${locale}/interview.html`).toString()),
        epub: (await readEpub(read(`${locale}/interview.epub`))).text,
        pdf: (await pdfText(read(`${locale}/interview.pdf`))).text
      }
      for (const [format, text] of Object.entries(texts)) {
        expect({ format, missing: expected.filter((paragraph) => !text.includes(paragraph)) }).toEqual({ format, missing: [] })
        expect({ format, english: englishAnswerSentences.filter((sentence) => text.includes(sentence)) }).toEqual({ format, english: [] })
      }
    })

    it(`${locale}: html and epub say their language`, async () => {
      const tree = htmlTree(read(`${locale}/interview.html`).toString())
      expect(findAll(tree, (node) => node.tagName === 'html')[0]!.properties.lang).toBe(locale)
      const { opf } = await readEpub(read(`${locale}/interview.epub`))
      expect(opf).toContain(`<dc:language>${locale}</dc:language>`)
    })
  }

  it('kk PDF text extracts as Kazakh letters', async () => {
    const { text } = await pdfText(read('kk/interview.pdf'))
    for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) expect(text).toContain(letter)
  })

  it('every PDF embeds all of its fonts as subsets', () => {
    for (const locale of locales) {
      const listing = execFileSync('pdffonts', [path.join(out, `${locale}/interview.pdf`)]).toString().trim().split('\n').slice(2)
      expect(listing.length).toBeGreaterThan(0)
      for (const line of listing) {
        const columns = line.trim().split(/\s+/)
        // name type… encoding emb sub uni object ID: emb and sub are the 5th and 4th from the end.
        expect({ locale, font: columns[0], emb: columns.at(-5), sub: columns.at(-4) }).toEqual({ locale, font: columns[0], emb: 'yes', sub: 'yes' })
        expect(columns[0]).toMatch(/^[A-Z]{6}\+/)
      }
    }
  })
})
