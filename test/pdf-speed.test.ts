/**
 * What the PDF writer does once instead of again (README, "Speed"), checked
 * to give the same results as doing it again: fontkit's subsets with simple
 * glyphs copied undecoded, the loca table read in one loop, the hyphenator's points remembered per word,
 * widths remembered per face and text, each face's glyph per character, and
 * the glyph encoder's texts compared without making their code points;
 * and HarfBuzz given each face without its outlines, shaping alike;
 * total fit weighing candidates without a node each, choosing alike;
 * font fallback by code point with the run's own face first, itemizing alike;
 * Liang's patterns looked up word by word, hyphenating as npm `hyphen` does;
 * lines whose levels are all 0 put in order without UAX #9's reordering;
 * TeX patterns compiled character by character into the same table, and
 * kept compiled in the project's cache; pdfkit's documents made without
 * Helvetica, the same bytes; a stream's text kept as strings until the
 * stream ends, the same bytes.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as fontkit from 'fontkit'
import { describe, expect, it } from 'vitest'
import { faceFont } from '../pipeline/render/pdf/fonts.ts'
import { copySimpleGlyphsUndecoded, readLongLoca, withFontkitSubsetting } from '../pipeline/render/pdf/fontkit-speed.ts'
import { encodeGlyph, type EmbeddedFontInternals } from '../pipeline/render/pdf/text/glyph-encoder.ts'
import { hyphenatorFor } from '../pipeline/render/pdf/hyphenation.ts'
import { measure, shape } from '../pipeline/render/pdf/text/shape.ts'
import { hasGlyph, nominalGlyph, shapingFont } from '../pipeline/render/pdf/text/shaping-font.ts'
import { withoutOutlines } from '../pipeline/render/pdf/text/shaping-tables.ts'
import * as hb from 'harfbuzzjs'
import { faceBuffer, faceFile, type FaceId } from '../pipeline/render/pdf/fonts.ts'
import { totalFit, type Breakpoint, type FitOptions } from '../pipeline/render/pdf/text/total-fit.ts'
import { referenceTotalFit } from './helpers/total-fit-reference.ts'
import { itemize } from '../pipeline/render/pdf/text/itemize.ts'
import type { TextRun } from '../pipeline/render/pdf/text/types.ts'
import { referenceItemize } from './helpers/itemize-reference.ts'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { liangPoints, type HyphenTable } from '../pipeline/hyphenation/liang.ts'
import { compileTexPatterns } from '../pipeline/hyphenation/tex-patterns.ts'
import { readHyphenPatterns, readTexPatterns } from '../pipeline/hyphenation/pattern-cache.ts'
import PDFDocument from 'pdfkit'
import { deferStreamText, documentWithoutDefaultFont } from '../pipeline/render/pdf/pdfkit-speed.ts'
import { referenceCompileTexPatterns } from './helpers/tex-patterns-reference.ts'
import { PATTERNS } from '../pipeline/render/pdf/hyphenation.ts'
import bidiModule from 'bidi-js'
import { embeddingLevels, visualRanges } from '../pipeline/render/pdf/text/bidi.ts'
import type { Span } from '../pipeline/render/pdf/text/types.ts'

const require = createRequire(import.meta.url)
const SERIF = require.resolve('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf')
const SERIF_SC = require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf')

interface Subset {
  includeGlyph: (id: number) => number
  encode: () => Uint8Array
}

/** A subset of the characters' glyphs, as pdfkit makes one; and how many glyphs fontkit decoded whole for it. */
function subsetOf(font: fontkit.Font, text: string): { bytes: Buffer; decoded: number } {
  const subset = (font as unknown as { createSubset: () => Subset }).createSubset()
  for (const char of text) subset.includeGlyph(font.glyphForCodePoint(char.codePointAt(0)!).id)
  const glyph = Object.getPrototypeOf(font.getGlyph(0)) as { _decode: () => unknown }
  const decode = glyph._decode
  let decoded = 0
  glyph._decode = function (this: unknown) {
    decoded++
    return decode.call(this)
  }
  try {
    return { bytes: Buffer.from(subset.encode()), decoded }
  } finally {
    glyph._decode = decode
  }
}

