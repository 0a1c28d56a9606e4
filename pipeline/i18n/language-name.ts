/** A language's name in itself, from CLDR (`kk` → “қазақ тілі”); the code when CLDR has none. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}
