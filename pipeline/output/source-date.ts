/**
 * The content's date, which the editions print and the no-change check
 * hashes: SOURCE_DATE_EPOCH, else the last commit that touched the file or
 * folder, else a fixed epoch. Never the clock, so two builds of the same
 * commit give the same bytes.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { sourceDateEpoch } from './byte-inputs.ts'

/** Seconds since 1970 of the last commit touching `file`, or undefined outside a git checkout (or before its first commit). */
export function lastCommitSeconds(file: string): number | undefined {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct', '--', file], { cwd: path.dirname(file), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    return /^\d+$/.test(out) ? Number(out) : undefined
  } catch {
    return undefined // not a git checkout, or no git
  }
}

export function sourceDate(file: string): Date {
  const seconds = sourceDateEpoch() ?? lastCommitSeconds(file)
  return new Date(seconds === undefined ? Date.UTC(2000, 0, 1) : seconds * 1000)
}
