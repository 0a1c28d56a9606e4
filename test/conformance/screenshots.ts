/**
 * Pictures of the right-to-left and CJK editions for the conformance report,
 * to be looked at: each HTML page as headless Chromium shows it (with the
 * Noto faces the stylesheet names, from our npm font packages), and each PDF
 * page as poppler's pdftoppm renders it.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import type { ManifestEntry } from '../../pipeline/output/manifest.ts'
import { requireCommand } from './tools.ts'

const run = promisify(execFile)
/** The editions whose pictures go into the report. */
export const SCREENSHOT_LOCALES = ['ar', 'zh']

export function checkScreenshotTools(): void {
  requireCommand('chromium', 'apt-get install -y chromium')
  requireCommand('pdftoppm', 'apt-get install -y poppler-utils')
}

export async function takeScreenshots(written: readonly ManifestEntry[], out: string, repo: string): Promise<string[]> {
  const folder = path.join(out, 'screenshots')
  mkdirSync(folder, { recursive: true })
  const fontsConf = path.join(folder, 'fonts.conf')
  writeFileSync(fontsConf, [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${path.join(repo, 'node_modules/@expo-google-fonts')}</dir>`,
    `  <cachedir>${path.join(folder, '.fontconfig')}</cachedir>`,
    '</fontconfig>',
    ''
  ].join('\n'))
  const shots: string[] = []
  for (const entry of written) {
    if (!entry.locale || !SCREENSHOT_LOCALES.includes(entry.locale)) continue
    const file = path.join(out, entry.path)
    const stem = path.join(folder, `${entry.locale}-${entry.document}-${entry.format}`)
    if (entry.format === 'html') {
      await run('chromium', [
        '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(path.join(tmpdir(), 'press-chromium-'))}`,
        `--screenshot=${stem}.png`, '--window-size=1280,1600', pathToFileURL(file).href
      ], { env: { ...process.env, FONTCONFIG_FILE: fontsConf }, timeout: 120_000 })
      shots.push(`${stem}.png`)
    } else if (entry.format === 'pdf') {
      await run('pdftoppm', ['-r', '80', '-png', file, stem], { timeout: 120_000 })
      const base = path.basename(stem)
      shots.push(...readdirSync(folder).filter((name) => name.startsWith(`${base}-`) && name.endsWith('.png')).sort().map((name) => path.join(folder, name)))
    }
  }
  return shots
}
