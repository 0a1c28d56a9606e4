/**
 * Fonts that travel with a page or a book: the faces a page uses, cut to the
 * characters it shows (HarfBuzz's hb-subset in WebAssembly, hb-subset.ts),
 * WOFF2 for browsers and TrueType for e-books, with @font-face rules whose
 * unicode-range lists exactly those characters, so a browser never asks for a
 * face it does not need. Subsets are kept in the project's cache by content
 * and by the code and libraries that made them: cutting and compressing a
 * Chinese page's faces takes about half a second of CPU, and a rebuild with
 * the same characters takes none.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Element, Root } from 'hast'
import { pipelineVersion } from '../../output/edition-cache.ts'
import { writeAtomic } from '../../output/write-atomic.ts'
import type { FaceId } from '../pdf/fonts.ts'
import { npmFace } from './npm-faces.ts'
import { charactersByFace, FAMILIES, scriptOfFamily, type FaceUse } from './font-usage.ts'
import { fallbackUses, fileFamily } from './fallback-faces.ts'
import { SCRIPT_SIZE } from '../script-of-locale.ts'
import { subsetFace } from './hb-subset.ts'
import { toWoff2 } from './woff2.ts'

export type FontFormat = 'woff2' | 'truetype'

export interface SubsetFont extends FaceUse {
  /** File name, by family, weight, style and content: `NotoSerif-700-3f2a….woff2`. */
  name: string
  data: Buffer
  format: FontFormat
  /** The code points it carries, ascending. */
  codePoints: number[]
  /** The licence file of its package, shipped beside it (none for a file given in PRESS_FONTS). */
  licence?: { name: string; text: string } | undefined
  /** Carries characters the page's own faces lack, after the Latin face (fallback-faces.ts). */
  fallback?: true
}

interface PageFace {
  face: FaceId
  use: FaceUse
  codePoints: number[]
  fallback?: true
}

export async function pageFonts(tree: Root | Element, locale: string, format: FontFormat, cacheDir: string): Promise<SubsetFont[]> {
  // Every face is cut at once (their WOFF2 compressed off the main thread, in turn); the list keeps the faces' order.
  const faces = facesOf(tree, locale, format).map((face) => ({ ...face, cut: cachedSubset(face.face, face.codePoints, format, cacheDir) }))
  const made = await Promise.all(faces.map(({ cut }) => cut))
  return faces.map(({ face, use, codePoints, fallback }, index) => {
    const { data } = made[index]!
    const hash = createHash('sha256').update(data).digest('hex').slice(0, 12)
    const family = fileFamily(face, use.family)
    const base = `${family.replace(/\s+/g, '')}-${use.weight}${use.style === 'italic' ? 'i' : ''}`
    return { ...use, name: `${base}-${hash}.${format === 'woff2' ? 'woff2' : 'ttf'}`, data, format, codePoints, licence: licenceOf(face, family), ...(fallback ? { fallback } : {}) }
  })
}

/**
 * Starts cutting a page's fonts into the cache, for pageFonts to find when
 * the page is written; a failure is left for that call to report.
 */
export function cutFontsAhead(tree: Root | Element, locale: string, format: FontFormat, cacheDir: string): void {
  for (const { face, codePoints } of facesOf(tree, locale, format)) cachedSubset(face, codePoints, format, cacheDir).catch(() => {})
}

/**
 * The faces a page uses, by face id, each with the code points it has glyphs for (faces with none left
 * out). An e-book's Arabic face leaves Latin letters and European digits to the Latin face: its whole
 * face is set larger (size-adjust), where a web page's rules can scale only its Arabic range. What the
 * Latin face, last in every family list, lacks and no script's face has goes to the fallback faces
 * (fallback-faces.ts).
 */
function facesOf(tree: Root | Element, locale: string, format: FontFormat): PageFace[] {
  const found: PageFace[] = []
  for (const [face, { use, text, byScript }] of [...charactersByFace(tree, locale)].sort(([a], [b]) => a.localeCompare(b))) {
    const { font } = npmFace(face)
    const scaled = format === 'truetype' && SCRIPT_SIZE[scriptOfFamily(use.family)] !== 1
    const codePoints = [...text].map((char) => char.codePointAt(0)!).filter((code) => font.hasGlyphForCodePoint(code) && !(scaled && isLatinSized(code))).sort((a, b) => a - b)
    if (codePoints.length > 0) found.push({ face, use, codePoints })
    if (use.family === FAMILIES.latin) {
      // In an e-book the regular and the italic Latin face give the same upright fallback face, and an Arabic element's face may be the one an English sentence's Arabic falls back to: one subset of both.
      for (const fallback of fallbackUses(use, byScript, format)) {
        const same = found.find((other) => other.face === fallback.face && other.use.family === fallback.use.family && other.use.style === fallback.use.style)
        if (same) {
          same.codePoints = [...new Set([...same.codePoints, ...fallback.codePoints])].sort((a, b) => a - b)
          same.fallback = true
        } else found.push({ ...fallback, fallback: true })
      }
    }
  }
  return found
}

/**
 * A face cut to `codePoints`, from the cache or made and kept there: its
 * bytes and the cache file that holds them (the cover gives resvg the file).
 */
