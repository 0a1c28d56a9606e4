/**
 * The PDF text engine without a PDF: font fallback, UAX #9 visual order per
 * line (hand-checked and against bidi-js's own reordering), UAX #14 breaks
 * with the Chinese kinsoku rules, justification, the hyphenation hook and
 * the glyph encoder's ToUnicode bookkeeping.
 */
import bidiModule from 'bidi-js'
import { describe, expect, it } from 'vitest'
import * as fontkit from 'fontkit'
import { faceBuffer, faceFont, type FaceId } from '../pipeline/render/pdf/fonts.ts'
import { embeddingLevels, visualRanges } from '../pipeline/render/pdf/text/bidi.ts'
import { encodeGlyph, type EmbeddedFontInternals } from '../pipeline/render/pdf/text/glyph-encoder.ts'
import { itemize } from '../pipeline/render/pdf/text/itemize.ts'
import { shape } from '../pipeline/render/pdf/text/shape.ts'
import { layoutParagraph } from '../pipeline/render/pdf/text/layout.ts'
import type { Line, ParagraphOptions, Script, TextRun } from '../pipeline/render/pdf/text/types.ts'

const bidiFactory = (typeof bidiModule === 'function' ? bidiModule : bidiModule.default) as typeof bidiModule.default
const bidi = bidiFactory()

const run = (text: string, extra: Partial<TextRun> = {}): TextRun => ({ text, role: 'serif', size: 10, color: '#000000', ...extra })
const options = (script: Script, extra: Partial<ParagraphOptions> = {}): ParagraphOptions => ({
  width: 300,
  align: 'justify',
  direction: script === 'arabic' ? 'rtl' : 'ltr',
  lineGap: 2,
  metricsFace: script === 'arabic' ? 'naskh' : script === 'cjk' ? 'serifSC' : 'notoSerif',
  script,
  ...extra
})
const lineText = (text: string, line: Line) => text.slice(Math.min(...line.pieces.map((p) => p.start)), Math.max(...line.pieces.map((p) => p.end)))
/** The glyphs of `text` set on one line at their natural width. */
const naturalGlyphs = (text: string, script: Script) =>
  layoutParagraph([run(text)], options(script, { width: 1e6, align: 'start' })).lines[0]!.pieces.flatMap((piece) => piece.glyphs)
const rightEdge = (line: Line) => Math.max(...line.pieces.map((piece) => piece.x + piece.width))
const leftEdge = (line: Line) => Math.min(...line.pieces.map((piece) => piece.x))

