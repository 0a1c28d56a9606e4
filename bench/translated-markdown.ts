/**
 * The translated text of each edition, so pandoc and Typst can make the same
 * editions from the same text in the benchmark. Uses our own translate step;
 * pandoc (from Markdown) or Typst (from its markup, bench/typst.ts) then does
 * everything else.
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
import type { Root } from 'mdast'
import type { DocumentMeta } from '../pipeline/types.ts'

export interface TranslatedEdition {
  tree: Root
  meta: DocumentMeta
  dir: 'ltr' | 'rtl'
}

/** Each locale's translated, structured tree of `doc`, as the writers receive it. */
export async function translatedTrees(root: string, doc: string): Promise<Map<string, TranslatedEdition>> {
  const project = createProject(root)
  const locales = await listLocales(project)
  const { catalogs } = await loadCatalogs(project, locales, [doc])
  const i18n = await createI18n(toResources(catalogs), project.sourceLocale)
  const document = await loadDocument(path.join(project.contentDir, `${doc}.md`), project.sourceLocale)
  const out = new Map<string, TranslatedEdition>()
  for (const locale of locales) {
    const tree = structuredClone(document.tree)
    const meta = structuredClone(document.meta)
    translateTree(tree, meta, new VFile(), {
      i18n, doc, locale, sourceLocale: project.sourceLocale,
      register: registerOf(catalogs, project.sourceLocale, doc),
      catalog: catalogs.get(locale)?.get(doc) ?? emptyCatalog(doc)
    })
    structureTree(tree)
    out.set(locale, { tree, meta, dir: i18n.dir(locale) === 'rtl' ? 'rtl' : 'ltr' })
  }
  return out
}

export async function translatedMarkdown(root: string, doc: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const [locale, { tree, meta, dir }] of await translatedTrees(root, doc)) {
    const front = toYaml({ title: meta.title, author: meta.interviewer, lang: locale, dir })
    out.set(locale, `---\n${front}---\n\n${toMarkdown(tree, { extensions: [directiveToMarkdown()] })}`)
  }
  return out
}
