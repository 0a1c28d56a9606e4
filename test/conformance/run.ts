/**
 * `npm run test:conformance`: builds every edition of the repository's
 * content and of the GFM test document (projects.ts) into a temporary
 * folder and runs each public validator on each edition; prints a table and fails
 * on any finding, or when a validator's program is missing.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from '../../pipeline/build.ts'
import { conformanceProjects } from './projects.ts'
import { checkScreenshotTools, screenshot } from './screenshots.ts'
import { ace } from './validators/ace.ts'
import { axe } from './validators/axe.ts'
import { epubcheck } from './validators/epubcheck.ts'
import { nu } from './validators/nu.ts'
import { pdfFonts } from './validators/pdf-fonts.ts'
import { pdfStructure } from './validators/pdf-structure.ts'
import type { Finding, Validator } from './validator.ts'

const VALIDATORS: Validator[] = [epubcheck, ace, nu, axe, pdfFonts, pdfStructure]
const REPORT_DIR = path.resolve(process.env.CONFORMANCE_REPORT ?? 'report/conformance')

async function main(): Promise<number> {
  for (const validator of VALIDATORS) await validator.check()
  checkScreenshotTools()
  const out = process.env.CONFORMANCE_OUT ?? mkdtempSync(path.join(tmpdir(), 'press-conformance-'))
  const rows: Array<{ edition: string; validator: string; errors: number; warnings: number; findings: Finding[] }> = []
  const shots: string[] = []
  for (const project of await conformanceProjects(process.cwd())) {
    const folder = path.join(out, project.name)
    const result = await build({ root: project.root, out: folder, ...(project.locales ? { locales: project.locales } : {}) })
    if (result.failures.length > 0) {
      for (const failure of result.failures) console.error(`build failed: ${failure.doc} ${failure.locale} ${failure.format ?? ''}: ${failure.reason}`)
      return 1
    }
    for (const entry of result.written) {
      if (entry.document === null) continue
      const edition = path.join(project.name, entry.path)
      shots.push(...await screenshot(path.join(folder, entry.path), edition, REPORT_DIR))
      for (const validator of VALIDATORS.filter((item) => item.formats.includes(entry.format as never))) {
        const findings = await validator.validate(path.join(folder, entry.path))
        rows.push({
          edition,
          validator: validator.name,
          errors: findings.filter((finding) => finding.severity === 'error').length,
          warnings: findings.filter((finding) => finding.severity === 'warning').length,
          findings
        })
      }
    }
  }
  const width = Math.max(...rows.map((row) => row.edition.length), 'edition'.length)
  console.log(`${'edition'.padEnd(width)}  ${'validator'.padEnd(10)}  errors  warnings`)
  // axe findings are violations; the others are errors and warnings as each validator names them.
  for (const row of rows) {
    console.log(`${row.edition.padEnd(width)}  ${row.validator.padEnd(10)}  ${String(row.errors).padStart(6)}  ${String(row.warnings).padStart(8)}`)
    for (const finding of row.findings) console.log(`    ${finding.severity}: ${finding.message}`)
  }
  for (const validator of VALIDATORS) await validator.close?.()
  console.log(`screenshots: ${shots.length} PNG files in ${path.relative(process.cwd(), REPORT_DIR) || REPORT_DIR}`)
  const bad = rows.filter((row) => row.errors + row.warnings > 0)
  const checks = rows.length
  console.log(`${checks - bad.length} passed, ${bad.length} failed`)
  return bad.length > 0 ? 1 : 0
}

main().then(
  (code) => { process.exitCode = code },
  async (error: unknown) => {
    for (const validator of VALIDATORS) await validator.close?.().catch(() => {})
    console.error(`conformance: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
)
