/**
 * gettext PO, written and read with gettext-parser. One PO per language,
 * all namespaces in it: `msgctxt` is the key (`<namespace>:<key>` where two
 * namespaces share a key), `msgid` the English, `#.` notes carry the key and,
 * for an outdated translation, the English it was made from, which is also
 * `#| msgid` so Poedit and Lokalize show what changed; outdated is
 * `#, fuzzy`. A plural term is one entry with `msgid_plural` and one
 * `msgstr[i]` per CLDR category of the language (Plural-Forms to match).
 * In: fuzzy is a draft, an empty msgstr is no translation.
 */
import { po as gettextPo, type GetTextTranslation, type GetTextTranslations } from 'gettext-parser'
import { pluralBase, pluralCategories } from '../expected-entries.ts'
import { ExchangeError } from './exchange-error.ts'
import { keysInNote, type Exported, type ExportUnit, type ImportedFile, type ImportedUnit, type KeysFor } from './exchange-units.ts'
import { normalizeText } from './inline-codes.ts'
import { pluralFormsHeader } from './plural-forms.ts'

const EXPECTED = 'a PO file (npm run i18n:export -- --format po)'

export function writePo(exported: Exported, generator = 'polyglot-press'): string {
  const pluralForms = pluralFormsHeader(exported.locale)
  if (!pluralForms) throw new Error(`No gettext Plural-Forms known for \`${exported.locale}\`: add its rule to pipeline/translation/exchange/plural-forms.ts`)
  const shared = sharedKeys(exported)
  const translations: Record<string, Record<string, GetTextTranslation>> = {}
  for (const { ns, units } of exported.namespaces) {
    const done = new Set<string>()
    for (const unit of units) {
      const base = pluralBase(unit.key)
      if (base !== undefined && done.has(base)) continue
      if (base !== undefined) done.add(base)
      const forms = base === undefined ? [unit] : pluralCategories(exported.locale).map((category) => units.find((each) => each.key === `${base}_${category}`)!)
      const context = shared.has(base ?? unit.key) ? `${ns}:${base ?? unit.key}` : base ?? unit.key
      const entry = entryOf(context, ns, forms, base !== undefined)
      translations[context] = { [entry.msgid]: entry }
    }
  }
  const headers = {
    'Project-Id-Version': generator,
    'Report-Msgid-Bugs-To': '',
    'POT-Creation-Date': '',
    'PO-Revision-Date': '',
    'Last-Translator': '',
    'Language-Team': '',
    Language: exported.locale,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    'Plural-Forms': pluralForms,
    'X-Source-Language': exported.sourceLocale
  }
  return gettextPo.compile({ charset: 'utf-8', headers, translations: { '': { '': { msgid: '', msgstr: [''] } }, ...translations } }, { foldLength: 0 }).toString('utf8') + '\n'
}

function entryOf(context: string, ns: string, forms: ExportUnit[], plural: boolean): GetTextTranslation {
  const first = forms[0]!
  const outdated = forms.find((form) => form.state === 'outdated')
  const missing = forms.some((form) => form.target === undefined)
  const notes = [`${ns}:${plural ? forms.map((form) => form.key).join(', ') : first.key}`]
  if (outdated) notes.push(`The source changed since this was translated. It was: ${outdated.previousSource ?? ''}`)
  const singular = forms.find((form) => form.key.endsWith('_one')) ?? first
  const entry: GetTextTranslation = {
    msgctxt: context,
    msgid: singular.source,
    msgstr: missing ? forms.map(() => '') : forms.map((form) => form.target ?? ''),
    comments: {
      extracted: notes.join('\n'),
      ...(outdated && !missing ? { flag: 'fuzzy', previous: `msgid ${JSON.stringify(outdated.previousSource ?? '')}` } : {})
    }
  }
  if (plural) entry.msgid_plural = forms.find((form) => form.key.endsWith('_other'))?.source ?? first.source
  return entry
}

/** Keys that more than one namespace has: their msgctxt names the namespace. */
/**
 * Where an entry belongs: its msgctxt (`key` or `namespace:key`); for a PO
 * another tool made from our files, which may lose or garble msgctxt
 * (translate-toolkit's po2xliff drops it, its xliff2po writes the key as a
 * `#:` reference), the `#. namespace:key` note or the reference. The first
 * that names a key the source has wins.
 */
