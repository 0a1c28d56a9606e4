/**
 * npm run bench:typography: the typography of the English, Kazakh and
 * Russian PDFs beside Typst 0.14 (Knuth–Plass line breaking) setting the
 * same translated texts in the same npm fonts at the same measure and size,
 * the yardstick. Both measured alike from poppler's word boxes
 * (typography-metrics.ts); prints the README's table and the targets.
 *   npm run bench:typography [-- --json bench/typography.json]
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { translatedTrees } from './translated-markdown.ts'
import { toTypst, typstCompile, typstJobs } from './typst.ts'
import { typographyOf, type TypographyMetrics } from './typography-metrics.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const LOCALES = ['en', 'kk', 'ru'] as const
/** Our page (render/pdf/index.ts, state.ts): a 385 pt measure of 11 pt Noto Serif; Typst is given the same. */
export const TYPST_PAGE = { marginX: '105pt', size: '11pt' }

/** The targets for each language. */
export function targetsMet(locale: string, m: TypographyMetrics): string[] {
  const failed: string[] = []
  const [low, high] = locale === 'en' ? [60, 75] : [55, 75]
  if (m.measure < low || m.measure > high) failed.push(`measure ${m.measure} not in ${low}–${high}`)
  if (m.ladder > 2) failed.push(`ladder ${m.ladder} > 2`)
  if (m.hyphenated > (locale === 'en' ? 15 : 25)) failed.push(`hyphenated ${m.hyphenated} % > ${locale === 'en' ? 15 : 25} %`)
  if (m.loose > 5) failed.push(`loose ${m.loose} % > 5 %`)
  if (m.widest > 0.6) failed.push(`widest ${m.widest} em > 0.6 em`)
  if (m.dashStarts > 0) failed.push(`${m.dashStarts} dash at a line start`)
  if (locale !== 'en' && m.oneLetterEnds > 0) failed.push(`${m.oneLetterEnds} one-letter word at a line end`)
  if (m.overfull > 0) failed.push(`${m.overfull} line beyond the column`)
  return failed
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'press-typography-'))
  try {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'bin/press.mjs'), 'build', '--locale', LOCALES.join(','), '--format', 'pdf', '--force', '--out', path.join(work, 'ours')], { cwd: ROOT, encoding: 'utf8' })
    if (built.status !== 0) throw new Error(`build failed:\n${built.stderr}`)
    const trees = await translatedTrees(ROOT, 'interview')
    const jobs = LOCALES.map((locale) => {
      const source = path.join(work, `${locale}.typ`)
      writeFileSync(source, toTypst(locale, trees.get(locale)!, TYPST_PAGE))
      return { source, pdf: path.join(work, `${locale}.typst.pdf`) }
    })
    writeFileSync(path.join(work, 'jobs.json'), JSON.stringify(typstJobs(jobs)))
    typstCompile(path.join(work, 'jobs.json'))
    const rows: Array<{ locale: string; setter: string; metrics: TypographyMetrics; failed: string[] }> = []
    for (const locale of LOCALES) {
      const ours = typographyOf(path.join(work, 'ours', locale, 'interview.pdf'))
      const typst = typographyOf(path.join(work, `${locale}.typst.pdf`))
      rows.push({ locale, setter: 'ours', metrics: ours, failed: targetsMet(locale, ours) })
      rows.push({ locale, setter: 'Typst', metrics: typst, failed: targetsMet(locale, typst) })
    }
    console.log('| | measure (chars) | longest hyphen ladder | hyphenated lines | loose lines (space > 0.45 em) | widest space | dash at line start | one-letter word at line end | body lines (full) |')
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
    for (const { locale, setter, metrics: m } of rows) {
      console.log(`| ${locale}, ${setter} | ${m.measure} | ${m.ladder} | ${m.hyphenated} % | ${m.loose} % | ${m.widest} em | ${m.dashStarts} | ${locale === 'en' ? '–' : m.oneLetterEnds} | ${m.lines} (${m.fullLines}) |`)
    }
    console.log('')
    for (const { locale, setter, failed } of rows) console.log(`${locale}, ${setter}: ${failed.length === 0 ? 'every target met' : failed.join('; ')}`)
    const json = process.argv.indexOf('--json')
    if (json > 0) writeFileSync(process.argv[json + 1]!, `${JSON.stringify(rows, null, 2)}\n`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