describe('fontkit subsets without decoding simple glyphs', () => {
  // é, й and ё are composites in Noto Serif (a base and an accent); a, b, c, д are simple.
  const text = 'abcдéйё'

  it('gives the same bytes, decoding only the composites', () => {
    // The unit tier shares one module graph per worker: another file may have patched fontkit already.
    const unpatched = fontkit.create(readFileSync(SERIF)) as fontkit.Font
    const before = withFontkitSubsetting(unpatched, () => subsetOf(unpatched, text))
    const font = fontkit.create(readFileSync(SERIF)) as fontkit.Font
    copySimpleGlyphsUndecoded(font)
    const after = subsetOf(font, text)
    expect(after.bytes.equals(before.bytes)).toBe(true)
    // Before: every glyph copied was decoded (.notdef, the letters, the composites' parts).
    expect(before.decoded).toBeGreaterThan(7)
    expect(after.decoded).toBe(3)
    // Applied twice (another face, another document), it still subsets the same.
    copySimpleGlyphsUndecoded(font)
    expect(subsetOf(font, text).bytes.equals(before.bytes)).toBe(true)
  })
})

describe('loca read in one loop', () => {
  it('gives the offsets fontkit decodes, and the same subset', () => {
    for (const file of [SERIF, SERIF_SC]) {
      const data = readFileSync(file)
      const fontkits = fontkit.create(data) as fontkit.Font
      const ours = fontkit.create(data) as fontkit.Font
      readLongLoca(ours, data)
      const loca = (font: fontkit.Font) => (font as unknown as { loca: { version: number; offsets: number[] } }).loca
      expect((ours as unknown as { _tables: Record<string, unknown> })._tables.loca).toBeDefined()
      expect(loca(ours).version).toBe(loca(fontkits).version)
      expect(loca(ours).offsets).toEqual(loca(fontkits).offsets)
      // Both fonts subset alike: the glyphs' records are found where fontkit finds them.
      const text = file === SERIF ? 'abcдéйё' : '哈萨克斯坦网络犯罪'
      expect(subsetOf(ours, text).bytes.equals(subsetOf(fontkits, text).bytes)).toBe(true)
    }
  })
})

describe('hyphenation points remembered per word', () => {
  it('places a remembered word\'s points where the word is, each time', () => {
    const en = hyphenatorFor('en')!
    const once = en('anticipating', 0, 12)
    expect(once).toEqual([2, 5, 6, 9])
    // The same word again, later in a text and inside a range: its points move with it.
    const text = 'we are anticipating, anticipating'
    expect(en(text, 0, text.length)).toEqual([...once.map((point) => point + 7), ...once.map((point) => point + 21)])
    expect(en(text, 21, text.length)).toEqual(once.map((point) => point + 21))
    expect(en('anticipating', 0, 12)).toEqual(once)
  })

  it('remembers per language: a word spelt alike in two languages keeps each one\'s points', () => {
    // The Russian and the Kazakh patterns break "университет" differently; whichever is asked first, each keeps its own.
    expect(hyphenatorFor('ru')!('университет', 0, 11)).toEqual([3, 6, 8])
    expect(hyphenatorFor('kk')!('университет', 0, 11)).toEqual([6])
    expect(hyphenatorFor('ru')!('университет', 0, 11)).toEqual([3, 6, 8])
  })
})

