/**
 * The content's date, which the editions print and the no-change check
 * hashes: SOURCE_DATE_EPOCH, else the last commit that touched the file or
 * folder, else a fixed epoch. Never the clock, so two builds of the same
 * commit give the same bytes.
 *
 * `git log -1 -- paths` depends only on the commit HEAD points at (and the
 * repository, its settings, a shallow clone's boundary), so git's answers
 * are kept in `.cache/git-dates.json` under a key of all of those, HEAD read
 * without starting git (git-head.ts). A new commit is a new key; an entry
 * that is missing or not a date, or a HEAD this reader is unsure of, asks
 * git as before. Only git's answers are kept, never its failures.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { sourceDateEpoch } from './byte-inputs.ts'
import { noRepositoryAbove, readGitHead } from './git-head.ts'
import { writeAtomicSync } from './write-atomic.ts'

/** The cache's file in `cacheDir`: the dates of one HEAD commit. */
export const GIT_DATES = 'git-dates.json'

interface GitDates {
  commit: string
  /** By key (repository, commit, paths): seconds, or null where git found no commit touching the paths. */
  dates: Record<string, number | null>
}

/**
 * Seconds since 1970 of the last commit touching any of `paths` (one git
 * process for several), or undefined outside a git checkout (or before its
 * first commit). With `cacheDir`, kept there for the commit HEAD points at.
 */
export function lastCommitSeconds(paths: readonly string[], cacheDir?: string): number | undefined {
  const head = cacheDir ? readGitHead(path.dirname(paths[0]!)) : undefined
  if (!head && noRepositoryAbove(path.dirname(paths[0]!))) return undefined
  if (!head || !cacheDir) return askGit(paths)?.seconds
  const key = createHash('sha256').update(JSON.stringify([head.gitDir, head.commit, head.context, paths])).digest('hex')
  const file = path.join(cacheDir, GIT_DATES)
  const kept = readDates(file, head.commit)
  const known = kept?.dates[key]
  if (known === null || (typeof known === 'number' && Number.isSafeInteger(known) && known >= 0)) return known ?? undefined
  // Asked of the commit in the key, not of HEAD: HEAD may have moved since it was read (a checkout in another terminal).
  const answer = askGit(paths, head.commit)
  if (answer) writeAtomicSync(file, JSON.stringify({ commit: head.commit, dates: { ...kept?.dates, [key]: answer.seconds ?? null } } satisfies GitDates))
  return answer?.seconds
}

/** git's answer, of HEAD or of `commit`; undefined when git failed (not a checkout, no git, no commit yet). */
function askGit(paths: readonly string[], commit?: string): { seconds: number | undefined } | undefined {
  // Loaded here: a build at a commit already seen starts no git, and node:child_process took 1-2 ms of every start.
  const { execFileSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process')
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct', ...(commit ? [commit] : []), '--', ...paths], { cwd: path.dirname(paths[0]!), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    return { seconds: /^\d+$/.test(out) ? Number(out) : undefined }
  } catch {
    return undefined
  }
}

/** The kept dates if they are of this commit; anything unreadable counts as nothing kept. */
function readDates(file: string, commit: string): GitDates | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as GitDates
    return kept.commit === commit && typeof kept.dates === 'object' && kept.dates !== null ? kept : undefined
  } catch {
    return undefined
  }
}

/** The date of the latest of `paths` (one file; for the status page, content and catalogs). */
export function sourceDate(paths: readonly string[], cacheDir?: string): Date {
  const seconds = sourceDateEpoch() ?? lastCommitSeconds(paths, cacheDir)
  return new Date(seconds === undefined ? Date.UTC(2000, 0, 1) : seconds * 1000)
}

/** sourceDate remembered per file for one build: a document's date is printed in its editions and listed in the index. */
export function sourceDates(cacheDir?: string): (file: string) => Date {
  const known = new Map<string, Date>()
  return (file) => {
    let date = known.get(file)
    if (!date) known.set(file, (date = sourceDate([file], cacheDir)))
    return date
  }
}
