/**
 * What a person sees: each HTML edition at phone and desktop widths, and
 * pages 1 and 2 of each PDF, written as PNGs into the report folder to be
 * looked at before calling an edition done.
 */
import { execFile } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { launch } from './browser.ts'
import { requireCommand } from './tools.ts'

const run = promisify(execFile)

export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const

export function checkScreenshotTools(): void {
  requireCommand('pdftoppm', 'apt-get install -y poppler-utils')
}

/** @returns the PNG files written */
export async function screenshot(file: string, relative: string, reportDir: string): Promise<string[]> {
  mkdirSync(reportDir, { recursive: true })
  const base = path.join(reportDir, relative.replace(/[\\/]/g, '-').replace(/\.\w+$/, ''))
  if (file.endsWith('.html')) {
    const browser = await launch()
    const written: string[] = []
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const page = await browser.newPage({ viewport })
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
      await page.screenshot({ path: `${base}-html-${name}.png`, fullPage: name === 'phone' })
      await page.close()
      written.push(`${base}-html-${name}.png`)
    }
    return written
  }
  if (file.endsWith('.pdf')) {
    await run('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '2', file, `${base}-pdf`])
    return [`${base}-pdf-1.png`, `${base}-pdf-2.png`]
  }
  return []
}
