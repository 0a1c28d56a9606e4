import { reportFailure } from '../report.ts'
import { extract } from './extract.ts'

try {
  for (const result of await extract(process.cwd())) {
    const summary = result.changed ? `${result.added.length} added, ${result.removed.length} removed` : 'up to date'
    console.log(`${result.file}: ${summary}`)
    for (const key of result.added) console.log(`  + ${key}`)
    for (const key of result.removed) console.log(`  - ${key}`)
  }
} catch (error) {
  process.exitCode = reportFailure(error)
}
