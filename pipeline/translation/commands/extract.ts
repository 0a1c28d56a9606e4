/** `npm run i18n:extract`: syncs the source catalogs with content/ and updates the translation records. */
import path from 'node:path'
import { discoverDocuments } from '../../content/discover.ts'
import { createProject, displayPath } from '../../project.ts'
import { extract } from '../extract.ts'
import { formatStatusTable } from '../status/format-status.ts'
import { computeStatus } from '../status/status.ts'
import { parseCommand } from './usage.ts'

export async function run(args: string[], root: string): Promise<number> {
  parseCommand(args, { options: {} }, 'npm run i18n:extract')
  const project = createProject(root)
  // Extract reads the documents the build reads; what it passes over is said, as the build says it.
  for (const skipped of (await discoverDocuments(project.contentDir)).skipped) {
    for (const message of skipped.messages) console.error(`warning ${displayPath(project, skipped.path)}: ${message.reason}`)
  }
  const { documents, records, orphans } = await extract(root)
  for (const result of documents) {
    const summary = result.changed ? `${result.added.length} added, ${result.edited.length} edited, ${result.removed.length} removed` : 'up to date'
    console.log(`${result.file}: ${summary}`)
    for (const key of result.added) console.log(`  + ${key}`)
    for (const key of result.edited) console.log(`  ~ ${key} (its translations are now outdated)`)
    for (const key of result.removed) console.log(`  - ${key}`)
  }
  for (const file of records.written) console.log(`${file}: updated`)
  for (const file of orphans) {
    const doc = path.basename(file, '.json')
    console.error(`warning ${file}: content/${doc}.md is gone; its catalogs stay until you delete them (locales/*/${doc}.json and locales/*/${doc}.translated-from.json)`)
  }
  for (const { locale, reason } of records.skipped) console.error(`warning: translation records of ${locale} not updated: ${reason}`)
  console.log('\n' + formatStatusTable(await computeStatus(project)))
  return 0
}
