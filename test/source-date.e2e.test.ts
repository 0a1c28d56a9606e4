/**
 * The content's date from git, kept in .cache/ by the commit HEAD points at:
 * a new commit gives the new date, a damaged or missing entry asks git again,
 * and HEAD is read without git the way git itself reads it (branches, packed
 * refs, a detached HEAD, a linked worktree).
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readGitHead } from '../pipeline/output/git-head.ts'
import { GIT_DATES, lastCommitSeconds } from '../pipeline/output/source-date.ts'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

/** A repository whose content/doc.md was committed at `seconds`. */
function repository(seconds: number): { root: string; doc: string; cacheDir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'press-git-'))
  folders.push(root)
  git(root, 'init', '--quiet', '--initial-branch=main')
  const doc = path.join(root, 'content', 'doc.md')
  mkdirSync(path.dirname(doc), { recursive: true })
  writeFileSync(doc, '# One\n')
  commitAt(root, seconds)
  return { root, doc, cacheDir: path.join(root, '.cache') }
}

function commitAt(root: string, seconds: number): void {
  git(root, 'add', '-A')
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', 'commit', '--quiet', '-m', `at ${seconds}`], {
    cwd: root, stdio: 'ignore', env: { ...process.env, GIT_COMMITTER_DATE: `${seconds} +0000`, GIT_AUTHOR_DATE: `${seconds} +0000` }
  })
}

/** What the cache answers when git cannot be started at all. */
function withoutGit<T>(run: () => T): T {
  const saved = process.env.PATH
  process.env.PATH = ''
  try {
    return run()
  } finally {
    process.env.PATH = saved
  }
}

