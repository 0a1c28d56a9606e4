/**
 * Nothing outside the project is read or written: an image that is a
 * symbolic link out of content/, or not an image at all, is refused with a
 * message; `--locale ../../x` and `--doc ../../x` are in cli.e2e and errors.e2e.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { makePng } from './helpers/png.ts'
import { makeProject, tempDir } from './helpers/project.ts'
import { readEpub } from './helpers/read-back.ts'

describe('images stay inside content/', () => {
  it('refuses a link that leads outside content/ and a file that is not PNG or JPEG', async () => {
    const secret = path.join(tempDir('press-secret-'), 'secret.png')
    const root = makeProject({
      'content/doc.md': '---\ntitle: Escape\n---\n\n![linked](images/linked.png)\n\n![fake](images/fake.png)\n\nText.\n',
      'content/images/fake.png': 'not an image at all'
    })
    writeFileSync(secret, makePng(3, 3, [1, 2, 3]))
    symlinkSync(secret, path.join(root, 'content/images/linked.png'))
    const result = await build({ root })
    expect(result.failures).toEqual([])
    const messages = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'image-path')
    expect([...new Set(messages.map((message) => `${message.line}: ${message.reason}`))]).toEqual([
      '5: Unexpected image `images/linked.png` linking outside content/, expected a file inside content/',
      '7: Unexpected content in image `images/fake.png`, expected PNG or JPEG data (is the file damaged or misnamed?)'
    ])
    const html = readFileSync(path.join(root, 'output/en/doc.html'), 'utf8')
    expect(html).not.toContain('<img')
    expect(result.written.filter((entry) => entry.format === 'media')).toEqual([])
    const { zip } = await readEpub(readFileSync(path.join(root, 'output/en/doc.epub')))
    expect(Object.keys(zip.files).filter((name) => name.includes('images/'))).toEqual([])
    expect(readFileSync(path.join(root, 'output/en/doc.pdf')).toString('latin1')).not.toContain('/Subtype /Image')
  })
})
