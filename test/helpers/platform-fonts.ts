/**
 * Chromium's account of the fonts that drew a page's elements (DevTools'
 * CSS.getPlatformFontsForNode): which face, whether the page's own or the
 * system's, and how many glyphs each drew.
 */
import { pathToFileURL } from 'node:url'
import { launch } from '../conformance/browser.ts'

export interface DrawnFont { familyName: string; postScriptName: string; isCustomFont: boolean; glyphCount: number }

/** The fonts that drew each element `selector` finds in the page, with its markup (`html`) and its text. */
export async function platformFonts(file: string, selector: string): Promise<Array<{ html: string; text: string; fonts: DrawnFont[] }>> {
  const page = await (await launch()).newPage()
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
  await page.evaluate('document.fonts.ready')
  const client = await page.context().newCDPSession(page)
  await client.send('DOM.enable')
  await client.send('CSS.enable')
  const { root: document } = await client.send('DOM.getDocument', { depth: -1 })
  const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: document.nodeId, selector })
  const found: Array<{ html: string; text: string; fonts: DrawnFont[] }> = []
  for (const nodeId of nodeIds) {
    const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId })
    const { outerHTML } = await client.send('DOM.getOuterHTML', { nodeId })
    found.push({ html: outerHTML, text: outerHTML.replace(/<[^>]+>/g, ''), fonts })
  }
  await page.close()
  return found
}
