import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assignKeys, similarity, slug } from '../pipeline/segments/assign-keys.ts'
import { referenceAssignKeys } from './helpers/assign-keys-reference.ts'

const unit = (kind: 'p' | 'question', text: string) => ({ kind, text })

describe('assignKeys', () => {
  it('derives a readable key from the kind and first words', () => {
    expect(assignKeys([unit('p', 'We must understand that the threat is rising.')], new Map())).toEqual(['p.we-must-understand-that-the'])
  })

  it('keeps every key when paragraphs are reordered', () => {
    const texts = ['First paragraph about cooperation.', 'Second paragraph about training.', 'Third about equipment.']
    const register = new Map(texts.map((text, index) => [`p.k${index}`, text]))
    const keys = assignKeys([...texts].reverse().map((text) => unit('p', text)), register)
    expect(keys).toEqual(['p.k2', 'p.k1', 'p.k0'])
  })

  it('keeps the key of an edited sentence', () => {
    const register = new Map([
      ['p.kept', 'Kazakhstan has made notable progress in this area, with many meetings hosted.'],
      ['p.other', 'Speed will be both the greatest opportunity and the main challenge.']
    ])
    const keys = assignKeys([
      unit('p', 'Kazakhstan has made remarkable progress in this area, with many meetings hosted.'),
      unit('p', 'Speed will be both the greatest opportunity and the main challenge.')
    ], register)
    expect(keys).toEqual(['p.kept', 'p.other'])
  })

  it('keeps the key of a paragraph whose HTML tags left its text (a tag’s attributes are no words)', () => {
    const register = new Map([['p.he-praised-span-style-color', 'He <span style="color:red">praised</span> the plan.']])
    expect(assignKeys([unit('p', 'He praised the plan.')], register)).toEqual(['p.he-praised-span-style-color'])
  })

  it('gives a new key to new text, never reusing one in the register', () => {
    const register = new Map([['p.hello-world', 'Hello world, said the editor.']])
    const keys = assignKeys([unit('p', 'Hello world, said the editor.'), unit('p', 'Hello world and nothing alike here at all')], register)
    expect(keys[0]).toBe('p.hello-world')
    expect(keys[1]).toBe('p.hello-world-and-nothing-alike')
  })

  it('shares one key between identical units and separates same-slug ones', () => {
    const keys = assignKeys([unit('p', 'Same start here, one.'), unit('p', 'Same start here, one.'), unit('p', 'Same start here, two.')], new Map())
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[0])
  })

  it('does not match across kinds', () => {
    const register = new Map([['question.q', 'Thank you for having me.']])
    expect(assignKeys([unit('p', 'Thank you for having me.')], register)).toEqual(['p.thank-you-for-having-me'])
  })
})

describe('slug and similarity', () => {
  it('folds accents and drops link targets', () => {
    expect(slug('Jürgen [Stock](https://example.org/x) spoke')).toBe('jurgen-stock-spoke')
  })
  it('transliterates text with no Latin letters, and hashes only what stays unreadable', () => {
    expect(slug('Сұхбат туралы қысқаша')).toBe('sukhbat-turaly-qysqasha')
    expect(slug('Интервью с бывшим генеральным секретарём Интерпола')).toBe('intervyu-s-byvshim-generalnym-sekretarem')
    expect(slug('مقابلة مع الأمين العام')).toMatch(/^[a-z0-9-]+$/)
    expect(slug('采访前国际刑警组织秘书长')).toBe('cai-fang-qian-guo-ji')
    expect(slug('— … —')).toMatch(/^x[0-9a-z]+$/)
  })
  it('scores near-identical text high and unrelated text low', () => {
    expect(similarity('the quick brown fox jumps', 'the quick brown fox leaps')).toBeGreaterThan(0.5)
    expect(similarity('the quick brown fox jumps', 'an entirely different sentence')).toBe(0)
  })

  it('gives what looking back over every earlier unit gave: twins, edits, new text, fixed keys', () => {
    // Few words, so texts repeat (twins), resemble each other (edits) and clash as slugs.
    const text = fc.array(fc.constantFrom('crime', 'police', 'training', 'Astana', 'cooperation', 'new'), { minLength: 0, maxLength: 4 }).map((words) => words.join(' '))
    const keyable = fc.record({ kind: fc.constantFrom('p' as const, 'question' as const), text, fixedKey: fc.option(fc.constantFrom('p.fixed', 'question.fixed', 'p.crime'), { nil: undefined, freq: 8 }) })
    const register = fc.array(fc.tuple(fc.constantFrom('p', 'question'), fc.constantFrom('crime', 'police-training', 'astana', 'x1', 'new'), text), { maxLength: 6 }).map((entries) => new Map(entries.map(([kind, key, value]) => [`${kind}.${key}`, value])))
    fc.assert(fc.property(fc.array(keyable, { maxLength: 14 }), register, (units, entries) => {
      expect(assignKeys(units, entries)).toEqual(referenceAssignKeys(units, entries))
    }), { numRuns: 2000 })
  })
})