describe('shapes remembered per face, direction and text', () => {
  it('gives each face and direction its own shape, asked first or again, and past the cache\'s limit', () => {
    const arabic = 'سلام عليكم'
    const ids = (face: FaceId, text: string, rtl: boolean) => shape(face, text, rtl).glyphs.map((glyph) => [glyph.id, glyph.advance])
    const asked = () => [ids('naskh', arabic, true), ids('naskh', arabic, false), ids('naskhBold', arabic, true), ids('notoSerif', 'Wave', false), ids('notoSerifBold', 'Wave', false)]
    const first = asked()
    // Again, each from its own entry (the left-to-right shape of the same text is there now).
    expect(asked()).toEqual(first)
    // Right to left comes back in visual order; the other face has other glyphs or advances.
    expect(first[0]).not.toEqual(first[1])
    expect(first[0]).not.toEqual(first[2])
    expect(first[3]).not.toEqual(first[4])
    for (let index = 0; index < 50_001; index++) shape('notoSerif', `w${index}`, false)
    expect(asked()).toEqual(first)
  })
})

describe('widths remembered per face and text', () => {
  it('gives each face, text and size its own width, asked first or again', () => {
    // Asked in an order where a width kept under the wrong key would be found: same text in two faces, two sizes.
    const regular = measure('notoSerif', 'Wave', 10)
    const bold = measure('notoSerifBold', 'Wave', 10)
    const large = measure('notoSerif', 'Wave', 20)
    const other = measure('notoSerif', 'Wavy', 10)
    expect(bold).not.toBeCloseTo(regular, 3)
    expect(large).toBeCloseTo(2 * regular, 9)
    expect(other).not.toBeCloseTo(regular, 3)
    // What shaping gives (kerning included: W and a), at each size.
    expect(regular).toBeCloseTo(shape('notoSerif', 'Wave', false).advance / 100, 9)
    expect(measure('notoSerifBold', 'Wave', 7)).toBeCloseTo((shape('notoSerifBold', 'Wave', false).advance * 7) / 1000, 9)
    // Arabic is measured as shaped right to left (its joining forms), in its own face.
    const arabic = 'سلام'
    expect(measure('naskh', arabic, 12)).toBeCloseTo((shape('naskh', arabic, true).advance * 12) / 1000, 9)
    expect(measure('naskh', arabic, 12)).not.toBeCloseTo(measure('naskhBold', arabic, 12), 3)
  })
})

describe('glyphs per character remembered per face', () => {
  it('answers as HarfBuzz does, for each face, asked first or again', () => {
    // The same characters in faces that map them to different glyphs, or not at all; a character beyond the BMP too.
    const faces = ['notoSerif', 'notoSerifBold', 'naskh', 'serifSC'] as const
    const chars = ['a', 'Ж', 'ب', '中', '\u00a0', '\u{20000}']
    for (let round = 0; round < 2; round++) {
      for (const face of faces) {
        for (const char of chars) {
          const codePoint = char.codePointAt(0)!
          const direct = shapingFont(face).font.nominalGlyph(codePoint)
          expect(nominalGlyph(face, codePoint)).toBe(direct)
          expect(hasGlyph(face, codePoint)).toBe(direct !== undefined)
        }
      }
    }
    expect(hasGlyph('notoSerif', 0x0628)).toBe(false)
    expect(hasGlyph('naskh', 0x0628)).toBe(true)
    expect(nominalGlyph('notoSerif', 0x61)).not.toBe(nominalGlyph('naskh', 0x61))
  })
})

