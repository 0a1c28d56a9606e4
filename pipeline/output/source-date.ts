/**
 * The content's date, which the editions print and the no-change check
 * hashes: SOURCE_DATE_EPOCH, else the last commit that touched the file or
 * folder, else a fixed epoch. Never the clock, so two builds of the same
 * commit give the same bytes.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { sourceDateEpoch } from './byte-inputs.ts'

/**
 * Seconds since 1970 of the last commit touching `file` (or any of `files`:
 * one git process for several paths), or undefined outside a git checkout
 * (or before its first commit).
 */
export function lastCommitSeconds(file: string, ...files: string[]): number | undefined {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct', '--', file, ...files], { cwd: path.dirname(file), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    return /^\d+$/.test(out) ? Number(out) : undefined
  } catch {
    return undefined // not a git checkout, or no git
  }
}

/** The date of `file`, or of the latest of `files` (the status page: content and catalogs). */
export function sourceDate(file: string, ...files: string[]): Date {
  const seconds = sourceDateEpoch() ?? lastCommitSeconds(file, ...files)
  return new Date(seconds === undefined ? Date.UTC(2000, 0, 1) : seconds * 1000)
}

/** sourceDate remembered per file for one build: a document's date is printed in its editions and listed in the index. */
export function sourceDates(): (file: string) => Date {
  const known = new Map<string, Date>()
  return (file) => {
    let date = known.get(file)
    if (!date) known.set(file, (date = sourceDate(file)))
    return date
  }
}
