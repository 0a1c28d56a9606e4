import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A wrong command line: exit code 2, with the usage. */
import { UsageError } from '../../report.ts'

export { UsageError }

/** node:util parseArgs, with its errors turned into UsageErrors that show `usage`. */
export function parseCommand<T extends ParseArgsConfig>(args: string[], config: T, usage: string) {
  try {
    return parseArgs({ ...config, args, strict: true })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nUsage: ${usage}`)
  }
}