describe('the glyph encoder compares a glyph\'s text as it is', () => {
  const embedded = (): EmbeddedFontInternals => {
    const font = faceFont('notoSerif')
    return { id: 'F1', ref: () => null, widths: [0], unicode: [[0]], scale: 1000 / font.unitsPerEm, font, subset: font.createSubset() as unknown as EmbeddedFontInternals['subset'] }
  }

  it('gives the first code only to the very text it was recorded with', () => {
    const font = embedded()
    const glyph = 42
    const first = encodeGlyph(font, glyph, 'ffi')
    expect(encodeGlyph(font, glyph, 'ffi')).toBe(first)
    // A prefix, a longer text, another letter, a character beyond the BMP: each a code of its own, each kept.
    const others = ['ff', 'ffil', 'ffj', 'f\u{1D4BB}i', '\u{1D4BB}']
    const codes = others.map((text) => encodeGlyph(font, glyph, text))
    expect(new Set([first, ...codes]).size).toBe(6)
    others.forEach((text, index) => {
      expect(encodeGlyph(font, glyph, text)).toBe(codes[index])
      expect(font.unicode[codes[index]!]).toEqual([...text].map((char) => char.codePointAt(0)))
    })
  })

  it('takes no text and ZERO WIDTH SPACE for the same thing, and neither for a space', () => {
    const font = embedded()
    const nothing = encodeGlyph(font, 7, '')
    expect(encodeGlyph(font, 7, '\u200b')).toBe(nothing)
    expect(encodeGlyph(font, 7, '')).toBe(nothing)
    expect(encodeGlyph(font, 7, ' ')).not.toBe(nothing)
  })
})

/** Glyph ids, clusters and positions HarfBuzz gives `text` in a font file. */
function shapedIn(file: Uint8Array, text: string): string {
  const font = new hb.Font(new hb.Face(new hb.Blob(file), 0))
  const buffer = new hb.Buffer()
  buffer.addText(text)
  buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS)
  buffer.guessSegmentProperties()
  hb.shape(font, buffer)
  const infos = buffer.getGlyphInfos().map((info) => [info.codepoint, info.cluster])
  const positions = buffer.getGlyphPositions().map((at) => [at.xAdvance, at.yAdvance, at.xOffset, at.yOffset])
  return JSON.stringify([infos, positions])
}

/** The tags of a font file's tables, in the order of its table directory. */
function tablesOf(file: Uint8Array): string[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  return Array.from({ length: view.getUint16(4) }, (_, index) => String.fromCharCode(...file.subarray(12 + 16 * index, 16 + 16 * index)))
}

describe('HarfBuzz given a face without its outlines', () => {
  const samples = ['Office, fjord; Äpfel «AVA» 2026', 'Қазақстанның Интерпола', 'مرحبا بالعالم، ١٢٣', '哈萨克斯坦的「人工智能」，测试。', 'e\u0301 fi ffl']
  const faces: FaceId[] = ['notoSerif', 'notoSerifBold', 'notoSansMono', 'naskh', 'sansArabicBold', 'serifSC', 'sansSCBold']

  it('shapes every sample as the whole file does: the same glyph ids, clusters and positions', () => {
    for (const face of faces) {
      // The whole file: the PDF's copy reads a large face's outlines only as they are asked for.
      const whole = readFileSync(faceFile(face))
      const cut = withoutOutlines(faceBuffer(face))
      expect(tablesOf(cut)).toEqual(tablesOf(whole).filter((tag) => tag !== 'glyf' && tag !== 'loca'))
      for (const text of samples) expect(shapedIn(cut, text), `${face}: ${text}`).toBe(shapedIn(whole, text))
    }
  })

  it('copies a Chinese face\'s few tables, not its 14 MB of outlines', () => {
    expect(faceBuffer('serifSC').byteLength).toBeGreaterThan(10_000_000)
    expect(withoutOutlines(faceBuffer('serifSC')).byteLength).toBeLessThan(1_000_000)
  })

  it('keeps the outlines of a face without GPOS, whose marks HarfBuzz places by their outline boxes', () => {
    const file = Uint8Array.from(readFileSync(faceFile('notoSerif')))
    const gpos = tablesOf(file).indexOf('GPOS')
    file.set([0x58], 12 + 16 * gpos)
    expect(tablesOf(withoutOutlines(file))).toEqual(tablesOf(file))
  })
})

