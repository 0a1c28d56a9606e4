/** `npm run i18n:review -- <lang> <key…>`: mark outdated translations as still right. */
import { createProject } from '../../project.ts'
import { review } from '../review.ts'
import { parseCommand, UsageError } from './usage.ts'

const USAGE = 'npm run i18n:review -- <lang> <key> [<key>…]   (a key as in the status, or <document>:<key>)'

export async function run(args: string[], root: string): Promise<number> {
  const { positionals } = parseCommand(args, { options: {}, allowPositionals: true }, USAGE)
  const [locale, ...keys] = positionals
  if (!locale || keys.length === 0) throw new UsageError(`Expected a language and at least one key\nUsage: ${USAGE}`)
  for (const item of await review(createProject(root), locale, keys)) console.log(`reviewed ${item.key} in ${item.file}`)
  return 0
}
