/**
 * One headless Chromium (Debian's, driven by playwright-core) for every
 * browser check. Flags keep it off the network: this machine has none, and
 * an edition must not need one. Playwright gives each launch a fresh, empty
 * profile of its own.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { requireFile } from './tools.ts'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Headless, and nothing that reaches the network on its own (updates, sync, QUIC). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
]

let browser: Promise<Browser> | undefined

export function checkChromium(): void {
  requireFile(CHROMIUM, 'apt-get install -y chromium')
}

/**
 * A fontconfig that adds the Noto faces from our npm packages to the system's,
 * so pages in Arabic and Chinese show real glyphs on a bare CI machine (the
 * stylesheet names these faces; readers' systems have their own).
 */
function fontConfig(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'press-fontconfig-'))
  const file = path.join(folder, 'fonts.conf')
  mkdirSync(path.join(folder, 'cache'), { recursive: true })
  writeFileSync(file, [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${path.resolve('node_modules/@expo-google-fonts')}</dir>`,
    `  <cachedir>${path.join(folder, 'cache')}</cachedir>`,
    '</fontconfig>',
    ''
  ].join('\n'))
  return file
}

export function launch(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, FONTCONFIG_FILE: fontConfig() },
    args: CHROMIUM_ARGS
  })
  return browser
}

export async function closeBrowser(): Promise<void> {
  if (browser) await (await browser).close()
  browser = undefined
}
