/**
 * Ace by DAISY (npm @daisy/ace-cli, on Debian's Chromium through puppeteer;
 * .puppeteerrc.cjs stops any browser download): serious and critical
 * violations are errors, moderate and minor ones warnings.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { checkChromium, CHROMIUM } from '../browser.ts'
import { requireFile } from '../tools.ts'
import type { Finding, Validator } from '../validator.ts'

const run = promisify(execFile)
const require = createRequire(import.meta.url)

function cli(): string {
  const pkg = require.resolve('@daisy/ace-cli/package.json')
  return requireFile(path.join(path.dirname(pkg), 'bin/ace.js'), 'run `npm install` (@daisy/ace-cli is a dev dependency)')
}

interface Report {
  assertions: Array<{ 'earl:testSubject'?: { url?: string }; assertions: Array<{ 'earl:test': { 'earl:impact': string; 'dct:title': string }; 'earl:result': { 'dct:description'?: string } }> }>
}

export const ace: Validator = {
  name: 'Ace',
  formats: ['epub'],
  check() {
    checkChromium()
    cli()
  },
  async validate(file) {
    const out = mkdtempSync(path.join(tmpdir(), 'press-ace-'))
    try {
      await run(process.execPath, [cli(), '--silent', '--force', '--outdir', out, file], {
        env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM, PUPPETEER_SKIP_DOWNLOAD: 'true' },
        maxBuffer: 16 * 1024 * 1024
      })
      const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report
      return report.assertions.flatMap((document) =>
        document.assertions.map((assertion): Finding => {
          const impact = assertion['earl:test']['earl:impact']
          return {
            severity: impact === 'serious' || impact === 'critical' ? 'error' : 'warning',
            message: `${impact} ${assertion['earl:test']['dct:title']} in ${document['earl:testSubject']?.url ?? '?'}: ${assertion['earl:result']['dct:description'] ?? ''}`
          }
        })
      )
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  }
}
