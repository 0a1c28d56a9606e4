/**
 * EPUB entries deflated by zlib and handed to JSZip as compressed: Info-ZIP's
 * unzip (an independent reader) tests every CRC and gives back each entry's
 * bytes; the mimetype stays first and stored, as OCF requires.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { deflateRawSync } from 'node:zlib'
import path from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { npmFaceFile } from '../pipeline/render/pdf/fonts.ts'
import { deflateEntries, type ZipEntry } from '../pipeline/render/zip-deflate.ts'
import { tempDir } from './helpers/project.ts'

describe('deflateEntries', () => {
  it('gives a zip whose entries unzip to the same bytes, deflated by zlib, the mimetype stored', async () => {
    const zip = new JSZip()
    const text = 'Жүрген Штоктың сұхбаты — 于尔根·斯托克 — يورغن شتوك\n'.repeat(200)
    // Real bytes, where zlib's and pako's deflate streams differ: the start of a font.
    const binary = readFileSync(npmFaceFile('notoSerif')).subarray(0, 60_000)
    zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' })
    zip.file('OEBPS/text.xhtml', text)
    zip.file('OEBPS/fonts/face.ttf', binary)
    zip.file('OEBPS/empty.css', '')
    await deflateEntries(zip.files as unknown as Record<string, ZipEntry>, 6)
    const file = path.join(tempDir('press-zip-'), 'book.epub')
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
    expect(execFileSync('unzip', ['-t', file]).toString()).toMatch(/No errors detected/)
    const listing = execFileSync('unzip', ['-v', file]).toString()
    expect(listing).toMatch(/^\s+20\s+Stored\s+20\s.*\smimetype$/m)
    expect(listing).toMatch(/Defl:N.*OEBPS\/text\.xhtml/)
    expect(listing).toMatch(/Defl:N.*OEBPS\/fonts\/face\.ttf/)
    expect(listing.indexOf('mimetype')).toBeLessThan(listing.indexOf('OEBPS/'))
    expect(execFileSync('unzip', ['-p', file, 'OEBPS/text.xhtml']).toString()).toBe(text)
    expect(Buffer.compare(execFileSync('unzip', ['-p', file, 'OEBPS/fonts/face.ttf']), Buffer.from(binary))).toBe(0)
    expect(execFileSync('unzip', ['-p', file, 'OEBPS/empty.css']).length).toBe(0)
    // The deflated data are zlib's, byte for byte (not pako's, JSZip's own).
    const book = readFileSync(file)
    for (const data of [Buffer.from(text), binary]) expect(book.includes(deflateRawSync(data, { level: 6 }))).toBe(true)
  })
})
