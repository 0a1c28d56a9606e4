/**
 * assignKeys as it was before each pass kept the first key of each text
 * (it looked back over every earlier unit for a twin): what the faster one
 * is checked against in test/assign-keys.test.ts. Similarity is the
 * exported one, the same measure the function caches per text.
 */
import { type Keyable, kindOf, similarity, slug } from '../../pipeline/segments/assign-keys.ts'

const KEEP_KEY_SIMILARITY = 0.5
const kindText = (kind: string, text: string) => `${kind}\u0000${text}`

export function referenceAssignKeys(units: Keyable[], register: ReadonlyMap<string, string>): string[] {
  const keys: (string | undefined)[] = units.map((unit) => unit.fixedKey)
  const used = new Set<string>(keys.filter((key): key is string => key !== undefined))
  const byText = new Map<string, string>()
  for (const [key, text] of register) if (!byText.has(kindText(kindOf(key), text))) byText.set(kindText(kindOf(key), text), key)
  units.forEach((unit, index) => {
    if (keys[index]) return
    const key = byText.get(kindText(unit.kind, unit.text))
    if (key) {
      keys[index] = key
      used.add(key)
    }
  })
  const twinKey = (index: number): string | undefined => {
    const unit = units[index]!
    const twin = units.findIndex((other, at) => at < index && keys[at] && other.kind === unit.kind && other.text === unit.text)
    return twin === -1 ? undefined : keys[twin]
  }
  units.forEach((unit, index) => {
    keys[index] ??= twinKey(index)
    if (keys[index]) return
    let best: string | undefined
    let bestScore = KEEP_KEY_SIMILARITY
    for (const [key, text] of register) {
      if (used.has(key) || kindOf(key) !== unit.kind) continue
      const score = similarity(unit.text, text)
      if (score >= bestScore) {
        best = key
        bestScore = score
      }
    }
    if (best) {
      keys[index] = best
      used.add(best)
    }
  })
  units.forEach((unit, index) => {
    keys[index] ??= twinKey(index)
    if (keys[index]) return
    const base = `${unit.kind}.${slug(unit.text)}`
    let key = base
    for (let n = 2; used.has(key) || register.has(key); n++) key = `${base}-${n}`
    keys[index] = key
    used.add(key)
  })
  return keys as string[]
}
