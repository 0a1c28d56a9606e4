/** EPUBCheck (Debian's `epubcheck`, run with Java): fatals, errors and warnings per EPUB. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { requireCommand, requireFile } from '../tools.ts'
import type { Finding, Validator } from '../validator.ts'

const run = promisify(execFile)
const JAR = '/usr/share/java/epubcheck.jar'
const INSTALL = 'apt-get install -y default-jre-headless epubcheck'

interface Report {
  messages: Array<{ ID: string; severity: string; message: string; locations: Array<{ path: string; line: number; column: number }> }>
}

export const epubcheck: Validator = {
  name: 'EPUBCheck',
  formats: ['epub'],
  check() {
    requireCommand('java', INSTALL)
    requireFile(JAR, INSTALL)
  },
  async validate(file) {
    // EPUBCheck exits non-zero when it finds errors; its JSON report says what they are.
    const result = await run('java', ['-jar', JAR, file, '--json', '-', '--quiet'], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' })
    )
    let report: Report
    try {
      report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as Report
    } catch {
      return [{ severity: 'error', message: `EPUBCheck gave no report: ${result.stderr.trim().slice(0, 300)}` }]
    }
    return report.messages.flatMap((message): Finding[] => {
      const severity = message.severity === 'FATAL' || message.severity === 'ERROR' ? 'error' : message.severity === 'WARNING' ? 'warning' : undefined
      if (!severity) return []
      const where = message.locations[0]
      return [{ severity, message: `${message.ID} ${message.message}${where ? ` (${where.path}:${where.line}:${where.column})` : ''}` }]
    })
  }
}
