/**
 * The same bytes on every Node.js line: the editions built by the machine's
 * Node.js, by Node.js 22 and by Node.js 24 (npm run setup:node22, setup:node24)
 * are compared file by file. Only a change in a library's own compressed output (zlib's deflate
 * streams in a PDF or an EPUB's zip) may differ, and then what it compresses
 * must be the same; README ("Node.js lines") says what differs today.
 * When the suite itself runs on Node.js 22 or 24, the machine's build is that line's.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { inflateSync } from 'node:zlib'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { node22, node24 } from './helpers/node-lines.ts'
import { copyRepoProject, REPO } from './helpers/project.ts'

type Files = Map<string, Buffer>

function buildWith(node: string): Files {
  const root = copyRepoProject()
  const child = spawnSync(node, [path.join(REPO, 'bin/press.mjs'), 'build', '--quiet'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', SOURCE_DATE_EPOCH: '1700000000', TZ: 'UTC' } })
  expect(child.status, `${node}: ${child.stderr}`).toBe(0)
  const out = path.join(root, 'output')
  const files: Files = new Map()
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(out, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name)))
  }
  return files
}

const differing = (a: Files, b: Files) => [...a.keys()].filter((name) => !b.get(name)?.equals(a.get(name)!))

/** A PDF with each deflate stream replaced by what it holds, and no lengths or cross-reference offsets. */
function pdfContent(bytes: Buffer): string {
  return bytes.toString('latin1')
    .replace(/stream\r?\n([\s\S]*?)\r?\nendstream/g, (whole, data: string) => {
      try {
        return `stream\n${inflateSync(Buffer.from(data, 'latin1')).toString('latin1')}\nendstream`
      } catch {
        return whole
      }
    })
    .replace(/\/Length \d+/g, '/Length _')
    .replace(/\nxref\n[\s\S]*$/, '')
}

/** An EPUB's entries, in order, with what each holds. */
async function epubContent(bytes: Buffer): Promise<Array<[string, string]>> {
  const zip = await JSZip.loadAsync(bytes)
  return Promise.all(Object.values(zip.files).map(async (file): Promise<[string, string]> => [file.name, await file.async('base64')]))
}

/** The manifest, without the sizes and hashes of the files `compressed` names (they differ with those files). */
function manifestContent(bytes: Buffer, compressed: string[]): unknown {
  const manifest = JSON.parse(bytes.toString('utf8')) as { files: Array<{ path: string; bytes?: number; sha256?: string }> }
  for (const entry of manifest.files) {
    if (compressed.includes(entry.path)) {
      delete entry.bytes
      delete entry.sha256
    }
  }
  return manifest
}

async function expectSameButCompression(name: string, a: Buffer, b: Buffer, compressed: string[]): Promise<void> {
  if (name === 'manifest.json') expect(manifestContent(b, compressed), 'manifest.json: more differs than the entries of files that differ in zlib\'s output').toEqual(manifestContent(a, compressed))
  else if (name.endsWith('.pdf')) expect(pdfContent(b), `${name}: more than zlib's streams differ`).toBe(pdfContent(a))
  else if (name.endsWith('.epub')) expect(await epubContent(b), `${name}: more than zlib's compression differs`).toEqual(await epubContent(a))
  else expect.fail(`${name} differs between the Node.js lines, and it holds no compressed data`)
}

/** `other` as `reference` but where zlib's own output differs, and then only in what it compresses. */
async function expectSameButZlib(other: Files, reference: Files): Promise<void> {
  expect([...other.keys()].sort()).toEqual([...reference.keys()].sort())
  const different = differing(other, reference)
  const compressed = different.filter((name) => /\.(pdf|epub)$/.test(name))
  // Compressed files first: a manifest that differs because they do is checked knowing which they are.
  for (const name of [...compressed, ...different.filter((name) => !compressed.includes(name))]) {
    await expectSameButCompression(name, other.get(name)!, reference.get(name)!, compressed)
  }
}

describe('the same bytes on each Node.js line', () => {
  it(`builds every edition identically twice on Node.js 24, and on ${process.version} and Node.js 22 as on Node.js 24 but for zlib's own output`, async () => {
    const machine = buildWith(process.execPath)
    const lts22 = buildWith(node22())
    const first = buildWith(node24())
    const second = buildWith(node24())
    expect([...first.keys()].filter((name) => /\.(html|epub|pdf)$/.test(name)).length).toBeGreaterThanOrEqual(15)
    expect(differing(first, second), 'Node.js 24 built different bytes from the same inputs').toEqual([])
    await expectSameButZlib(machine, first)
    await expectSameButZlib(lts22, first)
  }, 900_000) // four whole builds of every edition: longer than one test's usual limit on a busy machine
})
