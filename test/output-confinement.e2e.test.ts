/**
 * --out stays in a folder this tool owns: a new path, an empty folder, or
 * one an earlier build marked; never the file system's root, the home
 * folder, the project, or its sources. Anything else: exit 2, one line,
 * nothing written.
 */
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { confineOutput, OUTPUT_MARKER } from '../pipeline/output/confine.ts'
import { createProject } from '../pipeline/project.ts'
import { UsageError } from '../pipeline/report.ts'
import { runCli } from './helpers/cli.ts'
import { makeProject, tempDir } from './helpers/project.ts'

const home = process.env.HOME
afterEach(() => {
  process.env.HOME = home
})

function refusal(root: string, out: string): string | undefined {
  try {
    confineOutput(createProject(root, out))
    return undefined
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
}

describe('--out', () => {
  it('refuses the root, the home folder, the project and its source folders', () => {
    const root = makeProject({ 'content/doc.md': '# Doc\n', 'pipeline/x.ts': '', 'node_modules/a/index.js': '', '.git/HEAD': '' })
    process.env.HOME = path.dirname(root)
    expect(refusal(root, '/')).toMatch(/^Unexpected --out .*: it is the root of the file system; expected a new folder/)
    expect(refusal(root, path.dirname(root))).toMatch(/it is your home folder/)
    for (const out of ['', '.', root, 'content/..']) expect(refusal(root, out)).toMatch(/it is the project folder itself/)
    for (const out of ['content', 'content/news', 'locales/kk', 'locales', 'pipeline', 'node_modules', 'node_modules/new', '.git', '.cache']) {
      expect(refusal(root, out), out).toMatch(/it is inside [.a-z_]+\/, which holds/)
    }
  })

  it('refuses a link that leads into the sources, a file, and a folder of someone else\'s files', () => {
    const root = makeProject({ 'content/doc.md': '# Doc\n', 'notes.txt': 'mine', 'photos/cat.jpg': 'x' })
    symlinkSync(path.join(root, 'content'), path.join(root, 'sneaky'))
    expect(refusal(root, 'sneaky')).toMatch(/inside content\//)
    expect(refusal(root, 'sneaky/deeper')).toMatch(/inside content\//)
    expect(refusal(root, 'notes.txt')).toMatch(/it is a file, not a folder/)
    expect(refusal(root, 'photos')).toMatch(/a folder with other files in it/)
    expect(refusal(root, '..')).toMatch(/it holds the project/)
  })

  it('accepts a new path, an empty folder, and a folder a build marked or wrote a manifest in', () => {
    // empty-but-for-git: as a fresh clone has output/, holding only the placeholder git needs to keep a folder.
    const root = makeProject({ 'content/doc.md': '# Doc\n', [`marked/${OUTPUT_MARKER}`]: '', 'marked/old.html': '', 'manifested/manifest.json': '{"generator":"polyglot-press","files":[]}', 'empty-but-for-git/.gitkeep': '' })
    mkdirSync(path.join(root, 'empty'))
    for (const out of ['output', 'new/deeper', 'empty', 'empty-but-for-git', 'marked', 'manifested', tempDir()]) expect(refusal(root, out), out).toBeUndefined()
    writeFileSync(path.join(root, 'manifested/manifest.json'), '{"generator":"another tool"}')
    expect(refusal(root, 'manifested')).toMatch(/other files/)
  })

  it('the command exits 2 with one line and writes nothing; a folder it made is its own the next time', () => {
    const root = makeProject({ 'content/doc.md': '# Doc\n\nText.\n' })
    writeFileSync(path.join(root, 'a-file'), 'x')
    for (const out of ['/', '.', 'content', 'a-file']) {
      const { code, stderr, stdout } = runCli(root, ['--format', 'html', '--out', out])
      expect(code, out).toBe(2)
      expect(stderr.trim().split('\n'), out).toHaveLength(1)
      expect(stderr).toMatch(/^error: Unexpected --out /)
      expect(stdout).toBe('')
    }
    expect(existsSync(path.join(root, 'index.html'))).toBe(false)
    expect(readdirSync(path.join(root, 'content'))).toEqual(['doc.md'])
    expect(runCli(root, ['--format', 'html', '--out', 'site']).code).toBe(0)
    expect(readdirSync(path.join(root, 'site'))).toContain(OUTPUT_MARKER)
    expect(runCli(root, ['--format', 'html', '--out', 'site', '--force']).code).toBe(0)
  })
})
