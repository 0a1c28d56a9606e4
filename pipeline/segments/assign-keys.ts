/**
 * Gives every unit a stable key. The source catalog (locales/<src>/<doc>.json)
 * is the register of keys: a unit whose text is there keeps that key, an
 * edited unit keeps the key of the entry it most resembles, and only a truly
 * new unit gets a new key, made from its kind and first words. So reordering
 * paragraphs or fixing a typo never renames a key.
 */
import anyAscii from 'any-ascii'
import { withoutTags } from '../content/untrusted-text.ts'
import type { SegmentKind } from '../types.ts'

export interface Keyable {
  kind: SegmentKind
  text: string
  fixedKey?: string | undefined
}

/** How alike an edited text must be to keep its old key (0–1). */
const KEEP_KEY_SIMILARITY = 0.5
const SLUG_WORDS = 5

/**
 * @param units units in document order
 * @param register source catalog entries, key → source text
 * @returns one key per unit, aligned with `units`
 */
export function assignKeys(units: Keyable[], register: ReadonlyMap<string, string>): string[] {
  const keys: (string | undefined)[] = units.map((unit) => unit.fixedKey)
  const used = new Set<string>(keys.filter((key): key is string => key !== undefined))
  const byText = new Map<string, string>()
  for (const [key, text] of register) if (!byText.has(kindText(kindOf(key), text))) byText.set(kindText(kindOf(key), text), key)

  // Identical text keeps its key; identical units share one.
  units.forEach((unit, index) => {
    if (keys[index]) return
    const key = byText.get(kindText(unit.kind, unit.text))
    if (key) {
      keys[index] = key
      used.add(key)
    }
  })

  // The same text of the same kind earlier in the document shares its key: the first such unit's, kept
  // as each pass goes (looking back at every earlier unit was quadratic: 1,700 new paragraphs of a book, 80 ms).
  const firstKeyOf = () => {
    const first = new Map<string, string>()
    return {
      get: (unit: Keyable) => first.get(kindText(unit.kind, unit.text)),
      keep: (unit: Keyable, key: string | undefined) => {
        if (key && !first.has(kindText(unit.kind, unit.text))) first.set(kindText(unit.kind, unit.text), key)
      }
    }
  }

  // Edited text keeps the key of the most similar unused entry of its kind.
  // Bigrams are computed once per text: thousands of edited segments stay fast.
  const grams = new Map<string, Set<string>>()
  const gramsOf = (text: string) => grams.get(text) ?? grams.set(text, bigrams(text)).get(text)!
  const edited = firstKeyOf()
  units.forEach((unit, index) => {
    keys[index] ??= edited.get(unit)
    if (!keys[index]) {
      let best: string | undefined
      let bestScore = KEEP_KEY_SIMILARITY
      for (const [key, text] of register) {
        if (used.has(key) || kindOf(key) !== unit.kind) continue
        const score = dice(unit.text, text, gramsOf(unit.text), gramsOf(text))
        if (score >= bestScore) {
          best = key
          bestScore = score
        }
      }
      if (best) {
        keys[index] = best
        used.add(best)
      }
    }
    edited.keep(unit, keys[index])
  })

  // Anything left is new.
  const added = firstKeyOf()
  units.forEach((unit, index) => {
    keys[index] ??= added.get(unit)
    if (!keys[index]) {
      const base = `${unit.kind}.${slug(unit.text)}`
      let key = base
      for (let n = 2; used.has(key) || register.has(key); n++) key = `${base}-${n}`
      keys[index] = key
      used.add(key)
    }
    added.keep(unit, keys[index])
  })
  return keys as string[]
}

/** Kinds of segment whose catalog value is plain text, not inline Markdown (segments/segment-units.ts: inline: false). */
export const PLAIN_KINDS: ReadonlySet<string> = new Set(['meta', 'credit', 'alt', 'label'])

/** The kind part of a key (`p.we-must` → `p`). */
export function kindOf(key: string): string {
  return key.slice(0, key.indexOf('.'))
}

/**
 * A short ASCII slug of the first words. Text without Latin letters is
 * transliterated (Cyrillic, Arabic, Greek; Chinese as pinyin syllables) so a
 * translator reads the key; a hash only where nothing readable is left.
 */
export function slug(text: string): string {
  const words = asciiWords(text) ?? asciiWords(transliterated(text))
  if (words) return words.slice(0, SLUG_WORDS).join('-')
  return 'x' + fnv1a(text).toString(36)
}

// Soft and hard signs (' and ") join their word; pinyin's capitals start a syllable.
const transliterated = (text: string) => anyAscii(withoutLinkTargets(text)).replace(/['"`]/g, '').replace(/([a-z])([A-Z])/g, '$1 $2')

// Link targets are dropped, link text kept.
const withoutLinkTargets = (text: string) => text.replace(/\]\([^)]*\)/g, ' ')

function asciiWords(text: string): string[] | undefined {
  const words = withoutLinkTargets(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()).match(/[a-z0-9]+/g)
  return words && words.length > 0 ? words : undefined
}

/** Dice coefficient over word bigrams: robust to small edits and reordering within a sentence. */
export function similarity(a: string, b: string): number {
  return dice(a, b, bigrams(a), bigrams(b))
}

function dice(a: string, b: string, x: Set<string>, y: Set<string>): number {
  if (x.size === 0 || y.size === 0) return a === b ? 1 : 0
  let shared = 0
  for (const gram of x) if (y.has(gram)) shared++
  return (2 * shared) / (x.size + y.size)
}

function bigrams(text: string): Set<string> {
  // A tag's name and attributes are no words: a text whose tags left (content/raw-html-inline.ts) keeps its key.
  const words = (text.includes('<') ? withoutTags(text) : text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const grams = new Set<string>()
  for (let i = 0; i < words.length; i++) grams.add(`${words[i]} ${words[i + 1] ?? ''}`)
  return grams
}

function kindText(kind: string, text: string): string {
  return `${kind}\u0000${text}`
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}
