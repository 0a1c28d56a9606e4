/** The record of what each translation was made from, and how extract keeps it in step. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { emptyCatalog, parseCatalog } from '../pipeline/i18n/catalog.ts'
import { expectedEntries } from '../pipeline/translation/expected-entries.ts'
import { settle } from '../pipeline/translation/settle-records.ts'
import { namespaceStatus } from '../pipeline/translation/status/status.ts'
import { hashValue, readRecord, recordOf, stringifyRecord, type TranslationRecord } from '../pipeline/translation/translation-record.ts'
import { isCatalogFailure } from '../pipeline/messages.ts'
import { describeMessage } from '../pipeline/report.ts'

const catalogOf = (values: Record<string, string>) => parseCatalog(new TextEncoder().encode(JSON.stringify(values, null, 2)), 'locales/kk/doc.json')

describe('expectedEntries', () => {
  it('expands plural terms to the plural forms of the target language', () => {
    const source = new Map([['title', 'T'], ['n_one', '{{count}} item'], ['n_other', '{{count}} items']])
    expect([...expectedEntries(source, 'ru')]).toEqual([['title', 'T'], ['n_one', '{{count}} item'], ['n_few', '{{count}} items'], ['n_many', '{{count}} items'], ['n_other', '{{count}} items']])
    expect([...expectedEntries(source, 'kk').keys()]).toEqual(['title', 'n_one', 'n_other'])
  })
})

describe('namespaceStatus', () => {
  const expected = new Map([['a', 'New source'], ['b', 'Same'], ['c', 'Untranslated']])
  it('is outdated when the value is untouched and the source moved on; an edited value is an update', () => {
    const record: TranslationRecord = new Map([['a', recordOf('Old source', 'Аударма')], ['b', recordOf('Same', 'Бірдей', true)]])
    const states = (values: Record<string, string>) => namespaceStatus(expected, catalogOf(values), record).map((entry) => [entry.key, entry.state, entry.reviewed ?? false])
    expect(states({ a: 'Аударма', b: 'Бірдей', x: 'Артық' })).toEqual([['a', 'outdated', false], ['b', 'translated', true], ['c', 'missing', false], ['x', 'orphaned', false]])
    expect(states({ a: 'Жаңа аударма', b: 'Бірдей', c: '' })).toEqual([['a', 'translated', false], ['b', 'translated', true], ['c', 'missing', false]])
  })

  it('counts a value nobody recorded as translated', () => {
    expect(namespaceStatus(new Map([['a', 'S']]), catalogOf({ a: 'А' }), new Map())[0]!.state).toBe('translated')
    expect(namespaceStatus(new Map([['a', 'S']]), emptyCatalog('x'), new Map())[0]!.state).toBe('missing')
  })
})

describe('settle (run by i18n:extract)', () => {
  it('records an edit against the source it was made from, before the source moves on', () => {
    const before = new Map([['a', 'Old'], ['b', 'Kept']])
    const after = new Map([['a', 'New'], ['b', 'Kept']])
    const previous: TranslationRecord = new Map([['a', recordOf('Old', 'Ескі')], ['gone', recordOf('X', 'Y')]])
    const record = settle(before, after, new Map([['a', 'Түзетілген'], ['b', 'Сақталған']]), previous)
    // Edited while the source said "Old": recorded against "Old", so it shows as outdated now.
    expect(record.get('a')).toEqual({ source: 'Old', translation: hashValue('Түзетілген') })
    expect(record.get('b')).toEqual({ source: 'Kept', translation: hashValue('Сақталған') })
    expect(record.has('gone')).toBe(false)
    // An untouched entry is kept as it is.
    expect(settle(before, after, new Map([['a', 'Ескі']]), previous).get('a')).toBe(previous.get('a'))
  })

  it('moves a record on when only the source’s HTML tags left it (its words the same), and not when a word did', () => {
    const before = new Map([['a', 'He praised <b>Kazakhstan</b>.'], ['b', 'Boats <span hidden>never</span> wait.']])
    const after = new Map([['a', 'He praised Kazakhstan.'], ['b', 'Boats wait.']])
    const previous: TranslationRecord = new Map([['a', recordOf(before.get('a')!, 'Ол <b>Қазақстанды</b> мақтады.', true)], ['b', recordOf(before.get('b')!, 'Қайықтар күтеді.')]])
    const record = settle(before, after, new Map([['a', 'Ол <b>Қазақстанды</b> мақтады.'], ['b', 'Қайықтар күтеді.']]), previous)
    expect(record.get('a')).toEqual({ source: 'He praised Kazakhstan.', translation: hashValue('Ол <b>Қазақстанды</b> мақтады.'), state: 'reviewed' })
    expect(record.get('b')).toBe(previous.get('b'))
  })

  it('writes one key per entry, state only when reviewed', () => {
    expect(stringifyRecord(new Map([['p.a', recordOf('S', 'V', true)], ['p.b', recordOf('S', 'V')]]))).toBe(
      `{\n  "p.a": {\n    "source": "S",\n    "translation": "${hashValue('V')}",\n    "state": "reviewed"\n  },\n  "p.b": {\n    "source": "S",\n    "translation": "${hashValue('V')}"\n  }\n}\n`
    )
  })
})

describe('readRecord', () => {
  it('names file, line and key of a damaged record (say, after a bad merge)', async () => {
    const file = `${mkdtempSync(`${tmpdir()}/press-record-`)}/doc.translated-from.json`
    writeFileSync(file, '{\n  "p.a": {\n    "source": "S",\n    "state": "maybe"\n  }\n}\n')
    const failure = await readRecord(file, 'locales/kk/doc.translated-from.json').then(() => undefined, (error: unknown) => error)
    expect(isCatalogFailure(failure) && describeMessage(failure, process.cwd())).toBe('locales/kk/doc.translated-from.json:4:14: Unexpected state `maybe` for `p.a`, expected `reviewed`')
    expect(failure).toMatchObject({ fatal: true, key: 'p.a.state', ruleId: 'invalid-json' })
    writeFileSync(file, '{\n  "p.a": {\n    "source": "S",\n    "translation": "0123"\n  }\n}\n')
    expect(await readRecord(file)).toEqual(new Map([['p.a', { source: 'S', translation: '0123' }]]))
  })
})