export async function cachedSubset(face: FaceId, codePoints: number[], format: FontFormat, cacheDir: string): Promise<{ file: string; data: Buffer }> {
  const { file: source } = npmFace(face)
  const file = path.join(cacheDir, 'fonts', `${subsetKey(source, format, codePoints, pipelineVersion(path.dirname(cacheDir)))}.${format}`)
  try {
    return { file, data: readFileSync(file) }
  } catch {
    // Not made yet.
  }
  let making = inFlight.get(file)
  if (!making) {
    making = cut(source, codePoints, format).then(async (data) => {
      await writeAtomic(file, data, { sync: false })
      return { file, data }
    }).finally(() => inFlight.delete(file))
    inFlight.set(file, making)
  }
  return making
}

/**
 * What a subset's bytes depend on: the font file (path, size, modification
 * time), the format, the characters, and the code and locked libraries that
 * cut and compress it (`code`: hb-subset's build, the WOFF2 encoder and its
 * Brotli, our calls), so an upgrade or a fix makes the fonts anew instead of
 * finding an older encoder's files.
 */
export function subsetKey(source: string, format: FontFormat, codePoints: readonly number[], code: string): string {
  const { size, mtimeMs } = statSync(source)
  return createHash('sha256').update(`${code}\u0000${source}\u0000${size}\u0000${mtimeMs}\u0000${format}\u0000${String.fromCodePoint(...codePoints)}`).digest('hex')
}

/** Subsets being made, by cache file: a face asked for twice at once (two pages, or a page asked ahead) is cut once. */
const inFlight = new Map<string, Promise<{ file: string; data: Buffer }>>()

/** hb-subset here (hb-subset.ts), then WOFF2 off the main thread (woff2.ts). */
async function cut(source: string, codePoints: number[], format: FontFormat): Promise<Buffer> {
  const sfnt = subsetFace(source, codePoints)
  return format === 'woff2' ? toWoff2(sfnt) : sfnt
}

/**
 * The font package's OFL text, named by family: `OFL-NotoSerif.txt`. The
 * Expo packages keep it in LICENSE_FONT (their LICENSE is the code's); a
 * package of fonts alone (@embedpdf/fonts-hebrew) in LICENSE.
 */
function licenceOf(face: FaceId, family: string): { name: string; text: string } | undefined {
  const folder = path.dirname(path.dirname(npmFace(face).file))
  for (const file of ['LICENSE_FONT', 'LICENSE']) {
    try {
      const text = readFileSync(path.join(folder, file), 'utf8')
      if (file === 'LICENSE' && !text.includes('SIL Open Font License')) return undefined
      return { name: `OFL-${family.replace(/\s+/g, '')}.txt`, text }
    } catch {
      // The next name, or none.
    }
  }
  return undefined
}

/**
 * `@font-face` rules for the subsets, each with the unicode-range of its
 * characters for a browser. Not in an e-book: MuPDF's CSS parser loses the
 * rule after a unicode-range (there, the figures' blocks), and a book's faces
 * are all its own anyway.
 */
export function fontFaceCss(fonts: readonly SubsetFont[], urlOf: (font: SubsetFont) => string, { unicodeRange: withRange = true } = {}): string {
  // A browser tries a family's faces last rule first: the faces after the Latin face come before it, so a character
  // both have (a keycap's digit, which the emoji face maps for its sequence) is the Latin face's outside the sequence.
  const ordered = withRange ? [...fonts.filter((font) => font.fallback), ...fonts.filter((font) => !font.fallback)] : fonts
  return ordered.flatMap((font) => {
    const scale = SCRIPT_SIZE[scriptOfFamily(font.family)]
    const rule = (codePoints: readonly number[], size: number) => [
      '@font-face {',
      `  font-family: "${font.family}";`,
      `  font-weight: ${font.weight};`,
      `  font-style: ${font.style};`,
      '  font-display: swap;',
      `  src: url("${urlOf(font)}") format("${font.format}");`,
      ...(size === 1 ? [] : [`  size-adjust: ${Math.round(size * 100)}%;`]),
      ...(withRange ? [`  unicode-range: ${unicodeRange(codePoints)};`] : []),
      '}'
    ].join('\n')
    if (scale === 1 || !withRange) return [rule(font.codePoints, scale)]
    // The script's letters at its size (Arabic 18 % larger, as the PDF sets them), the face's Latin letters and digits at the Latin size.
    const latin = font.codePoints.filter(isLatinSized)
    const own = font.codePoints.filter((code) => !isLatinSized(code))
    return [...(own.length > 0 ? [rule(own, scale)] : []), ...(latin.length > 0 ? [rule(latin, 1)] : [])]
  }).join('\n') + (fonts.length > 0 ? '\n' : '')
}

/** Latin, Greek and Cyrillic letters and European digits: the PDF sets them at the Latin size in Arabic text too (pdf/text/latin-size.ts). */
const LATIN_SIZED = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9]$/u
const isLatinSized = (code: number) => LATIN_SIZED.test(String.fromCodePoint(code))

/** Ascending code points as CSS ranges: U+41-5A, U+E9. */
export function unicodeRange(codePoints: readonly number[]): string {
  const ranges: string[] = []
  for (let i = 0; i < codePoints.length; i++) {
    const start = codePoints[i]!
    while (i + 1 < codePoints.length && codePoints[i + 1] === codePoints[i]! + 1) i++
    const end = codePoints[i]!
    ranges.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`)
  }
  return ranges.join(', ')
}

function hex(code: number): string {
  return code.toString(16).toUpperCase()
}
