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
