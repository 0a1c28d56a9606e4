/**
 * Fonts for the PDF writer, from npm packages (never the network or the
 * system). A style asks for a role (serif, sansBold…); each script has its
 * own face for that role, and the other scripts' faces are the fallback:
 *   latin  (Latin, Cyrillic, Greek)  Noto Serif / Noto Sans
 *   arabic                           Noto Naskh Arabic / Noto Sans Arabic
 *   cjk    (Han, kana)               Noto Serif SC / Noto Sans SC
 * Code (the `mono` role) is set in Noto Sans Mono first in every script.
 * After them, for scripts no edition is written in but a document may quote
 * (fallback only, never a role's first face): Noto Sans Hebrew, Noto Sans
 * Devanagari, Noto Sans Thai and Noto Emoji (monochrome outlines), regular
 * or bold. A face is read only when a character asks for it.
 * Arabic and Chinese have no italic: their italic roles use the upright face.
 * pdfkit embeds only the glyphs a document uses (subsetting), so PDFs stay
 * small even with 15 MB CJK font files. Each file is read once per process
 * (a large face's outlines only as its glyphs are asked for:
 * outlines-on-demand.ts), and parsed twice: by HarfBuzz to shape text
 * (text/shaping-font.ts) and by fontkit for pdfkit to embed.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import * as fontkit from 'fontkit'
import { copySimpleGlyphsUndecoded, readLongLoca, readPostHeaderOnly } from './fontkit-speed.ts'
import { type FontFile, readFontFile, readOutlinesOnDemand } from './outlines-on-demand.ts'

import { fontsInUse, type FontRole } from './font-choice.ts'
export type { FontRole } from './font-choice.ts'
export { scriptOfLocale, type Script } from '../script-of-locale.ts'
import type { Script } from '../script-of-locale.ts'
export const SCRIPTS: readonly Script[] = ['latin', 'arabic', 'cjk']

const require = createRequire(import.meta.url)

const FACES = {
  notoSerif: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  notoSerifBold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  notoSerifItalic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  notoSerifBoldItalic: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
  notoSans: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  notoSansBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  notoSansItalic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  notoSansBoldItalic: '@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
  notoSansMono: '@expo-google-fonts/noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf',
  naskh: '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf',
  naskhBold: '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf',
  sansArabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  sansArabicBold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  serifSC: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  serifSCBold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  sansSC: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  sansSCBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  hebrew: '@embedpdf/fonts-hebrew/fonts/NotoSansHebrew-Regular.ttf',
  hebrewBold: '@embedpdf/fonts-hebrew/fonts/NotoSansHebrew-Bold.ttf',
  devanagari: '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf',
  devanagariBold: '@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf',
  thai: '@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf',
  thaiBold: '@expo-google-fonts/noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf',
  emoji: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
  emojiBold: '@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf'
} as const

export type FaceId = keyof typeof FACES

/** Every face's font file from npm: what the benchmark gives Typst, so both set the text in the same fonts. */
export function npmFontFiles(): string[] {
  return Object.values(FACES).map(packageFile)
}

/**
 * A file inside an npm package. A package whose `exports` name only its
 * entry point (@embedpdf/fonts-hebrew) refuses require.resolve of any other
 * file: there the file is found from the package's folder, above its entry.
 */
function packageFile(spec: string): string {
  try {
    return require.resolve(spec)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error
  }
  const name = spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')
  let root = path.dirname(require.resolve(name))
  while (!root.endsWith(path.join('node_modules', name)) && root !== path.dirname(root)) root = path.dirname(root)
  return path.join(root, spec.slice(name.length + 1))
}

const ROLE_FACES: Record<Script, Record<FontRole, FaceId>> = {
  latin: {
    serif: 'notoSerif', serifBold: 'notoSerifBold', serifItalic: 'notoSerifItalic', serifBoldItalic: 'notoSerifBoldItalic',
    sans: 'notoSans', sansBold: 'notoSansBold', sansItalic: 'notoSansItalic', sansBoldItalic: 'notoSansBoldItalic', mono: 'notoSansMono'
  },
  arabic: {
    serif: 'naskh', serifBold: 'naskhBold', serifItalic: 'naskh', serifBoldItalic: 'naskhBold',
    sans: 'sansArabic', sansBold: 'sansArabicBold', sansItalic: 'sansArabic', sansBoldItalic: 'sansArabicBold', mono: 'sansArabic'
  },
  cjk: {
    serif: 'serifSC', serifBold: 'serifSCBold', serifItalic: 'serifSC', serifBoldItalic: 'serifSCBold',
    sans: 'sansSC', sansBold: 'sansSCBold', sansItalic: 'sansSC', sansBoldItalic: 'sansSCBold', mono: 'sansSC'
  }
}

/** The faces for scripts no edition is written in, tried after every edition script's face: regular, or bold for a bold role. */
export const FALLBACK_FACES = {
  regular: ['hebrew', 'devanagari', 'thai', 'emoji'],
  bold: ['hebrewBold', 'devanagariBold', 'thaiBold', 'emojiBold']
} as const satisfies Record<'regular' | 'bold', readonly FaceId[]>

/** Faces whose space is not a text's space (Noto Emoji's is 1.27 em, an emoji's width): a space after an emoji goes back to the run's face. */
const EMOJI_FACES: ReadonlySet<FaceId> = new Set(['emoji', 'emojiBold'])

