/** The English catalog and the records are generated: line endings and the order of paragraphs change neither. */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeStatus } from '../pipeline/translation/status/status.ts'
import { extract } from '../pipeline/translation/extract.ts'
import { createProject } from '../pipeline/project.ts'
import { smallProject } from './helpers/project.ts'
import { snapshot } from './helpers/translation-projects.ts'

const DOC = 'content/interview.md'
const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8')
const notTranslated = async (root: string) => (await computeStatus(createProject(root))).locales.flatMap((locale) =>
  locale.namespaces.flatMap((ns) => ns.entries.filter((entry) => entry.state !== 'translated').map((entry) => `${locale.locale}:${entry.key}:${entry.state}`)))

/** The interview with its first body paragraph wrapped over two lines, extracted and translated as shipped. */
async function wrappedProject(): Promise<string> {
  const root = smallProject()
  writeFileSync(path.join(root, DOC), read(root, DOC).replace('He praised Kazakhstan’s initiatives in cybersecurity and artificial intelligence, noting', 'He praised Kazakhstan’s initiatives in cybersecurity and artificial intelligence,\nnoting'))
  await extract(root)
  return root
}

describe('generated catalogs', () => {
  it('CRLF is LF: switching a document\'s line endings outdates nothing and changes no catalog or record', async () => {
    const root = await wrappedProject()
    expect(read(root, 'locales/en/interview.json')).toContain('artificial intelligence,\\nnoting')
    const before = snapshot(root)
    const problems = await notTranslated(root)
    writeFileSync(path.join(root, DOC), read(root, DOC).replace(/\n/g, '\r\n'))
    expect(await notTranslated(root)).toEqual(problems)
    const result = await extract(root)
    expect(result.documents.map((doc) => doc.changed)).toEqual([false])
    expect(result.records.written).toEqual([])
    expect(snapshot(root)).toEqual(before)
  })

  it('reordering paragraphs leaves the English catalog and every record byte-identical', async () => {
    const root = smallProject()
    const before = snapshot(root)
    const text = read(root, DOC)
    const first = 'We must understand that the threat of cybercrime is only increasing.'
    const second = 'Kazakhstan has made notable progress in this area.'
    const paragraph = (start: string) => text.slice(text.indexOf(start), text.indexOf('\n\n', text.indexOf(start)))
    const [a, b] = [paragraph(first), paragraph(second)]
    writeFileSync(path.join(root, DOC), text.replace(a, '\u0000').replace(b, a).replace('\u0000', b))
    expect(read(root, DOC).indexOf(second)).toBeLessThan(read(root, DOC).indexOf(first))
    const result = await extract(root)
    expect(result.documents[0]).toMatchObject({ added: [], removed: [], edited: [], changed: false })
    expect(snapshot(root)).toEqual(before)
  })
})