describe('bidi (UAX #9) after line breaking', () => {
  // Arabic with a Latin word, two years and a parenthesis, as in the interview.
  const text = 'شارك في INTERPOL من 2014 إلى 2024 (تقريبًا).'

  it('orders the runs of a one-line paragraph as UAX #9 prescribes (hand-checked)', () => {
    const { spans } = itemize([run(text)], 'arabic')
    const levels = embeddingLevels(text, 'rtl')
    const visual = visualRanges(text, levels, spans, 0, text.length).map((range) => [text.slice(range.start, range.end), range.rtl])
    // Left to right on the page: the sentence's end is at the left, its start at the right.
    expect(visual).toEqual([
      [' (تقريبًا).', true],
      ['2024', false],
      [' إلى ', true],
      ['2014', false],
      [' من ', true],
      ['INTERPOL', false],
      ['شارك في ', true]
    ])
  })

  it('breaks lines first, then reorders each line; the result matches bidi-js’s own reordering', () => {
    const laid = layoutParagraph([run(text)], options('arabic', { width: 105 }))
    expect(laid.lines.map((line) => lineText(text, line))).toEqual(['شارك في INTERPOL من', '2014 إلى 2024 (تقريبًا).'])
    const [first, second] = laid.lines as [Line, Line]
    expect(first.pieces.map((piece) => text.slice(piece.start, piece.end))).toEqual([' من', 'INTERPOL', 'شارك في '])
    expect(second.pieces.map((piece) => text.slice(piece.start, piece.end))).toEqual([' (تقريبًا).', '2024', ' إلى ', '2014'])
    const levels = bidi.getEmbeddingLevels(text, 'rtl')
    for (const line of laid.lines) {
      const start = Math.min(...line.pieces.map((p) => p.start))
      const end = Math.max(...line.pieces.map((p) => p.end))
      const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1)
      const shown = line.pieces.map((piece) => {
        const chars = [...text.slice(piece.start, piece.end)].map((char, i) => (piece.rtl && mirrored.get(piece.start + i)) || char)
        return (piece.rtl ? chars.reverse() : chars).join('')
      }).join('')
      // bidi-js returns the whole string with only the line reordered.
      expect(shown).toBe(bidi.getReorderedString(text, levels, start, end - 1).slice(start, end))
    }
    // Justified from the right: the first line fills the width, the last is set flush right.
    expect(rightEdge(first)).toBeCloseTo(105, 1)
    expect(leftEdge(first)).toBeCloseTo(0, 1)
    expect(rightEdge(second)).toBeCloseTo(105, 1)
    expect(leftEdge(second)).toBeGreaterThan(10)
  })

  it('writes a line’s groups in logical order, each right-to-left group with its logical text', () => {
    const laid = layoutParagraph([run(text)], options('arabic', { width: 1000 }))
    const groups = laid.lines[0]!.groups
    expect(groups.map((group) => group.text).join('')).toBe(text)
    expect(groups.filter((group) => group.rtl).map((group) => group.text)).toContain('شارك في ')
  })

  it('gives each glyph of a right-to-left piece its characters in logical order; reversing the glyphs gives the word', () => {
    const word = 'الإنتربول لا'
    const laid = layoutParagraph([run(word)], options('arabic'))
    const glyphs = laid.lines[0]!.pieces[0]!.glyphs
    expect([...glyphs].reverse().map((glyph) => glyph.text).join('')).toBe(word)
  })

  it('gives a left-to-right paragraph the levels bidi-js gives, whether or not it skips the algorithm', () => {
    const texts = [
      'Jürgen Stock, 2014–2024: «INTERPOL» ‘quoted’ 3.5 % — e\u0301',
      'Қазақстан 2024 жылы «Интерпол» ұйымымен',
      '国际刑警组织（2014年）：“合作”。',
      'emoji 😀, NBSP\u00a0and soft\u00adhyphen, ١٢٣ Arabic digits',
      'a name in Arabic: يورغن شتوك, and Hebrew שלום',
      'marks \u200f and \u202bembedded\u202c and \u2067isolated\u2069'
    ]
    for (const text of texts) {
      expect([...embeddingLevels(text, 'ltr').levels]).toEqual([...bidi.getEmbeddingLevels(text, 'ltr').levels])
    }
    // The Arabic digits, names and marks above do turn some levels odd or raise them.
    expect(texts.filter((text) => embeddingLevels(text, 'ltr').levels.some((level) => level > 0))).toHaveLength(3)
  })

  it('runs UAX #9 for every character bidi-js counts as right-to-left, an Arabic number or an explicit control', () => {
    const turning = new Set(['R', 'AL', 'AN', 'LRE', 'RLE', 'LRO', 'RLO', 'PDF', 'LRI', 'RLI', 'FSI', 'PDI'])
    const skipped: string[] = []
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue
      const char = String.fromCodePoint(codePoint)
      if (!turning.has(bidi.getBidiCharTypeName(char))) continue
      // With the character in it, the paragraph's levels are bidi-js's own: the fast path was not taken.
      const text = `a${char}1`
      if (embeddingLevels(text, 'ltr').levels.join() !== bidi.getEmbeddingLevels(text, 'ltr').levels.join()) skipped.push(codePoint.toString(16))
    }
    expect(skipped).toEqual([])
  })
})

