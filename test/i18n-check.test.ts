/** `npm run i18n:check`: each rule fails on a bad catalog, passes on a good one, and names file, line and key. */
import { describe, expect, it } from 'vitest'
import { parseCatalog } from '../pipeline/i18n/catalog.ts'
import { isCatalogFailure } from '../pipeline/messages.ts'
import { check, problemOf } from '../pipeline/translation/lint/check.ts'
import { lintCatalog, type Problem } from '../pipeline/translation/lint/rules.ts'
import { createProject } from '../pipeline/project.ts'
import { REPO } from './helpers/project.ts'

const FILE = 'locales/kk/doc.json'
const SOURCE = new Map([
  ['meta.interviewer', 'INTERPOL'],
  ['p.read', 'We *must* read [the report](https://example.org/a).'],
  ['readingTime_one', '{{count}} minute read'],
  ['readingTime_other', '{{count}} minutes read']
])

/** Lint a catalog given as JSON text (pretty-printed, so each key has its own line). */
function lint(values: Record<string, string>, ns = 'doc', locale = 'kk'): Problem[] {
  const text = JSON.stringify(values, null, 2)
  return lintCatalog({
    ns, locale, sourceLocale: 'en', expected: SOURCE, terms: [{ source: 'INTERPOL', target: 'INTERPOL', match: 'INTERPOL', doNotTranslate: true }],
    catalog: parseCatalog(new TextEncoder().encode(text), FILE)
  })
}
const GOOD = { 'p.read': 'Біз [баяндаманы](https://example.org/a) *міндетті* түрде оқимыз.' }
const parseProblem = (text: string): Problem => {
  try {
    parseCatalog(new TextEncoder().encode(text), FILE)
  } catch (error) {
    if (isCatalogFailure(error)) return problemOf(error)
  }
  throw new Error('expected a fatal catalog message')
}

