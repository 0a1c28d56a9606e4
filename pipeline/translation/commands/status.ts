/** `npm run i18n:status [-- --json]`: where every translation stands. */
import { createProject } from '../../project.ts'
import { formatStatusDetails, formatStatusTable, statusJson } from '../status/format-status.ts'
import { computeStatus } from '../status/status.ts'
import { partialLocales } from '../add-locale.ts'
import { parseCommand } from './usage.ts'

export async function run(args: string[], root: string): Promise<number> {
  const { values } = parseCommand(args, { options: { json: { type: 'boolean', default: false } } }, 'npm run i18n:status [-- --json]')
  const project = createProject(root)
  const status = await computeStatus(project)
  for (const code of await partialLocales(project)) {
    console.error(`note: locales/${code}/ has no ui.json, so it is not a language yet (no edition, no status): npm run i18n:add -- ${code} completes it and keeps its catalogs`)
  }
  if (values.json) {
    console.log(JSON.stringify(statusJson(status), null, 2))
  } else {
    console.log(formatStatusTable(status))
    const details = formatStatusDetails(status)
    if (details) console.log('\n' + details)
  }
  // Unreadable catalogs or sources are errors; translations still to do are not.
  return status.sourceErrors.size > 0 || status.locales.some((locale) => locale.error) ? 1 : 0
}