describe('line breaking (UAX #14) and Chinese', () => {
  const text = '我们必须认识到，网络犯罪威胁只增不减。全球范围内的相关数字正呈爆炸式增长，而要有效应对这类无国界犯罪，唯一的途径就是建立牢固的伙伴关系（即「伙伴关系」）。在我2014年至2024年任职期间，我见证了这一切。'
  const noStart = new Set([...'，。、；：？！」』）》〉'])
  const noEnd = new Set([...'「『（《〈'])

  it('breaks between ideographs, inserts no space, and keeps kinsoku at every width', () => {
    let betweenIdeographs = 0
    for (let width = 60; width <= 320; width += 7) {
      const laid = layoutParagraph([run(text)], options('cjk', { width }))
      const lines = laid.lines.map((line) => lineText(text, line))
      expect(lines.join('')).toBe(text)
      for (const [index, line] of lines.entries()) {
        expect({ width, line, starts: noStart.has(line[0]!) }).toEqual({ width, line, starts: false })
        expect({ width, line, ends: noEnd.has(line.at(-1)!) }).toEqual({ width, line, ends: false })
        const next = lines[index + 1]
        if (next && /\p{Script=Han}/u.test(line.at(-1)!) && /\p{Script=Han}/u.test(next[0]!)) betweenIdeographs++
      }
    }
    expect(betweenIdeographs).toBeGreaterThan(20)
  })

  it('justifies a Chinese line by spreading space evenly between the characters, not inside “2014”', () => {
    let digitLines = 0
    for (let width = 150; width <= 300; width += 11) {
      const laid = layoutParagraph([run(text)], options('cjk', { width }))
      for (const line of laid.lines.slice(0, -1)) {
        expect(rightEdge(line)).toBeCloseTo(width, 1)
        const glyphs = line.pieces.flatMap((piece) => piece.glyphs)
        const plain = naturalGlyphs(lineText(text, line), 'cjk')
        const extra = (i: number) => glyphs[i]!.advance - plain[i]!.advance
        const cjk = glyphs.slice(0, -1).flatMap((glyph, i) => (/^[\p{Script=Han}，。、（）「」]$/u.test(glyph.text) ? [extra(i)] : []))
        // Every gap after a CJK character stretches by the same amount (none at the line's end).
        for (const value of cjk) expect(value).toBeCloseTo(cjk[0]!, 3)
        // Between the digits of a year nothing stretches.
        glyphs.slice(0, -1).forEach((glyph, i) => {
          if (/\d/.test(glyph.text) && /\d/.test(glyphs[i + 1]!.text)) {
            digitLines++
            expect(extra(i)).toBeCloseTo(0, 6)
          }
        })
      }
    }
    expect(digitLines).toBeGreaterThan(0)
  })

  it('justifies Latin text at the spaces, and by a trace between letters (never after punctuation or in numbers)', () => {
    const english = 'The stronger and more globally connected our collective response networks are, the more resilient the international community becomes in 2024.'
    const laid = layoutParagraph([run(english)], options('latin', { width: 220 }))
    expect(laid.lines.length).toBeGreaterThan(2)
    for (const line of laid.lines.slice(0, -1)) {
      expect(rightEdge(line)).toBeCloseTo(220, 1)
      const glyphs = line.pieces.flatMap((piece) => piece.glyphs)
      const plain = naturalGlyphs(lineText(english, line), 'latin')
      const spaces: number[] = []
      glyphs.forEach((glyph, i) => {
        const extra = glyph.advance - plain[i]!.advance
        const next = glyphs[i + 1]?.text ?? ''
        if (glyph.text.trim() === '') spaces.push(extra)
        else if (/\p{L}/u.test(glyph.text) && /\p{L}/u.test(next)) expect(Math.abs(extra)).toBeLessThan(0.05 * 10)
        else if (i < glyphs.length - 1) expect(extra).toBeCloseTo(0, 6)
      })
      // Spaces take most of the slack: each opens at least five times what a letter gap does.
      const letterShare = glyphs.map((glyph, i) => glyph.advance - plain[i]!.advance).filter((_, i) => /\p{L}/u.test(glyphs[i]!.text) && /\p{L}/u.test(glyphs[i + 1]?.text ?? ''))
      for (const space of spaces) for (const letter of letterShare) expect(Math.abs(space)).toBeGreaterThanOrEqual(Math.abs(letter) * 5)
    }
  })

  it('lets a hyphenator propose break points inside a word, and adds the hyphen', () => {
    const word = 'internationalization'
    const hyphenate = (_text: string, start: number, end: number) => [start + 5, start + 10, start + 13].filter((point) => point < end)
    const laid = layoutParagraph([run(`The ${word} works`)], options('latin', { width: 90, hyphenate }))
    const first = laid.lines[0]!
    expect(lineText(`The ${word} works`, first)).toMatch(/^The inter(natio|national)?$/)
    const hyphen = first.pieces.at(-1)!
    expect(hyphen.start).toBe(hyphen.end)
    expect(hyphen.glyphs).toHaveLength(1)
  })
})

