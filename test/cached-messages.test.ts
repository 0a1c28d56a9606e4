/**
 * The warnings an e-book or PDF gave when it was built are given again, as
 * they were, when it comes from the edition cache (output/edition-cache.ts):
 * kept as JSON with the edition, replayed onto the edition's file, and
 * reported in the same words at the same place, a paragraph's range
 * (`5:1-5:41`) included.
 */
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { describe, expect, it } from 'vitest'
import { cachedMessage, replayMessages } from '../pipeline/output/edition-cache.ts'
import { formatFiles } from '../pipeline/report.ts'

function built(): VFile {
  const file = new VFile({ path: '/project/content/chars.md' })
  file.message('Unexpected character “😀” (U+1F600) in `p.a-smile`: no PDF font has a glyph for it', {
    place: { start: { line: 5, column: 1 }, end: { line: 5, column: 41 } }, ruleId: 'missing-glyph', source: 'pdf-fonts'
  })
  file.message('Unexpected character in `meta.title`', { place: { line: 2, column: 8 }, ruleId: 'missing-glyph', source: 'pdf-fonts' })
  const cause = new VFileMessage('the translation', { place: { line: 3, column: 14 }, source: 'catalog' })
  cause.file = 'locales/kk/chars.json'
  const fatal = file.message('Unexpected character in `ui:page`', { ruleId: 'missing-glyph', source: 'pdf-fonts', cause })
  fatal.fatal = true
  return file
}

describe('warnings of a cached edition', () => {
  it('are reported as the build gave them, places and ranges included', async () => {
    const original = built()
    const kept = JSON.parse(JSON.stringify(original.messages.map(cachedMessage)))
    const replayed = new VFile({ path: original.path })
    replayMessages(replayed, kept)
    const project = { root: '/project' }
    const report = await formatFiles([replayed], project)
    expect(report).toBe(await formatFiles([original], project))
    expect(report).toContain('5:1-5:41')
  })
})
