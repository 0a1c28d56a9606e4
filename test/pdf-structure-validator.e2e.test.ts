/** The tagged-PDF check of the conformance run tells a tagged edition from an untagged PDF. */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { pdfStructure } from './conformance/validators/pdf-structure.ts'
import { smallProject, tempDir } from './helpers/project.ts'

/** The small interview (test/fixtures/small-interview), built by every test here. */
const PROJECT = smallProject()

async function untaggedPdf(file: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4' })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()))
  doc.text('Text that no structure element holds.')
  doc.end()
  await done
  writeFileSync(file, Buffer.concat(chunks))
}

describe('tagged PDF check', () => {
  it('finds an untagged PDF wanting, and a Kazakh edition sound', async () => {
    const dir = tempDir('press-tagged-')
    await untaggedPdf(path.join(dir, 'plain.pdf'))
    const messages = (await pdfStructure.validate(path.join(dir, 'plain.pdf'))).map((finding) => finding.message)
    expect(messages).toEqual(expect.arrayContaining([
      'not tagged: /MarkInfo /Marked is not true',
      'no document language (/Lang)',
      'no PDF/A-2a identification in the XMP metadata',
      'page 1: text outside the structure and not an artifact: “Text that no structure element holds.”'
    ]))
    const result = await build({ root: PROJECT, out: path.join(dir, 'out'), locales: ['kk'], formats: ['pdf'] })
    expect(result.failures).toEqual([])
    expect(await pdfStructure.validate(path.join(dir, 'out/kk/interview.pdf'))).toEqual([])
  })
})
