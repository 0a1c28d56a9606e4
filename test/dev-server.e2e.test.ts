/**
 * `npm run dev` as an editor uses it: the real command in a temporary copy
 * of the project, and a real browser (Debian's chromium driven by
 * playwright-core) on the Kazakh edition while a translator saves, breaks
 * and fixes the catalog. Every wait has a generous timeout; nothing is timed.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer, type Server } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, CHROMIUM_ARGS } from './conformance/browser.ts'
import { smallProject, REPO, tempDir } from './helpers/project.ts'

const WAIT = { timeout: 60_000 }
/** Segment keys are `kind.slug`; the catalog nests them as {kind: {slug: text}}. */
const KEY = 'p.we-must-understand-that-the'
const DROPPED = 'p.another-area-where-kazakhstan-stands'
const slug = (key: string) => key.slice('p.'.length)
const SECRET = 'secret-outside-the-preview-folder'

let root: string
let child: ChildProcess
let output = ''
let blocker: Server
let blockedPort: number
let url: string
let browser: BrowserContext
let page: Page

const catalogFile = () => path.join(root, 'locales/kk/interview.json')
type Catalog = Record<string, Record<string, string>>
const readKk = () => JSON.parse(readFileSync(catalogFile(), 'utf8')) as Catalog
const saveKk = (catalog: Catalog) => writeFileSync(catalogFile(), JSON.stringify(catalog, null, 2) + '\n')

beforeAll(async () => {
  root = smallProject()
  writeFileSync(path.join(root, 'secret.txt'), SECRET)
  // Hold the asked-for port, so the server has to find another.
  blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  blockedPort = (blocker.address() as { port: number }).port
  // What `npm run dev` runs (`node --import tsx pipeline/dev/cli.ts`): one process. tsx's own command would put a
  // parent in front that, on Ctrl-C, kills its child if the child has not answered within 30 ms (a busy preview).
  const tsx = pathToFileURL(path.join(REPO, 'node_modules/tsx/dist/loader.mjs')).href
  child = spawn(process.execPath, ['--import', tsx, path.join(REPO, 'pipeline/dev/cli.ts'), '--port', String(blockedPort)], {
    // Its own process group, so a signal reaches it as Ctrl-C in a terminal does.
    cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true
  })
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  url = (await waitForOutput(/Preview ready in \d+ ms: (http:\/\/127\.0\.0\.1:\d+\/)/))[1]!
  browser = await chromium.launchPersistentContext(tempDir('press-chromium-'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  page = browser.pages()[0] ?? (await browser.newPage())
})

afterAll(async () => {
  await browser?.close()
  blocker?.close()
  if (child && child.exitCode === null) signal('SIGKILL')
})

function signal(name: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, name)
  } catch {
    // The group is gone already.
  }
}

