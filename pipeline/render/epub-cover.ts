/**
 * A typographic cover for the e-book: publisher, title, interviewee and the
 * edition's language. Designed as SVG, then rasterised by resvg (npm
 * @resvg/resvg-js) to a 1600×2400 PNG, the image retailers and reading
 * systems expect: the type is outlined in the edition's own fonts, loaded
 * from the npm font files and never from the system, so every device shows
 * the same cover and two builds give the same bytes. No photo is invented;
 * the alt text says the same in words.
 */
import { createRequire } from 'node:module'
import { toHtml } from 'hast-util-to-html'
import { s } from 'hastscript'
import type { Edition } from './edition.ts'
import { fillTerm } from '../i18n/terms.ts'
import { comma } from './article.ts'
import { type FaceId, npmFaceFile } from './pdf/fonts.ts'
import { npmFace } from './fonts/npm-faces.ts'
import { cachedSubset } from './fonts/web-fonts.ts'
import { scriptOfLocale, type Script } from './script-of-locale.ts'
import { wrapBalanced } from './cover-lines.ts'
import { cachedCover, coverKey } from './cover-cache.ts'
import { encodePng } from './png.ts'

const WIDTH = 1200
const HEIGHT = 1800
/** The PNG: 1600×2400, the retailers' usual 2:3 cover. */
export const COVER_PIXELS = { width: 1600, height: 2400 } as const
/** The title block runs from TITLE_TOP to TITLE_BOTTOM; the largest size that fits is used. */
const TITLE_TOP = 380
const TITLE_BOTTOM = 1160
const TITLE_SIZES = [96, 88, 80, 72, 66, 60, 54, 48, 44]
const MAX_LINE = 900

/** Each script's faces: the title's bold, the rest regular; Latin faces after, for names in Latin letters. */
const COVER_FACES: Record<Script, { family: string; bold: FaceId; regular: FaceId; leading: number }> = {
  latin: { family: 'Noto Serif', bold: 'notoSerifBold', regular: 'notoSerif', leading: 1.2 },
  arabic: { family: 'Noto Naskh Arabic', bold: 'naskhBold', regular: 'naskh', leading: 1.45 },
  cjk: { family: 'Noto Serif SC', bold: 'serifSCBold', regular: 'serifSC', leading: 1.3 }
}

export interface Cover {
  png: Buffer
  alt: string
}

/** Everything the cover shows, in words: the design and the fonts do the rest. */
export interface CoverText {
  locale: string
  dir: 'ltr' | 'rtl'
  title: string
  publisher: string
  /** The interviewee and role, joined by the language's comma. */
  people: string
  /** The edition's language, named in itself. */
  language: string
}

export function coverText(edition: Edition): CoverText {
  const { meta, locale, dir } = edition
  return {
    locale, dir, title: meta.title, publisher: meta.publisher ?? '',
    people: [meta.interviewee, meta.intervieweeRole].filter(Boolean).join(comma(locale)),
    language: edition.languages.find((item) => item.locale === locale)?.name ?? locale
  }
}

/** The cover's alt text: the same in words as the picture. */
function coverAlt(edition: Edition, text: CoverText): string {
  return fillTerm(edition.terms.coverAlt, { title: text.title, people: text.people || text.title, publisher: text.publisher })
}

/**
 * The cover PNG, from the project's cache when the same text was set with
 * the same fonts and code before (cover-cache.ts): rasterising takes about
 * 0.1 s a cover. resvg is given the faces cut to the cover's characters
 * (kept in the font cache): the whole Chinese faces are two 15 MB files it
 * would read and parse for each cover, and the pixels are the same.
 */
export async function renderCover(edition: Edition, cacheDir: string): Promise<Cover> {
  const text = coverText(edition)
  const alt = coverAlt(edition, text)
  const script = scriptOfLocale(text.locale)
  const faces = COVER_FACES[script]
  const fontFiles = coverFontFiles(script)
  // The PNG's bytes are zlib's (png.ts): its version is an input.
  const raster = { width: COVER_PIXELS.width, defaultFontFamily: faces.family, png: `palette, zlib ${process.versions.zlib}` }
  const png = await cachedCover(cacheDir, coverKey({ text, alt, fontFiles, raster }), async () => {
    const shown = [...new Set([...text.publisher, ...text.title, ...text.people, ...text.language])].map((char) => char.codePointAt(0)!).sort((a, b) => a - b)
    const cut = await Promise.all(coverFaces(script).map(async (face) => (await cachedSubset(face, shown, 'truetype', cacheDir)).file))
    const { Resvg } = loadResvg()
    const image = new Resvg(coverSvg(text, alt), {
      font: { loadSystemFonts: false, fontFiles: cut, defaultFontFamily: raster.defaultFontFamily },
      fitTo: { mode: 'width', value: raster.width },
      languages: [text.locale],
      logLevel: 'off'
    }).render()
    return encodePng(image.pixels, image.width, image.height)
  })
  return { png, alt }
}

