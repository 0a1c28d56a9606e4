/**
 * How problems reach a person: one line naming file:line:column and what to
 * do, never a bare stack trace. Returns the exit code.
 */
import { VFileMessage } from 'vfile-message'
import { CatalogError } from './i18n/catalog.ts'

export function reportFailure(error: unknown): number {
  if (error instanceof VFileMessage) {
    console.error(`error ${error.file ?? ''}${error.line ? `:${error.line}:${error.column ?? 1}` : ''}: ${error.reason}`)
    return 1
  }
  if (error instanceof CatalogError) {
    console.error(`error ${error.message}`)
    return 1
  }
  if (error instanceof Error && error.name === 'UsageError') {
    console.error(`error: ${error.message}`)
    return 2
  }
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`)
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack)
  return 1
}
