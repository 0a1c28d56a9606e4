/**
 * Property-based tests over file-system states: random dot-files, editor
 * litter, links (broken, looping, leading out) and folders under content/
 * never crash discovery or the build, and never publish anything but the
 * real documents; random --out paths inside a sandbox are either refused as
 * a usage error or confined to a folder of their own, with nothing outside
 * it changed. `npm test` runs a small fixed-seed sample; `npm run test:fuzz`
 * and .ci/run run more (FUZZ_RUNS, FUZZ_SEED; the seed is printed).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { discoverDocuments } from '../pipeline/content/discover.ts'
import { confineOutput } from '../pipeline/output/confine.ts'
import { createProject } from '../pipeline/project.ts'
import { UsageError } from '../pipeline/report.ts'
import { makeProject, tempDir } from './helpers/project.ts'

const RUNS = Number(process.env.FUZZ_RUNS ?? 6)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Math.floor(Math.random() * 2 ** 31) : 20261206
console.log(`fuzz-files: seed ${SEED}, ${RUNS} runs per property (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} to repeat)`)
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true }
const TIMEOUT = 60_000 + RUNS * 3_000
const DOC = '---\ntitle: Real\n---\n\nThe one real document.\n'

const NAMES = ['doc', 'a', 'news', 'images', 'x y', 'Ünï', 'loop', 'deep']
const name = fc.constantFrom(...NAMES)
/** One thing an editor, a file manager or a mistake leaves under content/. */
const entry = fc.oneof(
  fc.tuple(fc.constant('dot-file' as const), name, fc.constantFrom('.md', '.png', '')),
  fc.tuple(fc.constant('litter' as const), name, fc.constantFrom('~', '.swp', '.tmp', '.bak', '#')),
  fc.tuple(fc.constant('broken-link' as const), name, fc.constantFrom('.md', '.png')),
  fc.tuple(fc.constant('loop' as const), name, fc.constantFrom('.md', '')),
  fc.tuple(fc.constant('folder' as const), name, fc.constantFrom('', '/sub')),
  fc.tuple(fc.constant('nested-doc' as const), name, fc.constant('.md')),
  fc.tuple(fc.constant('link-out' as const), name, fc.constantFrom('.md', '', '.png')),
  fc.tuple(fc.constant('folder-link' as const), name, fc.constantFrom('.', '..', '../..'))
)

