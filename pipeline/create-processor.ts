/**
 * The one place where the order of our unified plugins lives.
 *   parse:   Markdown → mdast (front matter, GFM, directives)
 *   edition: mdast → translate → flag unsafe markup → local images → figures → structure
 *            → remark-rehype → GFM semantics → inline images → sanitize → clean text
 *            → the language's non-breaking spaces → hast
 * Writers (render/*) take the hast from there: one tree, three formats.
 */
import type { Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import rehypeSanitize from 'rehype-sanitize'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { remarkDialect } from './content/markdown.ts'
import rehypeCleanText from './plugins/rehype-clean-text.ts'
import rehypeGfmSemantics from './plugins/rehype-gfm-semantics.ts'
import rehypeInlineImages from './plugins/rehype-inline-images.ts'
import rehypeLatinRuns from './plugins/rehype-latin-runs.ts'
import rehypeNonbreakingSpaces from './plugins/rehype-nonbreaking-spaces.ts'
import remarkFigures from './plugins/remark-figures.ts'
import remarkLocalImages from './plugins/remark-local-images.ts'
import remarkStructure from './plugins/remark-structure.ts'
import remarkTranslate, { type Options as TranslateOptions } from './plugins/remark-translate.ts'
import remarkUnsafeMarkup from './plugins/remark-unsafe-markup.ts'
import { createHandlers, type Labels } from './to-hast/handlers.ts'
import { editionSchema } from './to-hast/schema.ts'

/** Markdown in our dialect (content/markdown.ts) with YAML front matter → mdast. */
export function createParser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDialect)
}

export interface EditionOptions extends TranslateOptions {
  contentDir: string
  labels: Labels
}

/** mdast of the source → hast of one locale's edition. */
export function createEditionProcessor(options: EditionOptions) {
  return unified()
    .use(remarkTranslate, options)
    .use(remarkUnsafeMarkup)
    .use(remarkLocalImages, { contentDir: options.contentDir })
    .use(remarkFigures)
    .use(remarkStructure)
    .use(remarkRehype, {
      handlers: createHandlers(),
      allowDangerousHtml: false,
      // The notes' heading is shown (a reader of print sees it too), in the edition's language.
      footnoteLabel: options.labels.footnotes,
      footnoteLabelProperties: {},
      // The way back from a note is a caret, as Wikipedia's: the page's faces have it, where GFM's ↩ (U+21A9)
      // is in none of them (a browser drew it in a system font) and points the wrong way in Arabic.
      footnoteBackContent: '^',
      footnoteBackLabel: (reference, rereference) => options.labels.backToReference(`${reference + 1}${rereference > 1 ? `-${rereference}` : ''}`)
    })
    .use(rehypeGfmSemantics)
    .use(rehypeInlineImages)
    // Translations and content are untrusted: only what the schema lists reaches a writer.
    .use(rehypeSanitize, editionSchema)
    .use(rehypeCleanText)
    .use(rehypeNonbreakingSpaces, { locale: options.locale })
    .use(rehypeLatinRuns, { locale: options.locale, sourceLocale: options.sourceLocale, dir: options.i18n.dir(options.locale) === 'rtl' ? 'rtl' : 'ltr' })
}

export async function runEdition(tree: Root, file: VFile, options: EditionOptions): Promise<HastRoot> {
  return (await createEditionProcessor(options).run(tree, file)) as HastRoot
}
