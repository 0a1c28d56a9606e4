/**
 * content/ as editors leave it: lock files (Emacs's dangling `.#name.md`),
 * backups, macOS forks, broken links, loops, a link out of content/ and a
 * document in a subfolder. The build and extract never crash on them; what
 * looks like a document and is not built is a warning naming the path.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { discoverDocuments } from '../pipeline/content/discover.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { runCli } from './helpers/cli.ts'
import { makePng } from './helpers/png.ts'
import { makeProject, tempDir } from './helpers/project.ts'

const DOC = '---\ntitle: Doc\n---\n\nText.\n\n![a loop](images/loop.png)\n\n![a broken link](images/broken.png)\n'

/** A project whose content/ holds every kind of litter and bad link next to one real document. */
function messyProject(): string {
  const root = makeProject({
    'content/doc.md': DOC,
    'content/doc.md~': 'backup',
    'content/._doc.md': Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]).toString('binary'),
    'content/.draft.md': '# Draft\n',
    'content/.doc.md.swp': 'swap',
    'content/#doc.md#': 'autosave',
    'content/news/nested.md': '# Nested\n',
    'content/images/real.png': makePng(2, 2, [200, 40, 40])
  })
  const content = path.join(root, 'content')
  symlinkSync('user@host.1234:1700000000', path.join(content, '.#doc.md'))
  symlinkSync('nowhere.md', path.join(content, 'broken.md'))
  symlinkSync('loop.md', path.join(content, 'loop.md'))
  symlinkSync('.', path.join(content, 'images/again'))
  symlinkSync('loop.png', path.join(content, 'images/loop.png'))
  symlinkSync('missing.png', path.join(content, 'images/broken.png'))
  const elsewhere = tempDir()
  writeFileSync(path.join(elsewhere, 'secret.md'), '# Secret\n\nNot for publishing.\n')
  symlinkSync(path.join(elsewhere, 'secret.md'), path.join(content, 'outside.md'))
  return root
}

const reasons = (files: Array<{ path: string; messages: Array<{ reason: string }> }>, root: string) =>
  files.flatMap((file) => file.messages.map((message) => `${path.relative(root, file.path)}: ${message.reason}`))

describe('content discovery', () => {
  it('finds the one document, ignores litter, and names each bad link and nested document', async () => {
    const root = messyProject()
    const { names, skipped } = await discoverDocuments(path.join(root, 'content'))
    expect(names).toEqual(['doc'])
    const said = reasons(skipped, root)
    expect(said).toEqual([
      'content/broken.md: Unexpected broken link (its target does not exist), expected a file: fix or delete the link: not built',
      'content/loop.md: Unexpected link loop (the link leads back to itself), expected a file: fix or delete the link: not built',
      'content/news/nested.md: Unexpected document in a subfolder of content/, expected documents directly in content/ (subfolders hold images); move it up to build it: not built',
      expect.stringMatching(/^content\/outside\.md: Unexpected link leading outside content\/ \(to .*secret\.md\), expected a file inside content\/: not built$/)
    ])
  })

  it('the build makes the document, warns about the rest, and never publishes the linked-in outsider', async () => {
    const root = messyProject()
    const result = await build({ root, formats: ['html'] })
    expect(result.failures).toEqual([])
    expect(result.written.filter((entry) => entry.document).map((entry) => entry.path)).toEqual(['en/doc.html'])
    const said = reasons(result.files, root).join('\n')
    expect(said).toContain('content/broken.md: Unexpected broken link')
    expect(said).toContain('content/news/nested.md: Unexpected document in a subfolder')
    expect(said).toMatch(/content\/doc\.md: Unexpected link loop at image `images\/loop\.png`/)
    expect(said).toMatch(/content\/doc\.md: Cannot find image `images\/broken\.png`/)
    expect(existsSync(path.join(root, 'output/en/outside.html'))).toBe(false)
  })

  it('the command line and extract run through the same folder without a crash', async () => {
    const root = messyProject()
    const { code, stderr } = runCli(root, ['--format', 'html'])
    expect(stderr).not.toMatch(/ENOENT|ELOOP|stat/)
    expect(stderr).toContain('content/loop.md')
    expect(code).toBe(0)
    const { documents } = await extract(root)
    expect(documents.map((document) => document.doc)).toEqual(['doc'])
    expect(existsSync(path.join(root, 'locales/en/outside.json'))).toBe(false)
    mkdirSync(path.join(root, 'content/deep/er'), { recursive: true })
    symlinkSync('../..', path.join(root, 'content/deep/er/up'))
    expect((await discoverDocuments(path.join(root, 'content'))).names).toEqual(['doc'])
  })
})
