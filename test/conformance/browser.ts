/**
 * One headless Chromium (Debian's, driven by playwright-core) for every
 * browser check. Flags keep it off the network: this machine has none, and
 * an edition must not need one. Playwright gives each launch a fresh, empty
 * profile of its own.
 */
import { chromium, type Browser } from 'playwright-core'
import { requireFile } from './tools.ts'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

let browser: Promise<Browser> | undefined

export function checkChromium(): void {
  requireFile(CHROMIUM, 'apt-get install -y chromium')
}

export function launch(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'
    ]
  })
  return browser
}

export async function closeBrowser(): Promise<void> {
  if (browser) await (await browser).close()
  browser = undefined
}
