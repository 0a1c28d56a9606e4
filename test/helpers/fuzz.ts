/**
 * What the fuzz tests throw at the build: catalog values made of random
 * Unicode, markup-like text, direction marks, combining and astral
 * characters, lone surrogates and control characters; Markdown documents
 * made of random blocks holding such text. And one function that builds a
 * case (one tiny document, English and Kazakh, every format) and returns
 * every problem found reading the editions back.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { build } from '../../pipeline/build.ts'
import { extract } from '../../pipeline/translation/extract.ts'
import { faceFont, fallbackFaces } from '../../pipeline/render/pdf/fonts.ts'
import { makePng } from './png.ts'
import { makeProject, REPO, writeProject } from './project.ts'
import { htmlArticleText } from '../corpus/read-words.ts'
import { pdfText } from './read-back.ts'
import { epubProblems, htmlProblems, pdfProblems } from './validate.ts'

const MARKUP = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<iframe src="javascript:alert(1)"></iframe>', '<style>*{display:none}</style>',
  '<b onclick="x">', '</p>', '[link](javascript:alert(1))', '[data](data:text/html,<script>alert(1)</script>)', '[vb](vbscript:msgbox(1))',
  '[ok](https://example.org/a?b=c#d)', '![remote](https://example.org/x.png)', '![local](images/card.png)', '"><', "' onmouseover='alert(1)",
  ']]>', '<![CDATA[', '<!--', '-->', '{{name}}', '{{- name}}', '$t(contents)', '*', '**', '_', '`', '\\', '&amp;', '&#12;', '&#0;', '&#x202e;',
  ':::', ':span[x]{onclick=y}', '\n', '\n\n', '# ', '> ', '- ', '1. ', '---', '<http://example.org>', '[ref]', '|', '~~~', '    '
]
const WORDS = ['Сәлем', 'әлем', 'Қазақстан', 'ғылым', 'Привет', 'мир', 'Jürgen', 'Straße', 'façade', 'Ελλάδα', 'مرحبا', 'שלום', '中文', '😀', '👩‍💻', '🇰🇿', '\ue000']
const MARKS = ['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u0301', '\u0308', '\u200d', '\ufe0f', '\u00ad']

/** One catalog value: a few random pieces, joined. */
export const catalogValue: fc.Arbitrary<string> = fc.array(fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code)) }
), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(''))

/** Text inside a Markdown block: no blank line, so the block stays one block. */
const inline = catalogValue.map((value) => value.replace(/\n\s*\n/g, '\n'))

/** A Markdown document: random blocks of the kinds our dialect knows, and some it does not. */
export const markdownDocument: fc.Arbitrary<string> = fc.array(fc.oneof(
  inline,
  inline.map((text) => `# ${text}`),
  inline.map((text) => `## ${text}`),
  inline.map((text) => `> ${text}`),
  fc.array(inline, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `* ${item.replace(/\n/g, ' ')}`).join('\n')),
  fc.array(inline, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, index) => `${index + 1}. ${item.replace(/\n/g, ' ')}`).join('\n')),
  inline.map((text) => `:::question\n${text}\n:::`),
  inline.map((text) => `:::standfirst\n${text}\n:::`),
  fc.tuple(inline, inline).map(([caption, credit]) => `:::figure{credit=${JSON.stringify(credit.replace(/["\n]/g, ''))}}\n![${caption.replace(/[\]\n]/g, '')}](images/card.png)\n\n${caption}\n:::`),
  inline.map((text) => '```\n' + text + '\n```'),
  // A footnote: set at the foot of the PDF page (or as an endnote), tagged Note.
  fc.tuple(inline, fc.nat(2), inline).map(([text, label, note]) => `${text.replace(/\n/g, ' ')}[^n${label}]\n\n[^n${label}]: ${note.replace(/\n/g, ' ')}`),
  inline.map((text) => `<div>${text}</div>`),
  fc.constant('---')
), { minLength: 0, maxLength: 6 }).map((blocks) => `---\ntitle: Fuzz\n---\n\n${blocks.join('\n\n')}\n`)

export interface FuzzCase {
  markdown: string
  /** Kazakh values, given in turn to the document's keys (and two interface terms). */
  values: string[]
}

const KK_UI = JSON.parse(readFileSync(path.join(REPO, 'locales/kk/ui.json'), 'utf8')) as Record<string, unknown>
const LATIN_FACES = [...new Set((['serif', 'serifBold', 'serifItalic', 'serifBoldItalic', 'sans', 'sansBold', 'sansItalic', 'sansBoldItalic'] as const).flatMap((role) => fallbackFaces(role, 'latin')[0]!))]
/** Code points some face of a Latin-script edition can draw. */
const coverage = { has: (codePoint: number) => LATIN_FACES.some((face) => faceFont(face).hasGlyphForCodePoint(codePoint)) }

/** Build a case and read every edition back; returns what is wrong (nothing, when all is well). */
export async function problemsOf(fuzzCase: FuzzCase): Promise<string[]> {
  const root = makeProject({})
  try {
    return await buildAndRead(root, fuzzCase)
  } finally {
    rmSync(root, { recursive: true, force: true }) // hundreds of cases per run
  }
}

async function buildAndRead(root: string, { markdown, values }: FuzzCase): Promise<string[]> {
  writeProject(root, {
    'content/doc.md': markdown,
    'content/images/card.png': makePng(4, 4, [10, 120, 200]),
    'locales/kk/ui.json': JSON.stringify({ ...KK_UI, languageName: values[0] ?? 'Қазақша', skipToContent: values[1] ?? '' })
  })
  await extract(root)
  const source = JSON.parse(readFileSync(path.join(root, 'locales/en/doc.json'), 'utf8')) as Record<string, Record<string, string>>
  const kk: Record<string, Record<string, string>> = {}
  let next = 0
  for (const [group, entries] of Object.entries(source)) {
    for (const key of Object.keys(entries)) (kk[group] ??= {})[key] = values[next++ % values.length] ?? ''
  }
  writeFileSync(path.join(root, 'locales/kk/doc.json'), JSON.stringify(kk, null, 2))

  const result = await build({ root })
  const problems = result.failures.map((failure) => `failed ${failure.locale} ${failure.format ?? ''}: ${failure.reason}`)
  for (const locale of ['en', 'kk']) {
    const read = (format: string) => readFileSync(path.join(root, 'output', locale, `doc.${format}`))
    if (result.failures.some((failure) => failure.locale === locale)) continue
    const html = read('html').toString()
    problems.push(...htmlProblems(html, `${locale}.html`), ...(await epubProblems(read('epub'), `${locale}.epub`)), ...(await pdfProblems(read('pdf'), `${locale}.pdf`)))
    // The PDF shows every letter the page shows, in the scripts its fonts cover.
    const pdf = letters((await pdfText(read('pdf'))).text)
    const missing = [...letters(htmlArticleText(html, { print: true }))].filter((letter) => !pdf.has(letter))
    if (missing.length > 0) problems.push(`${locale}.pdf lacks letters the HTML shows: ${missing.join(' ')}`)
  }
  return problems
}

/** Letters of Latin, Cyrillic and Greek that the PDF fonts have, compared without marks, case or compatibility forms. */
function letters(text: string): Set<string> {
  const found = new Set<string>()
  for (const char of text) {
    if (!coverage.has(char.codePointAt(0)!)) continue // no face has it: a missing-glyph warning
    for (const part of char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()) {
      if (/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u.test(part) && /\p{L}/u.test(part)) found.add(part)
    }
  }
  return found
}