/**
 * resvg, loaded with the first cover to rasterise: a build whose covers are all in the cache never loads it.
 * Loading it asks `process.report` whether the C library is musl (resvg's loader), about 7 ms on Node.js 20.
 */
function loadResvg(): typeof import('@resvg/resvg-js') {
  return createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js')
}

/** The script's faces and the Latin ones, for names in Latin letters. */
function coverFaces(script: Script): FaceId[] {
  const faces = COVER_FACES[script]
  return [...new Set([faces.bold, faces.regular, 'notoSerifBold', 'notoSerif'] as FaceId[])]
}

const fontFilesOf = new Map<Script, string[]>()

/** The files of the cover's faces: found once per process (resolving is not free). */
function coverFontFiles(script: Script): string[] {
  let files = fontFilesOf.get(script)
  if (!files) {
    files = coverFaces(script).map(npmFaceFile)
    fontFilesOf.set(script, files)
  }
  return files
}

/** The cover's design, with its lines broken by measuring the text in the face that sets it. */
export function coverSvg(text: CoverText, alt: string): string {
  const { locale, dir, title, publisher, people, language } = text
  const faces = COVER_FACES[scriptOfLocale(locale)]
  const measure = (face: FaceId) => (line: string, size: number) => advanceOf(face, line) * size
  const { size, lines } = fitTitle(title, measure(faces.bold), locale)
  const lineHeight = size * faces.leading
  const titleTop = (TITLE_TOP + TITLE_BOTTOM) / 2 - (lines.length * lineHeight) / 2 + size
  const setText = (value: string, y: number, fontSize: number, style: Record<string, string | number>) => s('text', {
    x: WIDTH / 2, y, textAnchor: 'middle', fontSize, fontFamily: `${faces.family}, Noto Serif`, ...style
  }, value)
  const peopleLines = wrapBalanced(people, (line) => measure(faces.regular)(line, 48), MAX_LINE, locale)
  const tree = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT,
    role: 'img', ariaLabelledby: 'cover-title', 'xml:lang': locale, direction: dir
  }, [
    s('title#cover-title', alt),
    s('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, fill: '#0b3d6b' }),
    s('rect', { x: 80, y: 80, width: WIDTH - 160, height: HEIGHT - 160, fill: 'none', stroke: '#f4efe6', strokeWidth: 4 }),
    setText(publisher, 220, 44, { letterSpacing: scriptOfLocale(locale) === 'latin' ? 6 : 0, fill: '#f4efe6' }),
    ...lines.map((line, index) => setText(line, titleTop + index * lineHeight, size, { fontWeight: 'bold', fill: '#ffffff' })),
    ...peopleLines.map((line, index) => setText(line, 1290 + index * 48 * faces.leading, 48, { fill: '#f4efe6' })),
    setText(language, 1600, 40, { fill: '#c9d6e3' })
  ])
  // HTML serialisation leaves `>` in text as it is; XML forbids `]]>` in character data (a title may hold it).
  const markup = toHtml(tree, { space: 'svg' }).replaceAll(']]>', ']]&gt;')
  return `<?xml version="1.0" encoding="UTF-8"?>\n${markup}\n`
}

/**
 * A text's advance in ems, measured once per face and text: balancing tries
 * the same lines at every title size and every width it bisects (hundreds of
 * fontkit layouts per cover, about half a cold build's time, unremembered).
 */
const advances = new Map<string, number>()

function advanceOf(face: FaceId, text: string): number {
  const key = `${face}\u0000${text}`
  let advance = advances.get(key)
  if (advance === undefined) {
    const { font } = npmFace(face)
    advance = font.layout(text).advanceWidth / font.unitsPerEm
    if (advances.size >= 10_000) advances.clear()
    advances.set(key, advance)
  }
  return advance
}

function fitTitle(title: string, measure: (text: string, size: number) => number, locale: string): { size: number; lines: string[] } {
  const leading = COVER_FACES[scriptOfLocale(locale)].leading
  let lines: string[] = []
  for (const size of TITLE_SIZES) {
    lines = wrapBalanced(title, (line) => measure(line, size), MAX_LINE, locale)
    if (lines.length * size * leading <= TITLE_BOTTOM - TITLE_TOP) return { size, lines }
  }
  return { size: TITLE_SIZES.at(-1)!, lines }
}
