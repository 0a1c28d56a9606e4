/**
 * How problems reach a person: one line naming file:line:column and what to
 * do, never a bare stack trace. Returns the exit code.
 */
import path from 'node:path'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { CatalogError } from './i18n/catalog.ts'
import type { Project } from './project.ts'

/** A command asked for something that cannot be (an unknown locale, a bad option): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export function reportFailure(error: unknown): number {
  if (error instanceof VFileMessage) {
    console.error(`error ${describeMessage(error, process.cwd())}`)
    return 1
  }
  if (error instanceof CatalogError) {
    console.error(`error ${error.message}`)
    return 1
  }
  if (error instanceof UsageError) {
    console.error(`error: ${error.message}`)
    return 2
  }
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`)
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack)
  return 1
}

/** Why an edition could not be made, in one line; paths relative to the project. */
export function reasonOf(error: unknown, project: Pick<Project, 'root'>): string {
  if (error instanceof VFileMessage) return describeMessage(error, project.root)
  if (error instanceof CatalogError) return error.message
  if (process.env.DEBUG && error instanceof Error) return String(error.stack)
  // A programmer's mistake (ours or a library's), not the input's: say so, and how to see where.
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) {
    return `Internal error: ${error.message} (a bug, not your input's fault: run again with DEBUG=1 to see where, and report it)`
  }
  return error instanceof Error ? error.message : String(error)
}

/** Paths as people read them: relative to the project (relative paths in vfiles already are). */
export function projectPath(file: string, root: string): string {
  return path.relative(root, path.resolve(root, file)) || file
}

function describeMessage(message: VFileMessage, root: string): string {
  const file = message.file ? projectPath(message.file, root) : ''
  const place = message.line ? `:${message.line}:${message.column ?? 1}` : ''
  return `${file}${place}${file || place ? ': ' : ''}${message.reason}`
}

export interface Failure {
  doc: string
  locale: string
  format?: string
  reason: string
}

/**
 * One line per cause: a broken catalog or a missing font fails several
 * editions for one reason, and is said once, naming them all.
 */
export function formatFailures(failures: readonly Failure[]): string[] {
  const byReason = new Map<string, Failure[]>()
  for (const failure of failures) byReason.set(failure.reason, [...(byReason.get(failure.reason) ?? []), failure])
  return [...byReason].map(([reason, group]) => {
    const docs = [...new Set(group.map((failure) => failure.doc))]
    const editions = docs.map((doc) => {
      const which = group.filter((failure) => failure.doc === doc).map((failure) => (failure.format ? `${failure.locale} ${failure.format}` : failure.locale))
      return `${doc} (${[...new Set(which)].join(', ')})`
    })
    return `error ${editions.join(', ')}: ${reason}`
  })
}

/**
 * Every edition of a document is its own vfile, so a problem in the source
 * shows up once per locale; for people, files with the same path are merged
 * and each message is said once.
 */
export function mergeFiles(files: readonly VFile[], project: Pick<Project, 'root'>): VFile[] {
  const byPath = new Map<string, { file: VFile; seen: Set<string> }>()
  for (const file of files) {
    const shown = projectPath(file.path, project.root)
    let merged = byPath.get(shown)
    if (!merged) {
      merged = { file: new VFile({ path: shown }), seen: new Set() }
      byPath.set(shown, merged)
    }
    for (const message of file.messages) {
      const id = `${message.line}:${message.column}:${message.ruleId}:${message.reason}`
      if (merged.seen.has(id)) continue
      merged.seen.add(id)
      merged.file.messages.push(message)
    }
  }
  return [...byPath.values()].map((merged) => merged.file)
}