/** A paragraph of words, spaces, hyphenation points, hyphens in the text and forced breaks, from a seeded generator. */
function randomParagraph(random: () => number): Breakpoint[] {
  const points: Breakpoint[] = []
  let width = 0
  let stretch = 0
  let shrink = 0
  const words = 5 + Math.floor(random() * 120)
  // Whole points, and in some paragraphs words all alike, so that ways of breaking tie and the tie rule is tested.
  const alike = random() < 0.3
  for (let word = 0; word < words; word++) {
    const length = alike ? 30 : 10 + Math.floor(random() * 50)
    for (let cut = 12; cut < length - 8; cut += 8 + Math.floor(random() * 10)) {
      if (random() < 0.6) points.push({ width: width + cut, stretch, shrink, glue: 0, glueStretch: 0, glueShrink: 0, penalty: 300, hyphen: true, hyphenWidth: 4, forced: false })
    }
    width += length
    const explicitHyphen = random() < 0.05
    const glue = explicitHyphen ? 0 : 3 + Math.floor(random() * 2)
    const forced = word === words - 1 || random() < 0.01
    points.push({ width, stretch, shrink, glue, glueStretch: glue / 2, glueShrink: glue / 3, penalty: explicitHyphen ? 300 : 0, explicitHyphen, hyphen: false, hyphenWidth: 0, forced })
    width += glue
    stretch += glue / 2
    shrink += glue / 3
  }
  return points
}

describe('total fit without a node per candidate line', () => {
  it('chooses the breaks the first implementation chose, for every kind of paragraph and option', () => {
    let seed = 14
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    let compared = 0
    let found = 0
    for (let paragraph = 0; paragraph < 600; paragraph++) {
      const points = randomParagraph(random)
      const options: FitOptions = {
        width: 120 + Math.floor(random() * 300),
        tolerance: [1, 4, Infinity][paragraph % 3]!,
        hyphens: random() < 0.7,
        lineStretch: random() < 0.2 ? 40 : 0,
        pageEndLine: random() < 0.3 ? Math.floor(random() * 6) : undefined,
        balance: random() < 0.1,
        lastLineMin: random() < 0.2 ? 2 : undefined
      }
      const expected = referenceTotalFit(points, options)
      expect(totalFit(points, options), `paragraph ${paragraph}`).toEqual(expected)
      compared++
      if (expected) found++
    }
    // Words all alike, lines of three words (stretched) or four (shrunk): many ways of breaking cost exactly the same.
    for (let words = 5; words < 60; words++) {
      const points = Array.from({ length: words }, (_, word): Breakpoint => ({
        width: 8 * word + 4, stretch: 2 * word, shrink: 4 * word, glue: 4, glueStretch: 2, glueShrink: 4,
        penalty: 0, hyphen: false, hyphenWidth: 0, forced: word === words - 1
      }))
      const options: FitOptions = { width: 22, tolerance: Infinity, hyphens: false, lineStretch: 0 }
      expect(totalFit(points, options), `${words} words alike`).toEqual(referenceTotalFit(points, options))
    }
    // Both outcomes were tried: paragraphs that fit and ones that do not.
    expect(found).toBeGreaterThan(300)
    expect(compared - found).toBeGreaterThan(20)
  })
})

describe('font fallback by code point', () => {
  const run = (text: string, role: TextRun['role'] = 'serif'): TextRun => ({ text, role, size: 11, color: '#000' })
  // Every path: the run's face going on, a fallback face and back, spaces and joiners inside a fallback, a character no face has, astral and lone surrogates, a box.
  const paragraphs: TextRun[][] = [
    [run('Plain Latin text, Кириллица and Қазақ тілі.')],
    [run('Arabic inside: مرحبا بالعالم ‏(١٢٣)‏ and back'), run(' bold part', 'serifBold')],
    [run('中文 mixed with English 2026年，测试。'), run('code()', 'mono')],
    [run('A missing one: \u{1d11e} \u0378 \ud800 tail'), run('joiner\u200d\u200c inside\u00a0no-break')],
    [run('in a box: '), { ...run('\ufffc'), box: { width: 10, height: 10, image: { path: 'x.png', alt: 'x' } } }, run(' after')],
    [run('Тест\tтаб\u3000全角 ‏rtl mark‎ ltr mark emoji \u{1f600} end')]
  ]

  it('gives the spans, text and missing characters of asking every face for every character', () => {
    for (const script of ['latin', 'arabic', 'cjk'] as const) {
      for (const runs of paragraphs) {
        const strip = (found: ReturnType<typeof itemize>) => ({ ...found, spans: found.spans.map(({ start, end, face, run }) => ({ start, end, face, text: run.text })) })
        expect(strip(itemize(runs, script)), `${script}: ${runs.map((each) => each.text).join('|')}`).toEqual(strip(referenceItemize(runs, script)))
      }
    }
  })
})