function placeOf(context: string, comments: GetTextTranslation['comments'], keysOf: ReadonlyMap<string, ReadonlySet<string>>): { ns: string; key: string } {
  const owner = (key: string) => [...keysOf].find(([, keys]) => keys.has(key) || keys.has(`${key}_other`))?.[0]
  const candidates: Array<{ ns?: string; key: string }> = []
  const colon = context.indexOf(':')
  if (colon > 0 && keysOf.has(context.slice(0, colon))) candidates.push({ ns: context.slice(0, colon), key: context.slice(colon + 1) })
  if (context !== '') candidates.push({ key: context })
  const noted = keysInNote(comments?.extracted ?? '')
  if (noted) candidates.push({ ns: noted.ns, key: noted.keys[0]! })
  for (const reference of (comments?.reference ?? '').split(/\s+/).filter(Boolean)) candidates.push({ key: reference })
  for (const candidate of candidates) {
    const ns = candidate.ns ?? owner(candidate.key)
    if (ns && (keysOf.get(ns)?.has(candidate.key) || keysOf.get(ns)?.has(`${candidate.key}_other`))) return { ns, key: candidate.key }
  }
  return { ns: noted?.ns ?? '', key: context }
}

function sharedKeys(exported: Exported): Set<string> {
  const seen = new Map<string, number>()
  for (const { units } of exported.namespaces) {
    for (const key of new Set(units.map((unit) => pluralBase(unit.key) ?? unit.key))) seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  return new Set([...seen].filter(([, count]) => count > 1).map(([key]) => key))
}

/** @param keysFor namespace → the keys a locale must provide (to tell which namespace a bare msgctxt is in) */
export function readPo(text: string, shownPath: string, keysFor: KeysFor): ImportedFile {
  if (text.trim() === '') throw new ExchangeError(`Unexpected empty file, expected ${EXPECTED}`, shownPath)
  let parsed: GetTextTranslations
  try {
    parsed = gettextPo.parse(text, { validation: true })
  } catch (error) {
    const message = (error as Error).message.replace(/^Error parsing PO data: /, '')
    const line = Number(/at line (\d+)/.exec(message)?.[1] ?? 1)
    throw new ExchangeError(`Unexpected PO syntax (${message.split('\n')[0]!.replace(/ at line \d+/, '').replace(/\.$/, '')}), expected ${EXPECTED}`, shownPath, line)
  }
  const locale = parsed.headers.Language ?? parsed.headers.language ?? ''
  const keysOf = keysFor(locale)
  const units: ImportedUnit[] = []
  for (const [context, entries] of Object.entries(parsed.translations)) {
    for (const entry of Object.values(entries)) {
      if (entry.msgid === '' && context === '') continue
      units.push(...unitsOf(context, entry, locale, keysOf))
    }
  }
  return { locale, sourceLocale: parsed.headers['X-Source-Language'] ?? '', units }
}

function unitsOf(context: string, entry: GetTextTranslation, locale: string, keysOf: ReadonlyMap<string, ReadonlySet<string>>): ImportedUnit[] {
  const plural = entry.msgid_plural !== undefined
  const { ns, key } = placeOf(context, entry.comments, keysOf)
  const base = plural ? pluralBase(key) ?? key : key
  const keys = plural ? pluralCategories(locale).map((category) => `${base}_${category}`) : [key]
  const fuzzy = (entry.comments?.flag ?? '').split(',').map((flag) => flag.trim()).includes('fuzzy')
  const empty = entry.msgstr.every((value) => value === '')
  return keys.map((key, index) => {
    const source = plural && !key.endsWith('_one') ? entry.msgid_plural! : entry.msgid
    const raw = entry.msgstr[index]
    const unit: ImportedUnit = { ns, key, source, state: fuzzy ? 'draft' : 'translated' }
    if (empty || raw === undefined || raw === '') return unit
    // PO has no inline codes: Markdown is text (its markup is compared on import).
    return { ...unit, target: normalizeText(raw) }
  })
}
