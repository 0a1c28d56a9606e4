/** poppler's pdffonts: every font embedded and subset, with a Unicode map for copy-paste. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { requireCommand } from '../tools.ts'
import type { Finding, Validator } from '../validator.ts'

const run = promisify(execFile)

export const pdfFonts: Validator = {
  name: 'pdffonts',
  formats: ['pdf'],
  check() {
    requireCommand('pdffonts', 'apt-get install -y poppler-utils')
  },
  async validate(file) {
    const { stdout } = await run('pdffonts', [file])
    const rows = stdout.trim().split('\n').slice(2)
    if (rows.length === 0) return [{ severity: 'error', message: 'no fonts: the text cannot be in the PDF' }]
    return rows.flatMap((row): Finding[] => {
      const columns = row.trim().split(/\s+/)
      const [emb, sub, uni] = [columns.at(-5), columns.at(-4), columns.at(-3)]
      const problems = [emb !== 'yes' && 'not embedded', sub !== 'yes' && 'not subset', uni !== 'yes' && 'no ToUnicode map'].filter(Boolean)
      return problems.length > 0 ? [{ severity: 'error', message: `${columns[0]}: ${problems.join(', ')}` }] : []
    })
  }
}
