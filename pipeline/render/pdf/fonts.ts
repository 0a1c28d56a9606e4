/**
 * Fonts for the PDF writer, from npm packages (never the network or the
 * system): Noto Serif for text, Noto Sans for headings and captions. Both
 * cover Latin, Cyrillic (Kazakh letters included) and Greek. pdfkit embeds
 * only the glyphs a document uses (subsetting), so PDFs stay small.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { createRequire } from 'node:module'

export type FontRole = 'serif' | 'serifBold' | 'serifItalic' | 'serifBoldItalic' | 'sans' | 'sansBold' | 'sansItalic'

const require = createRequire(import.meta.url)

const FILES: Record<FontRole, string> = {
  serif: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  serifItalic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  serifBoldItalic: '@expo-google-fonts/noto-serif/700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
  sans: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  sansBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  sansItalic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf'
}

/** Absolute path of each font file; throws a clear error when one is missing or is not a font. */
export function fontPaths(env: NodeJS.ProcessEnv = process.env): Record<FontRole, string> {
  const chosen = chosenFonts(env.PRESS_FONTS)
  const paths = {} as Record<FontRole, string>
  for (const [role, spec] of Object.entries(FILES) as Array<[FontRole, string]>) {
    const file = chosen[role]
    if (file) {
      paths[role] = checkFont(file, role, 'fix the path in PRESS_FONTS, or unset it to use the fonts from npm')
      continue
    }
    try {
      paths[role] = require.resolve(spec)
    } catch {
      throw new Error(`Cannot find font file ${spec} (${role}): run \`npm install\` (the PDF fonts come from npm packages)`)
    }
    checkFont(paths[role], role, 'run `npm ci` to reinstall the font packages')
  }
  return paths
}

/**
 * `PRESS_FONTS="serif=/path/a.ttf,sans=/path/b.otf"` puts other files in some
 * roles: to try a font, and for tests of what a missing font does.
 */
function chosenFonts(setting: string | undefined): Partial<Record<FontRole, string>> {
  const chosen: Partial<Record<FontRole, string>> = {}
  for (const item of (setting ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const [role, file] = [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)]
    if (!(role in FILES) || !file) {
      throw new Error(`Unexpected \`${item}\` in PRESS_FONTS, expected role=file with a role among ${Object.keys(FILES).join(', ')}`)
    }
    chosen[role as FontRole] = file
  }
  return chosen
}

/** TrueType, OpenType (and collections), WOFF, WOFF2: what pdfkit's fontkit reads. */
const FONT_SIGNATURES = ['00010000', '74727565', '4f54544f', '74746366', '774f4646', '774f4632']

function checkFont(file: string, role: FontRole, what: string): string {
  let head: Buffer
  try {
    const handle = openSync(file, 'r')
    head = Buffer.alloc(4)
    readSync(handle, head, 0, 4, 0)
    closeSync(handle)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(`${code === 'ENOENT' ? 'Cannot find' : `Cannot read (${code})`} font file ${file} (${role}): ${what}`)
  }
  if (!FONT_SIGNATURES.includes(head.toString('hex'))) {
    throw new Error(`Unexpected font file ${file} (${role}): not a TrueType, OpenType or WOFF font; ${what}`)
  }
  return file
}
