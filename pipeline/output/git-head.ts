/**
 * The commit a checkout's HEAD points at, read from the repository's own
 * files instead of starting git (a process costs a fork of the whole build):
 * `.git` (a folder, or a worktree's file `gitdir: …` with its `commondir`),
 * `HEAD`, then the branch's loose ref or `packed-refs`. Whatever this reader
 * is not sure of gives undefined, and the caller asks git: a GIT_* variable
 * that could change the answer (GIT_DIR, GIT_CEILING_DIRECTORIES, …),
 * another owner (git's safe.directory), a file-system boundary, a symbolic
 * ref to another ref, replace refs, grafts, reftable (whose HEAD names
 * `refs/heads/.invalid`), a branch with no commit yet.
 */
import { readFileSync, statSync, type Stats } from 'node:fs'
import path from 'node:path'

export interface GitHead {
  /** The worktree's own git folder. */
  gitDir: string
  commit: string
  /** What else changes `git log`'s answer at the same commit: a shallow clone's boundary, the repository's settings. */
  context: string
}

const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
/** git's variables for the network, credentials, editors and new commits: none changes which commit HEAD is or what `git log` reads. */
const UNRELATED = /^GIT_(?:SSL_|HTTP_|SSH|ASKPASS$|TERMINAL_PROMPT$|PAGER$|EDITOR$|SEQUENCE_EDITOR$|AUTHOR_|COMMITTER_|PROXY_)/

/** A GIT_* variable that could change which repository git finds or what it reads there. */
function gitIsSteered(environment: NodeJS.ProcessEnv): boolean {
  return Object.keys(environment).some((name) => name.startsWith('GIT_') && !UNRELATED.test(name))
}

export function readGitHead(from: string, environment: NodeJS.ProcessEnv = process.env): GitHead | undefined {
  if (gitIsSteered(environment)) return undefined
  try {
    const found = findDotGit(path.resolve(from))
    if (!found) return undefined
    const gitDir = found.isFile ? worktreeGitDir(found.dotGit) : found.dotGit
    if (!gitDir || !ownedByUs(statSync(gitDir))) return undefined
    const commonDir = path.resolve(gitDir, readOptional(path.join(gitDir, 'commondir'))?.trim() ?? '.')
    if (readOptional(path.join(commonDir, 'info', 'grafts')) !== undefined || exists(path.join(commonDir, 'refs', 'replace'))) return undefined
    const head = readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim()
    const commit = head.startsWith('ref: ') ? branchCommit(commonDir, head.slice('ref: '.length)) : head
    if (!commit || !COMMIT.test(commit)) return undefined
    const context = [path.join(commonDir, 'shallow'), path.join(commonDir, 'config'), path.join(gitDir, 'config.worktree')].map((file) => readOptional(file) ?? '').join('\0')
    return { gitDir, commit, context }
  } catch {
    return undefined
  }
}

/**
 * Whether git would certainly find no repository from `from`: no GIT_*
 * variable that could point it to one, and neither a `.git` nor a folder
 * that is itself a repository (a HEAD file: a bare one) in it or any folder
 * above it, up to the root (past any file-system boundary, where git would
 * stop: anything found there is left to git). A project outside git then
 * starts no git process to learn so (three in a first build, each a fork of
 * the whole build: about 20 ms of the main thread for the book).
 */
export function noRepositoryAbove(from: string, environment: NodeJS.ProcessEnv = process.env): boolean {
  if (gitIsSteered(environment)) return false
  try {
    for (let current = path.resolve(from); ; current = path.dirname(current)) {
      if (statOptional(path.join(current, '.git')) || statOptional(path.join(current, 'HEAD'))) return false
      if (path.dirname(current) === current) return true
    }
  } catch {
    return false
  }
}

/** The nearest `.git` above `dir`, as git finds it; none across a file-system boundary or in a folder of another owner. */
function findDotGit(dir: string): { dotGit: string; isFile: boolean } | undefined {
  let device = statSync(dir).dev
  for (let current = dir; ; ) {
    const folder = statSync(current)
    if (folder.dev !== device) return undefined
    device = folder.dev
    const dotGit = path.join(current, '.git')
    const stats = statOptional(dotGit)
    if (stats) return ownedByUs(folder) && (stats.isFile() || stats.isDirectory()) ? { dotGit, isFile: stats.isFile() } : undefined
    const parent = path.dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

/** A linked worktree's `.git` file: `gitdir: <its folder in the main repository>`. */
function worktreeGitDir(dotGit: string): string | undefined {
  const match = /^gitdir: (.+)$/.exec(readFileSync(dotGit, 'utf8').trim())
  return match ? path.resolve(path.dirname(dotGit), match[1]!) : undefined
}

/** A branch's commit: its loose ref, else its line in packed-refs. Only branches (shared by all worktrees) are read. */
function branchCommit(commonDir: string, ref: string): string | undefined {
  if (!/^refs\/heads\/[^\0]+$/.test(ref) || ref.split('/').some((part) => part === '..' || part === '.')) return undefined
  const loose = readOptional(path.join(commonDir, ...ref.split('/')))
  if (loose !== undefined) return loose.trim()
  const packed = readOptional(path.join(commonDir, 'packed-refs')) ?? ''
  for (const line of packed.split('\n')) {
    const [commit, name] = line.split(' ')
    if (name === ref && commit && !line.startsWith('#') && !line.startsWith('^')) return commit
  }
  return undefined
}

function ownedByUs(stats: Stats): boolean {
  return process.getuid === undefined || stats.uid === process.getuid()
}

function statOptional(file: string): Stats | undefined {
  return statSync(file, { throwIfNoEntry: false })
}

function exists(file: string): boolean {
  return statOptional(file) !== undefined
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
