/**
 * The one place where the order of our unified plugins lives.
 *   parse:   Markdown → mdast (front matter, directives)
 *   edition: mdast → translate → flag unsafe markup → local images → structure
 *            → remark-rehype → sanitize → clean text → hast
 * Writers (render/*) take the hast from there: one tree, three formats.
 */
import type { Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import rehypeSanitize from 'rehype-sanitize'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import rehypeCleanText from './plugins/rehype-clean-text.ts'
import remarkLocalImages from './plugins/remark-local-images.ts'
import remarkStructure from './plugins/remark-structure.ts'
import remarkTranslate, { type Options as TranslateOptions } from './plugins/remark-translate.ts'
import remarkUnsafeMarkup from './plugins/remark-unsafe-markup.ts'
import { createHandlers, type Labels } from './render/hast/handlers.ts'
import { editionSchema } from './render/hast/schema.ts'
import type { DocumentMeta } from './types.ts'

/** Markdown with YAML front matter and directives → mdast. */
export function createParser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective)
}

export interface EditionOptions extends TranslateOptions {
  meta: DocumentMeta
  contentDir: string
  labels: Labels
}

/** mdast of the source → hast of one locale's edition. */
export function createEditionProcessor(options: EditionOptions) {
  return unified()
    .use(remarkTranslate, options)
    .use(remarkUnsafeMarkup, { catalog: options.catalog })
    .use(remarkLocalImages, { contentDir: options.contentDir })
    .use(remarkStructure)
    .use(remarkRehype, { handlers: createHandlers(options.labels), allowDangerousHtml: false })
    // Translations and content are untrusted: only what the schema lists reaches a writer.
    .use(rehypeSanitize, editionSchema)
    .use(rehypeCleanText)
}

export async function runEdition(tree: Root, file: VFile, options: EditionOptions): Promise<HastRoot> {
  return (await createEditionProcessor(options).run(tree, file)) as HastRoot
}