describe('Liang\'s patterns looked up word by word', () => {
  type HyphenateSync = (text: string, options: { hyphenChar: string; minWordLength: number }) => string
  const SOFT = '\u00ad'
  /** The points npm `hyphen` marks in a word, as the PDF writer read them before. */
  const hyphenPoints = (hyphenate: HyphenateSync, word: string) => {
    const points: number[] = []
    let index = 0
    for (const char of hyphenate(word, { hyphenChar: SOFT, minWordLength: 5 })) {
      if (char === SOFT) points.push(index)
      else index += char.length
    }
    return points
  }
  /** Every word of five letters or more in the interview and a language's catalogs (shorter ones are never hyphenated). */
  const wordsOf = (locale: string) => {
    const texts = [readFileSync('content/interview.md', 'utf8'), ...readdirSync(`locales/${locale}`).map((file) => readFileSync(`locales/${locale}/${file}`, 'utf8'))]
    return [...new Set(texts.join(' ').match(/\p{L}{5,}/gu))]
  }
  // Exceptions in any case, words whose lower case is longer (İ), and long compounds whose patterns reach the word's end.
  const edges = ['present', 'Presents', 'ASSOCIATES', 'Associate', 'declination', 'İstanbulİİ', 'Straße', 'electroencephalographically', 'ЁЛКАМИ', 'бесприданница', 'Қазақстанның', 'ааааа', 'hyphenation']

  it('gives the points npm hyphen\'s hyphenateSync marks, for every word of the editions', () => {
    const hyphen = require('hyphen') as (table: HyphenTable) => HyphenateSync
    for (const locale of ['en', 'ru', 'kk']) {
      const table = locale === 'kk' ? readTexPatterns('hyph-kk.pat.txt') : (require(PATTERNS[locale]!) as HyphenTable)
      const hyphenate = hyphen(table)
      const words = [...wordsOf(locale), ...edges]
      expect(words.length).toBeGreaterThan(300)
      let hyphenated = 0
      for (const word of words) {
        const expected = hyphenPoints(hyphenate, word)
        expect(liangPoints(table, word), `${locale}: ${word}`).toEqual(expected)
        if (expected.length > 0) hyphenated++
      }
      expect(hyphenated).toBeGreaterThan(words.length / 3)
    }
  })
})

describe('a line without right-to-left text put in order without UAX #9', () => {
  const bidi = ((typeof bidiModule === 'function' ? bidiModule : bidiModule.default) as typeof bidiModule.default)()
  const paragraphs: Array<[string, 'ltr' | 'rtl']> = [
    ['Plain left-to-right text, trailing spaces   ', 'ltr'],
    ['English with مرحبا بالعالم inside, and 123 after  ', 'ltr'],
    ['مرحبا (Hello, world) بالعالم ١٢٣ «INTERPOL» 2026.  ', 'rtl'],
    ['Line one\u2029second paragraph with עברית and more', 'ltr']
  ]

  it('gives every line the visual order bidi-js\'s getReorderedIndices gives', () => {
    let plain = 0
    for (const [text, direction] of paragraphs) {
      const levels = embeddingLevels(text, direction)
      const spans: Span[] = [{ start: 0, end: text.length, face: 'notoSerif', run: { text, role: 'serif', size: 11, color: '#000' } }]
      for (let start = 0; start < text.length; start += 3) {
        for (let end = start + 1; end <= text.length; end += 2) {
          const order = visualRanges(text, levels, spans, start, end).flatMap((range) =>
            Array.from({ length: range.end - range.start }, (_, step) => (range.rtl ? range.end - 1 - step : range.start + step)))
          expect(order, `${text.slice(start, end)}`).toEqual(bidi.getReorderedIndices(text, levels, start, end - 1).slice(start, end))
          if (levels.levels.subarray(start, end).every((level) => level === 0)) plain++
        }
      }
    }
    // Lines of both kinds were compared.
    expect(plain).toBeGreaterThan(100)
  })
})