describe('npm run dev', () => {
  it('prints its URL on 127.0.0.1, on a free port when the asked one is taken', () => {
    expect(url).not.toContain(`:${blockedPort}/`)
  })

  it('serves the index, the editions and, in the background, EPUB and PDF', async () => {
    const index = await get('/')
    expect(index.status).toBe(200)
    expect(index.body).toContain('href="kk/interview.html"')
    expect((await get('/kk/interview.html')).body).toContain('data-preview-bar')
    const pdf = await until(async () => {
      const response = await get('/kk/interview.pdf')
      return response.status === 200 ? response : undefined
    })
    expect(pdf.type).toBe('application/pdf')
    expect(pdf.body.startsWith('%PDF-')).toBe(true)
    expect((await get('/kk/interview.epub')).type).toBe('application/epub+zip')
  })

  it('never serves a file outside its folder', async () => {
    const attempts = ['/../../secret.txt', '/%2e%2e/%2e%2e/secret.txt', '/..%2f..%2fsecret.txt', '/kk/..%2f..%2f..%2fsecret.txt', '/%2e%2e%5c%2e%2e%5csecret.txt', '//secret.txt', '/.%00/secret.txt']
    for (const attempt of attempts) {
      const response = await get(attempt)
      expect({ attempt, status: response.status, leaked: response.body.includes(SECRET) }).toEqual({ attempt, status: 404, leaked: false })
    }
    expect((await get('/', 'evil.example')).status).toBe(403)
  })

  it('shows the kk edition with a preview bar, and a segment\'s key and catalog file on hover', async () => {
    await page.goto(`${url}kk/interview.html`)
    const bar = page.locator('[data-preview-bar]')
    await expect.poll(() => bar.locator('.preview-status').textContent(), WAIT).toContain('0 missing')
    expect(await bar.locator('a[aria-current="page"]').textContent()).toBe('Қазақша')
    await page.hover(`[data-key="${KEY}"]`)
    const tip = page.locator('.preview-tip')
    await tip.waitFor({ state: 'visible', ...WAIT })
    expect(await tip.textContent()).toContain(`${KEY} in locales/kk/interview.json`)
  })

  it('shows a saved translation without reloading the page', async () => {
    await page.evaluate('window.marker = "same page"')
    const catalog = readKk()
    catalog.p![slug(KEY)] = 'Жаңа аударма: «тексеру» бірінші.'
    saveKk(catalog)
    await expect.poll(() => page.locator(`[data-key="${KEY}"]`).textContent(), WAIT).toBe(catalog.p![slug(KEY)])
    expect(await page.evaluate('window.marker')).toBe('same page')
  })

  it('shows a removed translation in the source language, marked missing', async () => {
    const catalog = readKk()
    delete catalog.p![slug(DROPPED)]
    saveKk(catalog)
    const segment = page.locator(`[data-key="${DROPPED}"][data-segment="missing"]`)
    await segment.waitFor(WAIT)
    expect(await segment.getAttribute('lang')).toBe('en')
    expect(await segment.textContent()).toContain('Another area where Kazakhstan stands out')
    expect(await page.locator('.preview-status').textContent()).toContain('1 missing')
  })

  it('shows broken JSON in the page and the terminal, keeps the last good edition, and recovers on the next good save', async () => {
    const good = readKk()
    const kept = good.p![slug(KEY)]!
    // The closing quote of one value deleted: the string runs on into the next line.
    writeFileSync(catalogFile(), JSON.stringify(good, null, 2).replace(`${JSON.stringify(kept)},`, `${JSON.stringify(kept).slice(0, -1)},`) + '\n')
    const overlay = page.locator('[data-preview-overlay]')
    await overlay.waitFor({ state: 'visible', ...WAIT })
    expect(await overlay.textContent()).toMatch(new RegExp(`locales/kk/interview\\.json:\\d+:\\d+ key ${KEY}: Invalid JSON`))
    await waitForOutput(new RegExp(`error locales/kk/interview\\.json:\\d+:\\d+ \\(key ${KEY}\\): Invalid JSON`))
    expect(await page.locator(`[data-key="${KEY}"]`).textContent()).toBe(kept)
    expect((await get('/kk/interview.html')).body).toContain(kept)

    good.p![slug(KEY)] = 'Түзетілген аударма: «тексеру» екінші.'
    saveKk(good)
    await overlay.waitFor({ state: 'detached', ...WAIT })
    await expect.poll(() => page.locator(`[data-key="${KEY}"]`).textContent(), WAIT).toBe(good.p![slug(KEY)])
    await waitForOutput(/fixed locales\/kk\/interview\.json/)
  })

  it('stops cleanly on Ctrl-C', async () => {
    signal('SIGINT')
    const [code] = await once(child, 'exit')
    expect(code).toBe(0)
    expect(output).toContain('Preview stopped (SIGINT).')
  })
})

async function waitForOutput(pattern: RegExp): Promise<RegExpMatchArray> {
  return until(async () => {
    if (child.exitCode !== null) throw new Error(`npm run dev exited with ${child.exitCode}:\n${output}`)
    return pattern.exec(output) ?? undefined
  })
}

/** Poll until `probe` gives a value; vitest's test timeout ends a wait that never succeeds. */
async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A GET with the path sent exactly as written (fetch would normalize `..` away). */
function get(rawPath: string, host?: string): Promise<{ status: number; type: string; body: string }> {
  const { port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, headers: host ? { host } : {} }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end()
  })
}