describe('the content date from git, kept by HEAD', () => {
  it('answers from .cache/ without git for the same commit, and follows a new commit', () => {
    const { root, doc, cacheDir } = repository(1_700_000_000)
    expect(withoutGit(() => lastCommitSeconds([doc], cacheDir))).toBeUndefined()
    expect(lastCommitSeconds([doc], cacheDir)).toBe(1_700_000_000)
    expect(withoutGit(() => lastCommitSeconds([doc], cacheDir))).toBe(1_700_000_000)

    writeFileSync(doc, '# Two\n')
    commitAt(root, 1_800_000_000)
    expect(lastCommitSeconds([doc], cacheDir)).toBe(1_800_000_000)
    expect(withoutGit(() => lastCommitSeconds([doc], cacheDir))).toBe(1_800_000_000)
    // Only the current commit's dates are kept.
    expect(Object.values(JSON.parse(readFileSync(path.join(cacheDir, GIT_DATES), 'utf8')).dates)).toEqual([1_800_000_000])
  })

  it('keeps the date of the commit it read, when HEAD moves before git answers', () => {
    const { root, doc, cacheDir } = repository(1_700_000_000)
    git(root, 'checkout', '--quiet', '-b', 'other')
    writeFileSync(doc, '# Two\n')
    commitAt(root, 1_800_000_000)
    git(root, 'checkout', '--quiet', 'main')
    // A git that, the first time, is preceded by a checkout of the other branch (another terminal, mid-build).
    const bin = path.join(root, 'bin')
    const once = path.join(root, 'moved')
    mkdirSync(bin)
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\nif [ ! -e '${once}' ]; then touch '${once}'; '${real}' -C '${root}' checkout --quiet other; fi\nexec '${real}' "$@"\n`)
    chmodSync(path.join(bin, 'git'), 0o755)
    const saved = process.env.PATH
    process.env.PATH = `${bin}:${saved}`
    try {
      expect(lastCommitSeconds([doc], cacheDir)).toBe(1_700_000_000)
    } finally {
      process.env.PATH = saved
    }
    expect(existsSync(once)).toBe(true)
    git(root, 'checkout', '--quiet', 'main')
    expect(withoutGit(() => lastCommitSeconds([doc], cacheDir))).toBe(1_700_000_000)
  })

  it('keeps each set of paths apart: a file alone and with another have their own dates', () => {
    const { root, doc, cacheDir } = repository(1_700_000_000)
    const other = path.join(root, 'locales', 'en.json')
    mkdirSync(path.dirname(other), { recursive: true })
    writeFileSync(other, '{}\n')
    commitAt(root, 1_750_000_000)
    expect(lastCommitSeconds([doc], cacheDir)).toBe(1_700_000_000)
    expect(lastCommitSeconds([doc, other], cacheDir)).toBe(1_750_000_000)
    expect(withoutGit(() => [lastCommitSeconds([doc], cacheDir), lastCommitSeconds([doc, other], cacheDir)])).toEqual([1_700_000_000, 1_750_000_000])
  })

  it('asks git again when the cache is damaged, missing or holds something that is not a date', () => {
    const { doc, cacheDir } = repository(1_700_000_000)
    const file = path.join(cacheDir, GIT_DATES)
    expect(lastCommitSeconds([doc], cacheDir)).toBe(1_700_000_000)
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { commit: string; dates: Record<string, unknown> }
    const [key] = Object.keys(kept.dates)
    for (const damaged of ['{"commit":', 'null', JSON.stringify({ ...kept, dates: { [key!]: 'soon' } }), JSON.stringify({ ...kept, dates: { [key!]: -5 } }), JSON.stringify({ ...kept, dates: null })]) {
      writeFileSync(file, damaged)
      expect(withoutGit(() => lastCommitSeconds([doc], cacheDir)), damaged).toBeUndefined()
      expect(lastCommitSeconds([doc], cacheDir), damaged).toBe(1_700_000_000)
    }
    rmSync(file)
    expect(lastCommitSeconds([doc], cacheDir)).toBe(1_700_000_000)
  })

  it('starts no git outside any repository, and asks git wherever one may be', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'press-nogit-'))
    folders.push(root)
    const doc = path.join(root, 'content', 'doc.md')
    mkdirSync(path.dirname(doc), { recursive: true })
    writeFileSync(doc, '# One\n')
    // A git that only notes it was started, first on PATH.
    const bin = path.join(root, 'bin')
    const started = path.join(root, 'started')
    mkdirSync(bin)
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$PWD" >> '${started}'\nexit 1\n`)
    chmodSync(path.join(bin, 'git'), 0o755)
    const saved = process.env.PATH
    process.env.PATH = bin
    try {
      expect(lastCommitSeconds([doc], path.join(root, '.cache'))).toBeUndefined()
      expect(lastCommitSeconds([path.join(root, 'content')])).toBeUndefined()
      expect(existsSync(started)).toBe(false)
      // A .git git itself would have to judge (here an empty folder): asked.
      mkdirSync(path.join(root, '.git'))
      expect(lastCommitSeconds([doc], path.join(root, '.cache'))).toBeUndefined()
      expect(readFileSync(started, 'utf8')).toBe(`${path.join(root, 'content')}\n`)
    } finally {
      process.env.PATH = saved
    }
  })

  it('keeps no answer where git failed', () => {
    const { doc, cacheDir } = repository(1_700_000_000)
    expect(withoutGit(() => lastCommitSeconds([doc], cacheDir))).toBeUndefined()
    expect(() => readFileSync(path.join(cacheDir, GIT_DATES))).toThrow()
  })

  it('reads HEAD as git does: a branch, packed refs, a detached HEAD, a linked worktree', () => {
    const { root } = repository(1_700_000_000)
    const headOf = (dir: string) => readGitHead(dir)?.commit
    expect(headOf(path.join(root, 'content'))).toBe(git(root, 'rev-parse', 'HEAD'))
    git(root, 'pack-refs', '--all')
    expect(headOf(root)).toBe(git(root, 'rev-parse', 'HEAD'))
    const first = git(root, 'rev-parse', 'HEAD')
    writeFileSync(path.join(root, 'content', 'doc.md'), '# Two\n')
    commitAt(root, 1_800_000_000)
    expect(headOf(root)).toBe(git(root, 'rev-parse', 'HEAD'))
    git(root, 'checkout', '--quiet', '--detach', first)
    expect(headOf(root)).toBe(first)
    git(root, 'checkout', '--quiet', 'main')

    const worktree = `${root}-worktree`
    folders.push(worktree)
    git(root, 'worktree', 'add', '--quiet', '-b', 'side', worktree, first)
    expect(headOf(path.join(worktree, 'content'))).toBe(first)
    expect(lastCommitSeconds([path.join(worktree, 'content', 'doc.md')], path.join(worktree, '.cache'))).toBe(1_700_000_000)
    expect(lastCommitSeconds([path.join(root, 'content', 'doc.md')], path.join(root, '.cache'))).toBe(1_800_000_000)
  })

  it('leaves HEAD to git when the environment or the repository could change the answer', () => {
    const { root } = repository(1_700_000_000)
    expect(readGitHead(root, { GIT_SSL_CAINFO: '/etc/ssl/certs/ca.crt' })).toBeDefined()
    expect(readGitHead(root, { GIT_DIR: path.join(root, '.git') })).toBeUndefined()
    expect(readGitHead(root, { GIT_CEILING_DIRECTORIES: root })).toBeUndefined()
    writeFileSync(path.join(root, 'content', 'doc.md'), '# Two\n')
    commitAt(root, 1_800_000_000)
    git(root, 'replace', '--graft', 'HEAD')
    expect(readGitHead(root)).toBeUndefined()
    expect(readGitHead(tmpdir())).toBeUndefined()
  })
})
