/**
 * The one reporter: how problems reach a person, for the build, the preview,
 * the i18n commands and merge-manifests alike. Every problem is one line
 * naming file:line:column (and the key, for a catalog) and what to do, never
 * a bare stack trace. Places are printed here, from the message's `place`
 * and its `cause` (a translation's place in its catalog): never written into
 * a reason. Rule ids and what they mean are in messages.ts.
 */
import path from 'node:path'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import type { RuleId } from './messages.ts'
import { plainError } from './output/os-error.ts'
import type { Project } from './project.ts'

/** A command asked for something that cannot be (an unknown locale, a bad option): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * An error that stopped the build after some editions had failed: each of those is reported too, one line each.
 * Its message is the error's, so that it reads (and matches) as the error that stopped the build.
 */
export class StoppedBuild extends Error {
  override name = 'StoppedBuild'
  readonly failures: readonly Failure[]
  constructor(cause: unknown, failures: readonly Failure[]) {
    const error = plainError(cause)
    super(error instanceof Error ? error.message : String(error), { cause })
    this.failures = [...failures]
  }
}

export function reportFailure(thrown: unknown): number {
  const error = plainError(thrown)
  if (error instanceof StoppedBuild) {
    for (const line of formatFailures(error.failures)) console.error(line)
    // Said once when the editions failed for the same reason as the build (one missing WOFF2 encoder stops every page).
    const cause = plainError(error.cause)
    const plain = cause instanceof Error && !(cause instanceof VFileMessage) && !(cause instanceof UsageError) && !process.env.DEBUG
    const said = plain && error.failures.some((failure) => failure.reason === cause.message)
    return said ? 1 : reportFailure(error.cause)
  }
  if (error instanceof VFileMessage) {
    console.error(`error ${describeMessage(error, process.cwd())}`)
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
export function reasonOf(thrown: unknown, project: Pick<Project, 'root'>): string {
  const error = plainError(thrown)
  if (error instanceof VFileMessage) return describeMessage(error, project.root)
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

/** `file:line:column: reason`, the file relative to the project. */
export function describeMessage(message: VFileMessage, root: string): string {
  const file = message.file ? projectPath(message.file, root) : ''
  const place = message.line ? `:${message.line}:${message.column ?? 1}` : ''
  return `${file}${place}${file || place ? ': ' : ''}${message.reason}`
}

/** An edition that could not be made: its document, locale (and format, when only that failed) and why, in one line. */
export interface Failure {
  doc: string
  locale: string
  format?: string | undefined
  reason: string
  /** Refused by --strict (not an error of the input): its older edition is not kept published. */
  refused?: boolean
}

/**
 * A problem read from a file outside an edition (a catalog the preview or
 * i18n:check cannot use): where, which key, which rule, and why.
 */
export interface Problem {
  file: string
  line?: number | undefined
  column?: number | undefined
  key?: string | undefined
  ruleId?: RuleId | undefined
  reason: string
}

/** i18n:check's line: `file:line:column  error  key  reason  rule`. */
export function formatProblem(problem: Problem): string {
  return `${placeOf(problem)}  error  ${problem.key ?? '-'}  ${problem.reason}  ${problem.ruleId ?? ''}`.trimEnd()
}

/** The preview's line: `file:line:column (key K): reason`. */
export function describeProblem(problem: Problem): string {
  return `${placeOf(problem)}${problem.key ? ` (key ${problem.key})` : ''}: ${problem.reason}`
}

/** A problem from whatever was thrown while reading `file` (shown project-relative). */
export function problemOf(error: unknown, file: string, project: Pick<Project, 'root'>): Problem {
  if (error instanceof VFileMessage) {
    return {
      file: error.file ? projectPath(error.file, project.root) : file, line: error.line ?? undefined, column: error.column ?? undefined,
      key: error.key, ruleId: (error.ruleId ?? undefined) as RuleId | undefined, reason: error.reason
    }
  }
  return { file, reason: error instanceof Error ? error.message : String(error) }
}

function placeOf(problem: Problem): string {
  return [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':')
}

/**
 * The build's report of its editions' messages, grouped by file; empty when there are none.
 * vfile-reporter is loaded only when there are: its colour check (supports-color, which loads node:tty and asks
 * the terminal) took 4-9 ms of every build's start.
 */
export async function formatFiles(files: readonly VFile[], project: Pick<Project, 'root'>): Promise<string> {
  const merged = mergeFiles(files, project)
  if (merged.every((file) => file.messages.length === 0)) return ''
  const { reporter } = await import('vfile-reporter')
  return reporter(merged, { quiet: true })
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
      const shownMessage = withCausePlace(message, project.root)
      const id = `${shownMessage.line}:${shownMessage.column}:${shownMessage.ruleId}:${shownMessage.reason}`
      if (merged.seen.has(id)) continue
      merged.seen.add(id)
      merged.file.messages.push(shownMessage)
    }
  }
  return [...byPath.values()].map((merged) => merged.file)
}

/**
 * A message as people read it: a cause that is a place in another file (a
 * translation in its catalog) is said after the reason, `(locales/kk/x.json:3:5)`,
 * instead of as a stack.
 */
function withCausePlace(message: VFileMessage, root: string): VFileMessage {
  const place = placeOfCause(message, root)
  if (!place) return message
  const shown = new VFileMessage(`${message.reason} (${place})`, {
    place: message.place ?? undefined, ruleId: message.ruleId ?? undefined, source: message.source ?? undefined
  })
  shown.fatal = message.fatal
  shown.file = message.file
  return shown
}

/** `locales/kk/x.json:3:5`: the place of a message's cause in another file, if it has one. */
export function placeOfCause(message: VFileMessage, root = process.cwd()): string | undefined {
  const cause = message.cause
  if (!(cause instanceof VFileMessage) || !cause.file) return undefined
  return `${projectPath(cause.file, root)}:${cause.line ?? 1}:${cause.column ?? 1}`
}
