/**
 * The whole-build shortcut: when nothing that goes into any edition changed
 * since the last successful build into the same folder (same inputs, same
 * options, every published file still there with its hash), the build says so
 * and stops, without loading a parser, a font or a writer. Its record lives
 * in .cache/ beside the edition cache.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Project } from '../project.ts'
import { byteInputs } from './byte-inputs.ts'
import { pipelineVersion, sameBytes } from './edition-cache.ts'
import { projectInputFiles } from '../edition-inputs.ts'
import { lastCommitSeconds } from './source-date.ts'
import { writeAtomic } from './write-atomic.ts'

export interface BuildRecord {
  key: string
  /** What the build printed: warnings on stderr, the summary and status on stdout. */
  stderr: string
  stdout: string
  editions: number
  files: Array<{ path: string; sha256: string }>
}

const recordFile = (project: Project) => path.join(project.cacheDir, `last-build-${createHash('sha256').update(project.outputDir).digest('hex').slice(0, 12)}.json`)

/** A hash of every input of every edition (all of content/ and locales/, edition-inputs.ts), and of the options. */
export function buildKey(project: Project, options: Record<string, unknown>): string {
  const hash = createHash('sha256').update(pipelineVersion(project.root)).update(JSON.stringify(options))
  // The content's last commit time goes into the editions' dates, so it is an input too.
  hash.update(JSON.stringify(byteInputs())).update(String(lastCommitSeconds([project.contentDir], project.cacheDir) ?? ''))
  for (const file of projectInputFiles(project)) hash.update(path.relative(project.root, file)).update('\0').update(readFileSync(file)).update('\0')
  return hash.digest('hex')
}

export async function upToDate(project: Project, key: string): Promise<BuildRecord | undefined> {
  let record: BuildRecord
  try {
    record = JSON.parse(readFileSync(recordFile(project), 'utf8')) as BuildRecord
  } catch {
    return undefined
  }
  if (record.key !== key) return undefined
  for (const file of record.files) {
    if (!(await sameBytes(path.join(project.outputDir, file.path), file.sha256))) return undefined
  }
  return record
}

/** Not flushed: a record that a power cut damaged does not parse, or does not match, and only costs a full build. */
export async function recordBuild(project: Project, record: BuildRecord): Promise<void> {
  await writeAtomic(recordFile(project), JSON.stringify(record), { sync: false })
}
