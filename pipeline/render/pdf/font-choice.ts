/**
 * `PRESS_FONTS="serif=/path/a.ttf,sans=/path/b.otf"` puts other files in the
 * Latin-script roles: to try a font, and for tests of what a missing font
 * does. Read without loading a font library, because the edition keys and
 * the no-change check hash the chosen files too (output/byte-inputs.ts).
 */
import { UsageError } from '../../report.ts'

export const FONT_ROLES = ['serif', 'serifBold', 'serifItalic', 'serifBoldItalic', 'sans', 'sansBold', 'sansItalic', 'sansBoldItalic', 'mono'] as const
export type FontRole = (typeof FONT_ROLES)[number]

export function chosenFonts(setting: string | undefined): Partial<Record<FontRole, string>> {
  const chosen: Partial<Record<FontRole, string>> = {}
  for (const item of (setting ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const [role, file] = [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)]
    if (!(FONT_ROLES as readonly string[]).includes(role) || !file) {
      throw new UsageError(`Unexpected \`${item}\` in PRESS_FONTS, expected role=file with a role among ${FONT_ROLES.join(', ')}`)
    }
    chosen[role as FontRole] = file
  }
  return chosen
}

let inUse: Readonly<Partial<Record<FontRole, string>>> = {}

/**
 * The font files the writers use in the Latin roles: configuration given by
 * the build and the preview from their options (no writer reads the
 * environment). A new choice is a new object, so caches of faces can tell.
 */
export function useFonts(files: Partial<Record<FontRole, string>>): void {
  if (JSON.stringify(files) !== JSON.stringify(inUse)) inUse = Object.freeze({ ...files })
}

export function fontsInUse(): Readonly<Partial<Record<FontRole, string>>> {
  return inUse
}
