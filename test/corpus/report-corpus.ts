/**
 * `npx tsx test/corpus/report-corpus.ts [locale…]`: builds the whole corpus
 * and prints every edition that lacks words (for the record, and to compare
 * one revision of the writers with another).
 */
import { corpusDocuments } from './documents.ts'
import { checkCorpus, describeLosses } from './check-corpus.ts'

const locales = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['en']
const started = performance.now()
const { editions, build } = await checkCorpus(corpusDocuments(), locales)
const losses = describeLosses(editions)
for (const line of losses) console.log(line)
const docs = new Set(editions.filter((edition) => Object.values(edition.lacking).some((words) => words.length > 0)).map((edition) => edition.doc))
console.log(`${editions.length} editions, ${docs.size} documents lack words; ${build.failures.length} build failures; ${((performance.now() - started) / 1000).toFixed(1)} s`)
for (const failure of build.failures) console.log(`failure ${failure.doc} ${failure.locale} ${failure.format ?? ''}: ${failure.reason}`)