export function setsSpaces(face: FaceId): boolean {
  return !EMOJI_FACES.has(face)
}

const BOLD_ROLES: ReadonlySet<FontRole> = new Set(['serifBold', 'serifBoldItalic', 'sansBold', 'sansBoldItalic'])

/** The faces to try for a character of `script` in `role`: its own script's face, then the others, then the fallback faces. */
export function fallbackFaces(role: FontRole, script: Script): FaceId[] {
  // Code is set in the monospace face whatever the edition's script: its letters are Latin, its columns must line up.
  const first: Script = role === 'mono' ? 'latin' : script
  const fallback = FALLBACK_FACES[BOLD_ROLES.has(role) ? 'bold' : 'regular']
  return [...[first, ...SCRIPTS.filter((other) => other !== first)].map((each) => ROLE_FACES[each][role]), ...fallback]
}

const files = new Map<FaceId, FontFile>()
const fonts = new Map<FaceId, fontkit.Font>()
/** The choice of files the caches above hold faces of: a new choice empties them. */
let cachedChoice = fontsInUse()
/** The other caches of what a face's file held (shaping, shapes, the npm faces): told when a face is read afresh. */
const dropListeners: Array<(face: FaceId) => void> = []

/** `drop` is called with each face whose file is to be read afresh: what was kept of its old bytes goes with it. */
export function onFaceDropped(drop: (face: FaceId) => void): void {
  dropListeners.push(drop)
}

function dropFace(face: FaceId): void {
  files.delete(face)
  fonts.delete(face)
  for (const drop of dropListeners) drop(face)
}

function sameChoice(): Readonly<Partial<Record<FontRole, string>>> {
  const chosen = fontsInUse()
  if (chosen !== cachedChoice) {
    for (const face of new Set([...files.keys(), ...fonts.keys()])) dropFace(face)
    cachedChoice = chosen
  }
  return chosen
}

/**
 * A face whose file a read found written anew failed the edition reading it; the next to ask (a later build, the
 * preview's next render) reads the file afresh, not the failed one again. No other edition is half-drawn with the
 * old face then: a PDF is laid out and its faces embedded in one synchronous stretch (pdf/index.ts renderPdf).
 */
function droppedIfChanged(face: FaceId): void {
  if (files.get(face)?.changed) dropFace(face)
}

/**
 * The bytes of a face's font file, read once per process, a large face's
 * outlines only as fontkit asks for its glyphs (outlines-on-demand.ts); a
 * missing or broken file is a clear error.
 */
export function faceBuffer(face: FaceId): Buffer {
  return fontFile(face).bytes
}

function fontFile(face: FaceId): FontFile {
  sameChoice()
  droppedIfChanged(face)
  let file = files.get(face)
  if (!file) {
    file = readFontFile(faceFile(face))
    files.set(face, file)
  }
  return file
}

/** The file of a face (npm package, or PRESS_FONTS for a Latin role), checked to be one TrueType/OpenType font. */
export function faceFile(face: FaceId): string {
  const role = (Object.entries(ROLE_FACES.latin) as Array<[FontRole, FaceId]>).find(([, id]) => id === face)?.[0]
  const given = role ? sameChoice()[role] : undefined
  if (given) return checkFont(given, role!, 'fix the path in PRESS_FONTS, or unset it to use the fonts from npm')
  return npmFaceFile(face)
}

/** The face's file from its npm package, never PRESS_FONTS (a trial font is for the PDF only). */
export function npmFaceFile(face: FaceId): string {
  let file: string
  try {
    file = packageFile(FACES[face])
  } catch {
    throw new Error(`Cannot find font file ${FACES[face]} (${face}): run \`npm install\` (the PDF fonts come from npm packages)`)
  }
  return checkFont(file, face, 'run `npm ci` to reinstall the font packages')
}

/**
 * One TrueType or OpenType face: what both HarfBuzz (shaping) and pdfkit
 * (embedding) take. Not a collection (pdfkit cannot embed one), nor WOFF,
 * which is for browsers.
 */
const FONT_SIGNATURES = ['00010000', '74727565', '4f54544f']

function checkFont(file: string, name: string, what: string): string {
  let head: Buffer
  try {
    const handle = openSync(file, 'r')
    head = Buffer.alloc(4)
    // A folder opens but fails to read (EISDIR): the handle is closed either way, the preview runs for hours.
    try {
      readSync(handle, head, 0, 4, 0)
    } finally {
      closeSync(handle)
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(`${code === 'ENOENT' ? 'Cannot find' : `Cannot read (${code})`} font file ${file} (${name}): ${what}`)
  }
  if (!FONT_SIGNATURES.includes(head.toString('hex'))) {
    throw new Error(`Unexpected font file ${file} (${name}): not a single TrueType or OpenType font (.ttf, .otf; not a collection or WOFF); ${what}`)
  }
  return file
}

/** A face parsed by fontkit, shared by every edition: pdfkit subsets and embeds it, and its header gives line metrics. */
export function faceFont(face: FaceId): fontkit.Font {
  sameChoice()
  droppedIfChanged(face)
  let font = fonts.get(face)
  if (!font) {
    font = fontkit.create(faceBuffer(face)) as fontkit.Font
    readOutlinesOnDemand(font, fontFile(face))
    readPostHeaderOnly(font, faceBuffer(face))
    readLongLoca(font, faceBuffer(face))
    copySimpleGlyphsUndecoded(font)
    fonts.set(face, font)
  }
  return font
}