describe('TeX patterns compiled character by character', () => {
  it('makes the table the first compiler made, for the Kazakh patterns and odd inputs', () => {
    const kazakh = readFileSync('pipeline/hyphenation/hyph-kk.pat.txt', 'utf8')
    expect(compileTexPatterns(kazakh)).toEqual(referenceCompileTexPatterns(kazakh))
    // Comments, CRLF, a comment before a CR, digits alone, letters beyond the BMP, a pattern that is a prefix of another and the reverse, repeats.
    const odd = '% head\r\nа1ба % tail\r\n.у2т\n12\n\n  \t\n1-4\nа1б\nа1ба2в\n\u{1d400}1\u{1d401}\nx%y\rz\n.а1ба.\nа1ба\n9а8\nа0б1в\n'
    expect(compileTexPatterns(odd)).toEqual(referenceCompileTexPatterns(odd))
  })
})

describe('compiled TeX patterns kept in the project\'s cache', () => {
  it('reads back the table it compiled, and compiles again when the entry is damaged', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'patterns-'))
    try {
      const compiled = compileTexPatterns(readFileSync('pipeline/hyphenation/hyph-kk.pat.txt', 'utf8'))
      expect(readTexPatterns('hyph-kk.pat.txt', cacheDir)).toEqual(compiled)
      const entries = readdirSync(path.join(cacheDir, 'hyphenation'))
      expect(entries).toHaveLength(1)
      const entry = path.join(cacheDir, 'hyphenation', entries[0]!)
      // What the entry holds is what a build gets: an entry (here a made-up one) is read, not compiled anew.
      writeFileSync(entry, JSON.stringify([[[0, 1]], { а: 0 }]))
      expect(readTexPatterns('hyph-kk.pat.txt', cacheDir)).toEqual([[[0, 1]], { а: 0 }])
      for (const damaged of ['[[[0,1]],{"а":', '{}', '[[], []]', '[[], {}]', '[[[0,1]], {}]']) {
        writeFileSync(entry, damaged)
        expect(readTexPatterns('hyph-kk.pat.txt', cacheDir)).toEqual(compiled)
        expect(JSON.parse(readFileSync(entry, 'utf8'))).toEqual(compiled)
      }
      expect(readdirSync(path.join(cacheDir, 'hyphenation'))).toEqual(entries)
    } finally {
      rmSync(cacheDir, { recursive: true, force: true })
    }
  })

  it('reads back npm hyphen\'s English and Russian tables, exceptions included, and loads the module again when an entry is damaged', () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'patterns-'))
    try {
      for (const locale of ['en', 'ru']) {
        const loaded = require(PATTERNS[locale]!) as HyphenTable
        expect(readHyphenPatterns(PATTERNS[locale]!, cacheDir)).toEqual(loaded)
        const entry = readdirSync(path.join(cacheDir, 'hyphenation')).find((name) => name.startsWith(path.basename(PATTERNS[locale]!)))!
        const file = path.join(cacheDir, 'hyphenation', entry)
        const read = readHyphenPatterns(PATTERNS[locale]!, cacheDir)
        // Read from the entry (another object), equal to the module's table, exceptions (English) and all.
        expect(read).not.toBe(loaded)
        expect(read).toEqual(loaded)
        expect(read.length).toBe(3)
        writeFileSync(file, '[[], 1, 2]')
        expect(readHyphenPatterns(PATTERNS[locale]!, cacheDir)).toEqual(loaded)
      }
    } finally {
      rmSync(cacheDir, { recursive: true, force: true })
    }
  })
})

