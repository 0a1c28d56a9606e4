/**
 * Fonts for the PDF writer, from npm packages (never the network or the
 * system): Noto Serif for text, Noto Sans for headings and captions. Both
 * cover Latin, Cyrillic (Kazakh letters included) and Greek. pdfkit embeds
 * only the glyphs a document uses (subsetting), so PDFs stay small.
 */
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

/** Absolute path of each font file; throws a clear error when a package is missing. */
export function fontPaths(): Record<FontRole, string> {
  const paths = {} as Record<FontRole, string>
  for (const [role, spec] of Object.entries(FILES) as Array<[FontRole, string]>) {
    try {
      paths[role] = require.resolve(spec)
    } catch {
      throw new Error(`Cannot find font file ${spec}: run \`npm install\` (the fonts come from npm packages)`)
    }
  }
  return paths
}