describe('i18n:check rules', () => {
  it('invalid-json: names file, line and column', () => {
    expect(parseProblem('{\n  "p": {\n    "a": "x",\n  }\n}')).toMatchObject({ file: FILE, line: 4, column: 3, ruleId: 'invalid-json' })
    expect(() => parseCatalog(new TextEncoder().encode('{\n  "p": { "a": "x" }\n}'), FILE)).not.toThrow()
  })

  it('value-type: a number or list where a string belongs', () => {
    expect(parseProblem('{\n  "p": {\n    "a": 3\n  }\n}')).toMatchObject({ file: FILE, line: 3, key: 'p.a', ruleId: 'value-type' })
    expect(parseProblem('{\n  "p": {\n    "a": ["x"]\n  }\n}')).toMatchObject({ line: 3, key: 'p.a', ruleId: 'value-type' })
  })

  it('interpolation-mismatch: a variable missing, renamed or added', () => {
    const [problem] = lint({ readingTime_one: 'Оқу уақыты: {{cnt}} минут', readingTime_other: 'Оқу уақыты: {{count}} минут' }, 'ui')
    expect(problem).toMatchObject({ file: FILE, line: 2, key: 'readingTime_one', ruleId: 'interpolation-mismatch' })
    expect(problem!.reason).toBe('Unexpected interpolation in `readingTime_one`: {{cnt}} not in the source')
    expect(lint({ readingTime_one: 'Оқу уақыты: {{count}} минут' }, 'ui')).toEqual([])
  })

  it('interpolation-mismatch: only the zero, one and two forms may say the number in words', () => {
    expect(lint({ readingTime_one: 'Бір минут оқу' }, 'ui')).toEqual([])
    const [problem] = lint({ readingTime_other: 'Бірнеше минут оқу' }, 'ui')
    expect(problem).toMatchObject({ key: 'readingTime_other', ruleId: 'interpolation-mismatch' })
    expect(problem!.reason).toBe('Unexpected interpolation in `readingTime_other`: expected {{count}} as in the source')
  })

  it('markup-mismatch: a missing emphasis, an extra strong, a changed link target', () => {
    const problems = lint({ 'p.read': 'Біз **[баяндаманы](https://example.org/b)** міндетті түрде оқимыз.' })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: FILE, line: 2, key: 'p.read', ruleId: 'markup-mismatch' })
    expect(problems[0]!.reason).toBe('Unexpected inline markup in `p.read`: 0 emphasis, expected 1; 1 strong, expected 0; link target `https://example.org/b`, expected `https://example.org/a` (as in the source)')
    expect(lint({ 'p.read': 'Біз _міндетті_ түрде [баяндаманы](https://example.org/a) оқимыз.' })).toEqual([])
    // Plain-text kinds (metadata) are not read as Markdown.
    expect(lint({ 'meta.interviewer': 'INTERPOL *' })).toEqual([])
  })

  it('empty-translation: an empty or blank value', () => {
    expect(lint({ 'p.read': '  ' })).toEqual([expect.objectContaining({ file: FILE, line: 2, key: 'p.read', ruleId: 'empty-translation' })])
    expect(lint(GOOD)).toEqual([])
  })

  it('same-as-source: the English text left in a language that translates it, names allowed', () => {
    const problems = lint({ 'p.read': SOURCE.get('p.read')!, 'meta.interviewer': 'INTERPOL' })
    expect(problems).toEqual([expect.objectContaining({ file: FILE, line: 2, key: 'p.read', ruleId: 'same-as-source' })])
    // English variants are allowed to keep it.
    expect(lint({ 'p.read': SOURCE.get('p.read')! }, 'doc', 'en-GB')).toEqual([])
  })

  it('orphaned-key: a key the source no longer has, and a plural form the language does not use', () => {
    const problems = lint({ ...GOOD, 'p.gone': 'Жоқ', readingTime_few: '{{count}} минут' })
    expect(problems.map((problem) => [problem.key, problem.line, problem.ruleId])).toEqual([['p.gone', 3, 'orphaned-key'], ['readingTime_few', 4, 'orphaned-key']])
    expect(lint({ ...GOOD, readingTime_one: '{{count}} минут', readingTime_other: '{{count}} минут' })).toEqual([])
  })
})

describe('term-mismatch', () => {
  it('a translation without its language\'s term, or with a do-not-translate name translated, names file, line and key', () => {
    const terms = [
      { source: 'report', target: 'баяндама', match: 'баяндама', doNotTranslate: false },
      { source: 'INTERPOL', target: 'INTERPOL', match: 'INTERPOL', doNotTranslate: true }
    ]
    const text = JSON.stringify({ 'p.read': 'Біз [есепті](https://example.org/a) *міндетті* түрде оқимыз.', 'meta.interviewer': 'Интерпол' }, null, 2)
    const problems = lintCatalog({ ns: 'doc', locale: 'kk', sourceLocale: 'en', expected: SOURCE, terms, termbaseFile: 'locales/kk/terms.json', catalog: parseCatalog(new TextEncoder().encode(text), FILE) })
    expect(problems).toEqual([
      expect.objectContaining({ file: FILE, line: 2, key: 'p.read', ruleId: 'term-mismatch', reason: 'Unexpected translation of “report” in `p.read`, expected “баяндама” (locales/kk/terms.json)' }),
      expect.objectContaining({ file: FILE, line: 3, key: 'meta.interviewer', ruleId: 'term-mismatch', reason: 'Unexpected translation of “INTERPOL” in `meta.interviewer`, expected “INTERPOL” kept as it is (locales/kk/terms.json)' })
    ])
    // Inflected forms contain the term: no problem.
    expect(lint({ 'p.read': 'Біз [баяндаманы](https://example.org/a) *міндетті* түрде оқимыз.' })).toEqual([])
  })
})

describe('npm run i18n:check', () => {
  it('finds no problem in the shipped catalogs', async () => {
    expect((await check(createProject(REPO))).problems).toEqual([])
  })
})