describe('pdfkit documents without the default font', () => {
  /** A tagged page of text in two registered faces, as the writer sets them, ended and read back as bytes. */
  const pdf = (doc: PDFKit.PDFDocument) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
    doc.registerFont('serif', faceFont('notoSerif') as unknown as string)
    doc.registerFont('bold', faceFont('notoSerifBold') as unknown as string)
    doc.font('serif').fontSize(11).text('Total fit, Қазақстан', 72, 72)
    doc.addPage().font('bold').text('Second page', 72, 72).font('serif').text('and again', 72, 100)
    doc.end()
    return done
  }
  const options = { size: 'A4', bufferPages: true, pdfVersion: '1.7', tagged: true, info: { CreationDate: new Date(Date.UTC(2026, 0, 1)) } } as PDFKit.PDFDocumentOptions

  it('write the bytes a document with Helvetica writes, the faces named /F2 and /F3 as beside it', async () => {
    const own = await pdf(new PDFDocument(options))
    const lean = documentWithoutDefaultFont(options)
    expect((lean as unknown as { _fontFamilies: Record<string, unknown> })._fontFamilies).toEqual({})
    const without = await pdf(lean)
    expect(without.toString('latin1')).toContain('/F3')
    expect(without.equals(own)).toBe(true)
  })
})

describe('pdfkit streams whose text is made bytes when they end', () => {
  const options = { size: 'A4', bufferPages: true, pdfVersion: '1.7', tagged: true, info: { CreationDate: new Date(Date.UTC(2026, 0, 1)) } } as PDFKit.PDFDocumentOptions
  /** Pages of text, tagged and in two faces, drawn, turned back to (as the folios are) and a picture's bytes between. */
  const pdf = (deferred: boolean) => {
    // Told before the document is made (the prototype is pdfkit's, shared): its every write goes one way.
    deferStreamText(new PDFDocument(options), deferred)
    const doc = new PDFDocument(options)
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
    doc.registerFont('serif', faceFont('notoSerif') as unknown as string)
    doc.registerFont('bold', faceFont('notoSerifBold') as unknown as string)
    const pending = (doc as unknown as { page: { content: { buffer: unknown[] } } }).page.content.buffer
    doc.font('serif').fontSize(11).text('Total fit, Қазақстан', 72, 72).moveTo(72, 90).lineTo(300, 90).stroke()
    const written = [...pending]
    doc.addPage().font('bold').text('Second page', 72, 72).font('serif').text('and again', 72, 100)
    ;(doc as unknown as { page: { write: (chunk: Uint8Array) => void } }).page.write(new Uint8Array([0x25, 0x20, 0x62, 0x79, 0x74, 0x65, 0x73]))
    doc.addContent('0 0 m 10 10 l S')
    // A character past ASCII is written as its low byte, as pdfkit writes it.
    doc.addContent('% \u00e9\u0141')
    doc.switchToPage(0)
    doc.fontSize(8).text('Page 1 of 2', 72, 800)
    doc.end()
    return { done, written }
  }

  it('writes the bytes pdfkit writes, each write made bytes as its own', async () => {
    const own = pdf(false)
    const deferred = pdf(true)
    expect(own.written.every((chunk) => chunk instanceof Uint8Array)).toBe(true)
    // The page's text is still strings while the page is open: no array buffer per write.
    expect(deferred.written.length).toBeGreaterThan(5)
    expect(deferred.written.every((chunk) => typeof chunk === 'string')).toBe(true)
    const [ownBytes, deferredBytes] = await Promise.all([own.done, deferred.done])
    expect(deferredBytes.equals(ownBytes)).toBe(true)
  })
})
