/**
 * The script a locale's text is mostly written in: the PDF's faces and line
 * height, and the punctuation every format puts between a name and a role.
 */
export type Script = 'latin' | 'arabic' | 'cjk'

export function scriptOfLocale(locale: string): Script {
  const language = locale.toLowerCase().split('-')[0]
  if (language === 'ar' || language === 'fa' || language === 'ur') return 'arabic'
  if (language === 'zh' || language === 'ja') return 'cjk'
  return 'latin'
}

/**
 * The size a script's text is set at, against Latin text at the same nominal size: Naskh's letters are
 * small on their body, so Arabic is set 18 % larger, its Latin words and European digits (Noto Serif's)
 * at the Latin size. The PDF scales its Arabic styles by it (pdf/typeset.ts, pdf/text/latin-size.ts);
 * the web page and the e-book give the Arabic face the same `size-adjust` (fonts/web-fonts.ts).
 */
export const SCRIPT_SIZE: Record<Script, number> = { latin: 1, arabic: 1.18, cjk: 1 }
