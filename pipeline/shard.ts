/**
 * `--shard i/n`: a deterministic share of the edition jobs, so a CI matrix or
 * any job runner can spread a corpus over machines. Jobs (document × locale ×
 * format) are dealt round-robin in sorted order: every machine agrees on who
 * builds what without talking to the others.
 */
import { UsageError } from './report.ts'

export interface Shard {
  index: number
  count: number
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim())
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`Unexpected --shard \`${value}\`, expected i/n with 1 ≤ i ≤ n (e.g. 2/4)`)
  }
  return { index, count }
}

/** The jobs of one shard, in the order given (callers pass them sorted). */
export function jobsOf<T>(jobs: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...jobs]
  return jobs.filter((_, position) => position % shard.count === shard.index - 1)
}
