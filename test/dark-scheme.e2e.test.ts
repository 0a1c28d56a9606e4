/**
 * The web page and the editions list follow the reader's light or dark
 * setting (prefers-color-scheme), and every kind of text keeps its
 * contrast in both (WCAG AA, 4.5:1): body text, muted lines (reading time,
 * byline, credits), links. A printed page stays dark ink on white paper
 * whatever the screen's setting.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { closeBrowser, launch } from './conformance/browser.ts'
import { smallProject } from './helpers/project.ts'

let root: string

beforeAll(async () => {
  root = smallProject()
  const result = await build({ root, locales: ['en', 'ar'], formats: ['html'] })
  expect(result.failures).toEqual([])
}, 120_000)

afterAll(closeBrowser)

interface Contrast { selector: string; ratio: number }

/** The page's paper luminance, and each kind of text's contrast against it (run in the page, as source text). */
const CONTRASTS = `(() => {
  const rgb = (value) => value.match(/[\\d.]+/g).slice(0, 3).map(Number)
  const luminance = (value) => {
    const [r, g, b] = rgb(value).map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4 })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  // The paper: the root's background, else the body's (the canvas takes it then), else the canvas's white.
  const backgrounds = [document.documentElement, document.body].map((element) => getComputedStyle(element).backgroundColor)
  const paper = luminance(backgrounds.find((value) => !value.startsWith('rgba(0, 0, 0, 0)')) ?? 'rgb(255, 255, 255)')
  const contrasts = []
  for (const selector of ['main p', '.reading-time', '.byline', '.directive-credits p', 'main a, .site-footer a', '.languages a', '.edition-meta', '.details', 'h2']) {
    for (const element of document.querySelectorAll(selector)) {
      const ink = luminance(getComputedStyle(element).color)
      contrasts.push({ selector, ratio: (Math.max(ink, paper) + 0.05) / (Math.min(ink, paper) + 0.05) })
    }
  }
  return { paper, contrasts }
})()`

const pages = () => [path.join(root, 'output/en/interview.html'), path.join(root, 'output/ar/interview.html'), path.join(root, 'output/index.html')]

async function look(file: string, colorScheme: 'light' | 'dark', media: 'screen' | 'print' = 'screen') {
  const page = await (await launch()).newPage({ colorScheme })
  await page.emulateMedia({ media, colorScheme })
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
  const seen = (await page.evaluate(CONTRASTS)) as { paper: number; contrasts: Contrast[] }
  await page.close()
  return seen
}

describe.each(['light', 'dark'] as const)('the %s scheme on screen', (scheme) => {
  it.each([0, 1, 2])('sets page %i (en, ar, the editions list) on its paper, every text at 4.5:1 or more', async (index) => {
    const { paper, contrasts } = await look(pages()[index]!, scheme)
    if (scheme === 'dark') expect(paper).toBeLessThan(0.05)
    else expect(paper).toBeGreaterThan(0.9)
    expect(contrasts.length).toBeGreaterThan(3)
    expect(contrasts.filter((seen) => seen.ratio < 4.5)).toEqual([])
  })
})

describe('printing', () => {
  it('prints dark ink on white paper when the screen is dark', async () => {
    const { paper, contrasts } = await look(pages()[0]!, 'dark', 'print')
    expect(paper).toBeGreaterThan(0.9)
    expect(contrasts.filter((seen) => seen.ratio < 4.5)).toEqual([])
  })
})
