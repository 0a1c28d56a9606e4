/**
 * Latin letters and European digits inside Arabic text are set at the size
 * Latin text has in the other editions, not at the Arabic body's: Naskh's
 * letters are small on their body (the Arabic edition is set 18 % larger
 * to match Latin), while its digits and Latin letters are Noto Serif's, so
 * at the Arabic size a year or a name stood taller than the alef (0.72 em
 * against 0.67) and read as a size too large. At the Latin size a digit is
 * as tall as an Arabic-Indic one (٢ ٤: 0.57–0.60 em of the Arabic size).
 */
import type { TextRun } from './types.ts'

/**
 * A Latin, Greek or Cyrillic letter, or a European digit that is not a
 * keycap's base: 3️⃣ is one emoji, which the itemizer sets whole in the
 * emoji face only when it finds the digit and its marks in one run.
 */
const LATIN = '(?:[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}]|[0-9](?![\\ufe0f\\u20e3]))'
/** A Latin word or number with what joins it to the next (Jürgen Stock, 3.5, 2014–2024, 10 %). */
const LATIN_TOKEN = new RegExp(`${LATIN}+(?:[ .,:/'’&\\-–]+${LATIN}+)*(?: ?%)?`, 'gu')

/** Runs cut where Latin tokens start and end, those set at `scale` times their size. */
export function latinAtLatinSize(runs: readonly TextRun[], scale: number): TextRun[] {
  return runs.flatMap((run) => {
    const parts: TextRun[] = []
    let from = 0
    for (const match of run.text.matchAll(LATIN_TOKEN)) {
      if (match.index > from) parts.push({ ...run, text: run.text.slice(from, match.index) })
      parts.push({ ...run, text: match[0], size: run.size * scale, rise: run.rise === undefined ? undefined : run.rise * scale })
      from = match.index + match[0].length
    }
    if (from === 0) return [run]
    if (from < run.text.length) parts.push({ ...run, text: run.text.slice(from) })
    return parts
  })
}
