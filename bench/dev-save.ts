/**
 * `npm run bench:dev`: save-to-visible time of the live preview. Starts
 * `npm run dev` in a temporary copy of the project, opens the Kazakh edition
 * in headless chromium, and saves a new value for one kk segment again and
 * again. Each save is timed from just before the write to the first frame
 * that shows the new text (a MutationObserver, then requestAnimationFrame).
 *   idle:  each save waits until EPUB and PDF of the last one are done
 *   busy:  saves 250 ms apart, so EPUB and PDF are rendering meanwhile
 * Prints medians and writes bench/dev-results.json (not committed).
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS } from '../test/conformance/browser.ts'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SAVES = Number(process.env.SAVES ?? 11)
const KEY = 'p.we-must-understand-that-the'

const root = mkdtempSync(path.join(tmpdir(), 'press-bench-'))
for (const dir of ['content', 'locales']) cpSync(path.join(REPO, dir), path.join(root, dir), { recursive: true })
const catalogFile = path.join(root, 'locales/kk/interview.json')
const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as Record<string, Record<string, string>>

let output = ''
// Its own process group: a signal reaches tsx's node child too, as Ctrl-C in a terminal does.
const child = spawn(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'pipeline/dev/cli.ts'), '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
const signal = (name: NodeJS.Signals) => { try { process.kill(-child.pid!, name) } catch { /* already gone */ } }
child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })

const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const count = (pattern: RegExp) => output.match(new RegExp(pattern, 'g'))?.length ?? 0
async function until(test: () => boolean): Promise<void> {
  while (!test()) await sleep(20)
}

async function main(): Promise<void> {
  await until(() => /Preview ready in (\d+) ms: (\S+)/.test(output))
  const [, startup, url] = /Preview ready in (\d+) ms: (\S+)/.exec(output)!
  const browser = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'press-bench-chromium-')), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  const page = browser.pages()[0] ?? (await browser.newPage())
  await page.goto(`${url}kk/interview.html`)
  // Let the first EPUB and PDF of every language finish before measuring.
  await until(() => count(/\(background\)/) >= 3)

  const idle: number[] = []
  const busy: number[] = []
  const server: number[] = []
  for (let i = 0; i < SAVES; i++) {
    const backgroundDone = count(/kk\/interview\.pdf \d+ ms.*\(background\)/)
    idle.push(await saveAndSee(page, `Өлшеу ${i}: «жаңа» мәтін.`))
    process.stderr.write(`idle save ${i + 1}: ${idle.at(-1)} ms\n`)
    server.push(Number([...output.matchAll(/kk\/interview\.html (\d+) ms/g)].at(-1)?.[1]))
    await until(() => count(/kk\/interview\.pdf \d+ ms.*\(background\)/) > backgroundDone)
  }
  for (let i = 0; i < SAVES; i++) {
    busy.push(await saveAndSee(page, `Жылдам ${i}: «жаңа» мәтін.`))
    process.stderr.write(`busy save ${i + 1}: ${busy.at(-1)} ms\n`)
    await sleep(250)
  }
  await browser.close()
  signal('SIGINT')

  const results = {
    saves: SAVES,
    startupMs: Number(startup),
    idle: summary(idle),
    busy: summary(busy),
    serverHtmlMs: summary(server.filter(Number.isFinite))
  }
  console.log(`startup ${results.startupMs} ms`)
  console.log(`save → visible, idle:  median ${results.idle.median} ms (min ${results.idle.min}, max ${results.idle.max}, n=${SAVES})`)
  console.log(`save → visible, busy:  median ${results.busy.median} ms (min ${results.busy.min}, max ${results.busy.max}, n=${SAVES}; EPUB/PDF rendering meanwhile)`)
  console.log(`server-side kk HTML (read, translate, render, write): median ${results.serverHtmlMs.median} ms`)
  writeFileSync(path.join(REPO, 'bench/dev-results.json'), JSON.stringify(results, null, 2) + '\n')
}

/** Write one new value and resolve with the milliseconds until a frame shows it. */
async function saveAndSee(page: Page, text: string): Promise<number> {
  // Runs in the page: the first animation frame after the text is in the document.
  // (`undefined` at the end: evaluate would otherwise wait for the promise.)
  await page.evaluate(`window.__seen = new Promise((resolve) => {
    const check = () => document.querySelector('[data-key="${KEY}"]')?.textContent === ${JSON.stringify(text)}
    const observer = new MutationObserver(() => {
      if (!check()) return
      observer.disconnect()
      requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()))
    })
    observer.observe(document, { subtree: true, childList: true, characterData: true })
  }); undefined`)
  catalog.p![KEY.slice(2)] = text
  const saved = now()
  writeFileSync(catalogFile, JSON.stringify(catalog, null, 2) + '\n')
  const seen = (await page.evaluate('window.__seen')) as number
  return Math.round(seen - saved)
}

function summary(values: number[]): { median: number; min: number; max: number; all: number[] } {
  const sorted = [...values].sort((a, b) => a - b)
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)!, all: values }
}

main().catch((error: unknown) => {
  console.error(error)
  console.error(output)
  signal('SIGKILL')
  process.exitCode = 1
})