function place(content: string, outside: string, [kind, base, suffix]: [string, string, string]): void {
  const at = (file: string) => {
    mkdirSync(path.dirname(file), { recursive: true })
    return file
  }
  try {
    switch (kind) {
      case 'dot-file':
        writeFileSync(at(path.join(content, `.${base}${suffix}`)), 'hidden')
        return
      case 'litter':
        writeFileSync(at(path.join(content, suffix === '#' ? `#${base}.md#` : `${base}.md${suffix}`)), 'litter')
        return
      case 'broken-link':
        symlinkSync(`missing-${base}${suffix}`, at(path.join(content, `${base}-broken${suffix}`)))
        return
      case 'loop':
        symlinkSync(`${base}-loop${suffix}`, at(path.join(content, `${base}-loop${suffix}`)))
        return
      case 'folder':
        mkdirSync(path.join(content, `${base}${suffix}`), { recursive: true })
        return
      case 'nested-doc':
        writeFileSync(at(path.join(content, base, `nested${suffix}`)), '# Nested\n')
        return
      case 'link-out':
        symlinkSync(path.join(outside, `secret${suffix}`), at(path.join(content, `${base}-out${suffix}`)))
        return
      case 'folder-link':
        symlinkSync(suffix, at(path.join(content, 'deep', `${base}-up`)))
        return
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error // two entries chose the same name
  }
}

/** path → sha256 of every regular file under `dir`, not following links. */
function snapshot(dir: string, skip: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const item of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(item.parentPath, item.name)
    if (!item.isFile() || file === skip || file.startsWith(skip + path.sep)) continue
    files.set(path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex'))
  }
  return files
}

/** A project in `sandbox`, with folders and files of its own and of someone else's that --out must leave alone. */
function sandboxProject(sandbox: string): string {
  const root = path.join(sandbox, 'project')
  mkdirSync(path.join(root, 'content'), { recursive: true })
  for (const dir of ['locales/en', 'pipeline', 'node_modules/x', '.git', 'full', 'empty']) mkdirSync(path.join(root, dir), { recursive: true })
  writeFileSync(path.join(root, 'content/doc.md'), DOC)
  writeFileSync(path.join(root, 'locales/en/ui.json'), '{}\n')
  writeFileSync(path.join(root, 'notes.txt'), 'mine')
  writeFileSync(path.join(root, 'full/keep.txt'), 'someone else\'s')
  return root
}

/** The --out a case gives: the segments under the sandbox, or relative to the project (one `..` is the sandbox itself). */
function outPath(sandbox: string, segments: readonly string[], absolute: boolean): string {
  return absolute ? path.join(sandbox, ...segments) : segments.filter(Boolean).join('/')
}

function staysInSandbox(sandbox: string, segments: readonly string[], absolute: boolean): boolean {
  const target = path.resolve(sandbox, 'project', outPath(sandbox, segments, absolute))
  return target === sandbox || target.startsWith(sandbox + path.sep)
}

describe('fuzzing file-system states', () => {
  it(`random litter, links and folders under content/: discovery and the build never crash (${RUNS} cases)`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(entry, { maxLength: 10 }), async (entries) => {
      const root = makeProject({ 'content/doc.md': DOC })
      const outside = tempDir('press-outside-')
      writeFileSync(path.join(outside, 'secret.md'), '# Secret\n')
      try {
        for (const item of entries) place(path.join(root, 'content'), outside, item)
        const found = await discoverDocuments(path.join(root, 'content'))
        expect(found.names).toEqual(['doc'])
        for (const skipped of found.skipped) expect(skipped.messages[0]?.reason).toMatch(/: not built$/)
        const result = await build({ root, formats: ['html'] })
        expect(result.failures).toEqual([])
        expect(result.written.filter((file) => file.document).map((file) => file.path)).toEqual(['en/doc.html'])
      } finally {
        rmSync(root, { recursive: true, force: true })
        rmSync(outside, { recursive: true, force: true })
      }
    }), settings)
  }, TIMEOUT)

  it(`random --out paths inside a sandbox: refused as a usage error, or confined with nothing else changed (${RUNS} cases)`, async () => {
    const segment = fc.constantFrom('.', '..', 'content', 'locales', 'pipeline', 'node_modules', '.git', 'out', 'site', 'notes.txt', 'full', 'empty', 'new', 'x y', '')
    const prefix = `press-sandbox-${process.pid}-`
    let cases = 0
    await fc.assert(fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean(), async (segments, absolute) => {
      // The property is about paths inside the sandbox: others are no case (fc.pre), and nothing is made for them.
      fc.pre(staysInSandbox(path.join(path.sep, 'sandbox'), segments, absolute))
      cases++
      const sandbox = tempDir(prefix)
      try {
        const root = sandboxProject(sandbox)
        const out = outPath(sandbox, segments, absolute)
        const before = snapshot(sandbox, '/nonexistent')
        let refused = false
        try {
          confineOutput(createProject(root, out))
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError)
          refused = true
        }
        const target = path.resolve(root, out)
        if (!refused) {
          expect(target.startsWith(sandbox + path.sep), target).toBe(true)
          const result = await build({ root, out, formats: ['html'] })
          expect(result.failures).toEqual([])
          const after = snapshot(sandbox, target)
          for (const [file, digest] of before) {
            if (path.join(sandbox, file).startsWith(target + path.sep)) continue
            expect(after.get(file), file).toBe(digest)
          }
        } else {
          expect(snapshot(sandbox, '/nonexistent')).toEqual(before)
        }
      } finally {
        rmSync(sandbox, { recursive: true, force: true })
      }
    }), settings)
    expect(cases, 'cases run, not skipped').toBe(RUNS)
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(prefix)), 'sandboxes left behind').toEqual([])
  }, TIMEOUT)
})
