/**
 * The translated Markdown of each edition, so pandoc can make the same
 * editions from the same text in the benchmark. Uses our own translate step;
 * pandoc then does everything else.
 */
import path from 'node:path'
import { directiveToMarkdown } from 'mdast-util-directive'
import { toMarkdown } from 'mdast-util-to-markdown'
import { VFile } from 'vfile'
import { stringify as toYaml } from 'yaml'
import { loadDocument } from '../pipeline/content/load-document.ts'
import { createI18n } from '../pipeline/i18n/create-i18n.ts'
import { loadCatalogs, registerOf, toResources } from '../pipeline/i18n/load-catalogs.ts'
import { structureTree } from '../pipeline/plugins/remark-structure.ts'
import { translateTree } from '../pipeline/plugins/remark-translate.ts'
import { createProject, listLocales } from '../pipeline/project.ts'
import { emptyCatalog } from '../pipeline/i18n/catalog.ts'

export async function translatedMarkdown(root: string, doc: string): Promise<Map<string, string>> {
  const project = createProject(root)
  const locales = await listLocales(project)
  const { catalogs } = await loadCatalogs(project, locales, [doc])
  const i18n = await createI18n(toResources(catalogs), project.sourceLocale)
  const document = await loadDocument(path.join(project.contentDir, `${doc}.md`), project.sourceLocale)
  const out = new Map<string, string>()
  for (const locale of locales) {
    const tree = structuredClone(document.tree)
    const meta = structuredClone(document.meta)
    translateTree(tree, meta, new VFile(), {
      i18n, doc, locale, sourceLocale: project.sourceLocale,
      register: registerOf(catalogs, project.sourceLocale, doc),
      catalog: catalogs.get(locale)?.get(doc) ?? emptyCatalog(doc)
    })
    structureTree(tree)
    const front = toYaml({ title: meta.title, author: meta.interviewer, lang: locale, dir: i18n.dir(locale) })
    out.set(locale, `---\n${front}---\n\n${toMarkdown(tree, { extensions: [directiveToMarkdown()] })}`)
  }
  return out
}
