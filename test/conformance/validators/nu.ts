/** The Nu Html Checker (npm vnu-jar, run with Java): errors and warnings per HTML file. */
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import { requireCommand, requireFile } from '../tools.ts'
import type { Finding, Validator } from '../validator.ts'

const run = promisify(execFile)
const require = createRequire(import.meta.url)

function jar(): string {
  // vnu-jar exports the jar's path (as a String object).
  return requireFile(String(require('vnu-jar')), 'run `npm install` (vnu-jar is a dev dependency)')
}

interface Report {
  messages: Array<{ type: string; subType?: string; message: string; lastLine?: number; firstColumn?: number }>
}

export const nu: Validator = {
  name: 'Nu',
  formats: ['html'],
  check() {
    requireCommand('java', 'apt-get install -y default-jre-headless')
    jar()
  },
  async validate(file) {
    // vnu exits 1 when it finds errors; its JSON report is on stderr either way.
    const result = await run('java', ['-jar', jar(), '--format', 'json', '--also-check-css', file], { maxBuffer: 16 * 1024 * 1024 }).catch(
      (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' })
    )
    const report = JSON.parse(result.stderr) as Report
    return report.messages.flatMap((message): Finding[] => {
      const severity = message.type === 'error' || message.subType === 'fatal' ? 'error' : message.type === 'info' && message.subType === 'warning' ? 'warning' : message.type === 'non-document-error' ? 'error' : undefined
      return severity ? [{ severity, message: `${message.message}${message.lastLine ? ` (line ${message.lastLine})` : ''}` }] : []
    })
  }
}
