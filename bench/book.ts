/**
 * A book-length document for the benchmark: about 70,000 words in 100
 * chapters, made from the interview's paragraphs with varied wording (word
 * substitutions, sentence order, numbers) so that no cache of repeated words
 * or lines flatters the measurement. Deterministic for a given seed.
 */
const SWAPS: Array<[RegExp, string[]]> = [
  [/\bcybercrime\b/g, ['cybercrime', 'online crime', 'digital crime', 'network crime', 'computer crime']],
  [/\bimportant\b/g, ['important', 'significant', 'notable', 'essential', 'valuable']],
  [/\bregional\b/g, ['regional', 'neighbouring', 'cross-border', 'local', 'continental']],
  [/\bcooperation\b/g, ['cooperation', 'collaboration', 'partnership', 'coordination', 'joint work']],
  [/\bthreats\b/g, ['threats', 'dangers', 'risks', 'hazards', 'menaces']],
  [/\btechnologies\b/g, ['technologies', 'tools', 'systems', 'techniques', 'platforms']],
  [/\bcountries\b/g, ['countries', 'states', 'nations', 'governments', 'partners']],
  [/\bstrong\b/g, ['strong', 'robust', 'solid', 'durable', 'firm']],
  [/\blaw enforcement\b/g, ['law enforcement', 'the police', 'investigators', 'policing', 'security services']],
  [/\bcrucial\b/g, ['crucial', 'vital', 'decisive', 'critical', 'central']]
]

export function makeBook(paragraphs: string[], seed = 1, chapters = 100, wordsPerChapter = 700): string {
  const random = mulberry32(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const out = ['---', 'title: "Cooperation against crime: a long report"', 'lang: en', '---', '']
  for (let chapter = 1; chapter <= chapters; chapter++) {
    out.push(`## Chapter ${chapter}: ${pick(['Partnerships', 'Training', 'Foresight', 'Legislation', 'Resilience', 'Technology'])} ${chapter * 7 % 97}`, '')
    let words = 0
    while (words < wordsPerChapter) {
      const sentences = pick(paragraphs).split(/(?<=[.?!])\s+/)
      const shuffled = sentences.sort(() => random() - 0.5)
      let text = shuffled.join(' ')
      for (const [pattern, choices] of SWAPS) text = text.replace(pattern, () => pick(choices))
      text = text.replace(/\b(20\d\d)\b/g, () => String(1990 + Math.floor(random() * 35)))
      text += ` In ${1990 + Math.floor(random() * 35)}, ${Math.floor(random() * 900) + 10} cases were reported.`
      if (random() < 0.15) text = text.replace(/\b(\w{6,})\b/, '*$1*')
      out.push(text, '')
      words += text.split(/\s+/).length
    }
    if (random() < 0.5) out.push(':::question', `What did chapter ${chapter} change in ${pick(['Almaty', 'Astana', 'Lyon', 'Singapore'])}?`, ':::', '')
  }
  return out.join('\n')
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
