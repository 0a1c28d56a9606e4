/**
 * axe-core in headless Chromium: every violation counts. The same page load
 * records every request: an edition may only read files from its own output
 * folder.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { checkChromium, closeBrowser, launch } from '../browser.ts'
import type { Finding, Validator } from '../validator.ts'

const require = createRequire(import.meta.url)
const AXE = require.resolve('axe-core/axe.min.js')

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>
}

export const axe: Validator = {
  name: 'axe',
  formats: ['html'],
  check: checkChromium,
  async validate(file) {
    const browser = await launch()
    const page = await browser.newPage()
    const root = pathToFileURL(path.dirname(path.dirname(file))).href
    const outside: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith(root + '/') && !request.url().startsWith('data:')) outside.push(request.url())
    })
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
      await page.addScriptTag({ path: AXE })
      const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as AxeResult
      return [
        ...result.violations.map((violation): Finding => ({
          severity: 'error',
          message: `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
        })),
        ...[...new Set(outside)].map((url): Finding => ({ severity: 'error', message: `request outside the output folder: ${url}` }))
      ]
    } finally {
      await page.close()
    }
  },
  close: closeBrowser
}
