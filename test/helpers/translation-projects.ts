/** Projects for the exchange tests (XLIFF 2.0, XLIFF 1.2, PO, the real tools). */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createProject } from '../../pipeline/project.ts'
import { extract } from '../../pipeline/translation/extract.ts'
import { review } from '../../pipeline/translation/review.ts'
import { makeProject, REPO, smallProject, tempDir } from './project.ts'

export const PLEASURE = 'p.my-pleasure-thank-you-for'

/** Every file of every locale folder, path → text. */
export const snapshot = (root: string) => Object.fromEntries(readdirSync(path.join(root, 'locales')).filter((name) => !name.endsWith('.json')).flatMap((locale) =>
  readdirSync(path.join(root, 'locales', locale)).map((name) => [`${locale}/${name}`, readFileSync(path.join(root, 'locales', locale, name), 'utf8')])))

/**
 * A project with one outdated, one reviewed, one missing and one tricky translation (XML and Markdown syntax, a character reference, trailing space) in kk.
 * Made (extracted and reviewed) once per test file; each call gets its own copy to change.
 */
export async function mixedProject(): Promise<string> {
  mixedTemplate ??= makeMixedProject()
  const root = tempDir()
  cpSync(await mixedTemplate, root, { recursive: true })
  return root
}
let mixedTemplate: Promise<string> | undefined

async function makeMixedProject(): Promise<string> {
  const root = smallProject()
  const file = path.join(root, 'content/interview.md')
  writeFileSync(file, readFileSync(file, 'utf8').replace('look ahead because', 'look far ahead because'))
  await extract(root)
  const kk = path.join(root, 'locales/kk/interview.json')
  const catalog = JSON.parse(readFileSync(kk, 'utf8')) as { p: Record<string, string>; credit: Record<string, string> }
  catalog.p['my-pleasure-thank-you-for'] = 'Өзім де «қуаныштымын» & *рахмет* — <for> "x" &amp; [тағы](https://example.org/?a=1&b=2)\n  '
  delete catalog.credit['photo-credit-screenshot']
  writeFileSync(kk, JSON.stringify(catalog, null, 2) + '\n')
  await review(createProject(root), 'kk', ['meta.title'])
  return root
}

/** A document whose source has emphasis, strong, a link with a title, a code span and a variable-like text. */
export async function markupProject(): Promise<string> {
  const root = makeProject({
    'content/doc.md': '---\ntitle: A test\nlang: en\n---\n\nWe *must* read **[the report](https://example.org/a "T")** now.\n\nSecond `code` para.\n',
    'locales/kk/ui.json': readFileSync(path.join(REPO, 'locales/kk/ui.json'), 'utf8')
  })
  await extract(root)
  writeFileSync(path.join(root, 'locales/kk/doc.json'), '{\n    "meta": {\n        "title": "Сынақ"\n    },\n    "p": {\n        "we-must-read-the-report": "Біз [баяндаманы](https://example.org/a \\"T\\") *міндетті* түрде **оқимыз**."\n    }\n}\n')
  return root
}

