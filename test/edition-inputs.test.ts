/** One definition of an edition's inputs: the cache key, the no-change check and the preview's plan agree. */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { planRebuild } from '../pipeline/dev/changes.ts'
import { editionInputFiles, editionInputs, isEditionInput, projectInputFiles } from '../pipeline/edition-inputs.ts'
import { editionKey } from '../pipeline/output/edition-cache.ts'
import { createProject } from '../pipeline/project.ts'
import { makeProject } from './helpers/project.ts'

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const known = { docs: ['a', 'b'], locales: ['en', 'kk', 'ru'], sourceLocale: 'en' }

function fixture() {
  const root = makeProject({
    'content/a.md': '# A\n', 'content/b.md': '# B\n', 'content/images/pic.png': PNG, 'content/notes.txt': 'not shown\n',
    'locales/en/a.json': '{}\n', 'locales/en/b.json': '{}\n',
    'locales/kk/a.json': '{}\n', 'locales/kk/b.json': '{}\n', 'locales/kk/ui.json': '{}\n', 'locales/kk/a.translated-from.json': '{}\n', 'locales/kk/terms.json': '{}\n',
    'locales/ru/ui.json': '{}\n', 'locales/ru/a.json': '{}\n'
  })
  return { root, project: createProject(root) }
}

describe('editionInputs', () => {
  it('names the document, the images, the locale\'s files but other documents\' catalogs, the register and every language\'s name', () => {
    const { root, project } = fixture()
    const files = editionInputFiles(editionInputs(project, 'a', 'kk', known)).map((file) => path.relative(root, file))
    expect(files.sort()).toEqual([
      'content/a.md', 'content/images/pic.png',
      'locales/en/a.json', 'locales/en/ui.json',
      'locales/kk/a.json', 'locales/kk/a.translated-from.json', 'locales/kk/terms.json', 'locales/kk/ui.json',
      'locales/ru/ui.json'
    ])
    // The no-change check hashes a superset: every edition's inputs are among the project's.
    const all = new Set(projectInputFiles(project))
    for (const doc of known.docs) for (const locale of known.locales) {
      for (const file of editionInputFiles(editionInputs(project, doc, locale, known))) expect(all).toContain(file)
    }
  })

  it('changes the cache key exactly when an input changes', () => {
    const { root, project } = fixture()
    const key = () => editionKey({ project, files: editionInputs(project, 'a', 'kk', known), format: 'pdf', options: {} })
    const before = key()
    writeFileSync(path.join(root, 'locales/kk/b.json'), '{ "p": { "x": "y" } }\n')
    writeFileSync(path.join(root, 'content/notes.txt'), 'still not shown\n')
    expect(key()).toBe(before)
    for (const input of ['locales/kk/a.translated-from.json', 'content/images/pic.png', 'locales/ru/ui.json', 'locales/en/a.json']) {
      const now = key()
      writeFileSync(path.join(root, input), `${input} changed\n`)
      expect({ input, changed: key() !== now }).toEqual({ input, changed: true })
    }
  })

  it('is what the preview rebuilds after a save', () => {
    const { root, project } = fixture()
    for (const file of [...projectInputFiles(project), path.join(root, 'README.md')]) {
      const planned = planRebuild([{ event: 'change', file }], project, '/code/templates', known).editions.map((id) => `${id.locale}/${id.doc}`)
      const inputs = known.docs.flatMap((doc) => known.locales.map((locale) => ({ id: `${locale}/${doc}`, inputs: editionInputs(project, doc, locale, known) })))
      const expected = inputs.filter((edition) => isEditionInput(edition.inputs, file)).map((edition) => edition.id)
      expect({ file: path.relative(root, file), planned: planned.sort() }).toEqual({ file: path.relative(root, file), planned: expected.sort() })
    }
  })
})