describe('font fallback', () => {
  const faces = (text: string, script: Script) => itemize([run(text)], script).spans.map((span) => [text.slice(span.start, span.end), span.face])

  it('sets each character in the first face of the edition’s list that has it', () => {
    // A space stays in the face before it, so runs are not cut at every space.
    expect(faces('Hello مرحبا 你好 Жәй', 'latin')).toEqual([['Hello ', 'notoSerif'], ['مرحبا ', 'naskh'], ['你好 ', 'serifSC'], ['Жәй', 'notoSerif']])
    // The Arabic and Chinese faces draw Latin letters and digits themselves, so a mixed line stays in one font.
    expect(faces('صورة: QAZINFORM 2014 你', 'arabic')).toEqual([['صورة: QAZINFORM 2014 ', 'naskh'], ['你', 'serifSC']])
    expect(faces('图片：QAZINFORM，2014年 مرحبا', 'cjk')).toEqual([['图片：QAZINFORM，2014年 ', 'serifSC'], ['مرحبا', 'naskh']])
  })

  it('sets scripts no edition is written in in the fallback faces, a space after an emoji in the text’s face', () => {
    expect(faces('Hi שלום नमस्ते สวัสดี Καλη ✅ ok', 'latin')).toEqual([
      ['Hi ', 'notoSerif'], ['שלום ', 'hebrew'], ['नमस्ते ', 'devanagari'], ['สวัสดี ', 'thai'], ['Καλη ', 'notoSerif'], ['✅', 'emoji'], [' ok', 'notoSerif']
    ])
    expect(itemize([run('❤\ufe0f שלום', { role: 'serifBold' })], 'arabic').spans.map((span) => span.face)).toEqual(['emojiBold', 'naskhBold', 'hebrewBold'])
  })

  it('reports a character no face has, with its code point and key', () => {
    const { missing, spans } = itemize([run('ok 𓂀 ok', { key: 'p.some-key' })], 'arabic')
    expect(missing).toEqual([{ char: '𓂀', codePoint: 0x13080, key: 'p.some-key', role: 'serif' }])
    expect(spans.length).toBeGreaterThan(0)
    // Joiners and direction marks need no glyph.
    expect(itemize([run('a\u200d\u200fb')], 'latin').missing).toEqual([])
  })
})

describe('glyph encoder', () => {
  function fakeFont(): EmbeddedFontInternals {
    const font = faceFont('naskh')
    return { id: 'F1', ref: () => null, widths: [0], unicode: [[0]], scale: 1000 / font.unitsPerEm, font, subset: font.createSubset() as unknown as EmbeddedFontInternals['subset'] }
  }

  it('gives a glyph standing for a second text its own code, so ToUnicode stays exact', () => {
    const font = fakeFont()
    const paren = faceFont('naskh').glyphForCodePoint(0x28).id
    const a = encodeGlyph(font, paren, '(')
    expect(encodeGlyph(font, paren, '(')).toBe(a)
    const b = encodeGlyph(font, paren, ')')
    expect(b).not.toBe(a)
    expect(font.unicode[a]).toEqual([0x28])
    expect(font.unicode[b]).toEqual([0x29])
    expect(font.subset.glyphs[a]).toBe(font.subset.glyphs[b])
  })

  it('maps a glyph that stands for nothing to ZERO WIDTH SPACE with no width, and marks to no width', () => {
    const font = fakeFont()
    const dot = encodeGlyph(font, 5, '')
    expect(font.unicode[dot]).toEqual([0x200b])
    expect(font.widths[dot]).toBe(0)
    const fatha = encodeGlyph(font, faceFont('naskh').glyphForCodePoint(0x064e).id, '\u064e')
    expect(font.widths[fatha]).toBe(0)
  })
})

