/**
 * What a writer reads an edition through: its hast tree and its file, with
 * the facts prepare-edition put on `file.data` (see types.ts). One view for
 * the three writers and their helpers; it adds nothing the file lacks.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import type { WriterTerm } from '../i18n/ui-terms.ts'
import type { DocumentMeta, EditionFacts, MetaField, Term } from '../types.ts'

export interface Edition extends EditionFacts {
  hast: Root
  file: VFile
  meta: DocumentMeta
  terms: Record<WriterTerm, Term>
  /** The catalog key of each front matter field's text (none for a field the document lacks). */
  metaKeys: Partial<Record<MetaField, string>>
}

export function editionOf(tree: Root, file: VFile): Edition {
  const { edition, meta, terms, translation } = file.data
  if (!edition || !meta || !terms) throw new TypeError('Expected an edition’s file (`file.data.edition`, `meta`, `terms`), as prepareEdition makes it')
  return { ...edition, hast: tree, file, meta, terms, metaKeys: translation?.metaKeys ?? {} }
}