describe('mirrored characters (Bidi_Mirrored)', () => {
  const MIRRORED = new Set([...'()[]{}«»‹›<>≤≥'])
  /** Each glyph that stands for a mirrored character: the character, its run's direction, and whether the glyph is the font's own for it. */
  const drawn = (text: string, script: Script) => layoutParagraph([run(text)], options(script, { width: 1000 })).lines.flatMap((line) =>
    line.pieces.flatMap((piece) => piece.glyphs.filter((glyph) => MIRRORED.has(glyph.text)).map((glyph) => {
      const font = faceFont(piece.span.face)
      const shown = glyph.id === font.glyphForCodePoint(glyph.text.codePointAt(0)!).id ? 'as written'
        : glyph.id === font.glyphForCodePoint(bidi.getMirroredCharacter(glyph.text)!.codePointAt(0)!).id ? 'mirrored' : 'other'
      return [glyph.clusterStart, `${glyph.text} ${piece.rtl ? 'rtl' : 'ltr'} ${shown}`] as const
    }))).sort((a, b) => a[0] - b[0]).map(([, found]) => found)

  it('draws them in a right-to-left run as their mirror image, once, and keeps their own text', () => {
    expect(drawn('وكالة «قازإنفورم» (٢٠٢٤) [نص] {نص} ‹نص› أ < ب ≤ ج', 'arabic')).toEqual([
      '« rtl mirrored', '» rtl mirrored', '( rtl mirrored', ') rtl mirrored', '[ rtl mirrored', '] rtl mirrored',
      '{ rtl mirrored', '} rtl mirrored', '‹ rtl mirrored', '› rtl mirrored', '< rtl mirrored', '≤ rtl mirrored'
    ])
  })

  it('draws them as written in a left-to-right run, in either paragraph direction', () => {
    expect(drawn('Kazinform «news» (2024) [a] {b} ‹c› a < b ≤ c', 'latin')).toEqual([
      '« ltr as written', '» ltr as written', '( ltr as written', ') ltr as written', '[ ltr as written', '] ltr as written',
      '{ ltr as written', '} ltr as written', '‹ ltr as written', '› ltr as written', '< ltr as written', '≤ ltr as written'
    ])
    // Latin inside Arabic: the brackets that UAX #9 gives the Latin word's direction keep their shape, those around it turn.
    expect(drawn('قالت الوكالة (INTERPOL [2024]) أمس', 'arabic')).toEqual(['( rtl mirrored', '[ ltr as written', '] ltr as written', ') rtl mirrored'])
    // Arabic inside English: guillemets between English words stay, brackets inside the Arabic turn.
    expect(drawn('The agency «قازإنفورم (كازاخستان)» said', 'latin')).toEqual(['« ltr as written', '( rtl mirrored', ') rtl mirrored', '» ltr as written'])
  })
})

describe('shaping', () => {
  it('gives back every character of a run, in logical order, from its glyphs', () => {
    const cases: Array<[FaceId, string, boolean]> = [
      ['naskh', 'مُولَّدة الإنتربول لا إله ـــ ﷲ', true],
      ['sansArabic', 'شتوك\u200dـ ١٢٣', true],
      ['notoSerif', 'office affine ﬁ e\u0301 Қазақстан ё', false],
      ['notoSerifItalic', 'Α\u0301 Ε\u0313 ι\u0308', false],
      ['serifSC', '国际刑警组织𠀀（2014年）', false]
    ]
    for (const [face, text, rtl] of cases) {
      const glyphs = shape(face, text, rtl).glyphs
      const logical = rtl ? [...glyphs].reverse() : glyphs
      expect(String.fromCodePoint(...logical.flatMap((glyph) => glyph.codePoints))).toBe(text)
    }
  })

  it('maps a composed letter to its composed character, and leaves other characters as written', () => {
    const textOf = (text: string) => layoutParagraph([run(text)], options('latin', { width: 1000 })).lines[0]!.pieces.flatMap((piece) => piece.glyphs.map((glyph) => glyph.text))
    expect(textOf('e\u0301')).toEqual(['é'])
    // U+037E GREEK QUESTION MARK and U+2126 OHM SIGN have NFC forms (“;” and “Ω”) but compose nothing.
    expect(textOf('\u037e\u2126').join('')).toBe('\u037e\u2126')
  })
})

describe('fonts', () => {
  it('give pdfkit the post table header fontkit would decode, without the glyph names', () => {
    for (const face of ['notoSerif', 'notoSerifItalic', 'notoSansBold', 'naskh', 'serifSC'] satisfies FaceId[]) {
      const full = (fontkit.create(Buffer.from(faceBuffer(face))) as fontkit.Font & { post: Record<string, unknown> }).post
      const shortcut = (faceFont(face) as fontkit.Font & { post: Record<string, unknown> }).post
      const { numberOfGlyphs: _count, glyphNameIndex: _index, names: _names, offsets: _offsets, map: _map, ...header } = full
      expect(shortcut).toEqual(header)
    }
    expect(faceFont('notoSerifItalic').italicAngle).toBeLessThan(0)
  })
})
