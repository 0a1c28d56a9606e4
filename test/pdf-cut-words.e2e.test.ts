/**
 * A word wider than its line (a place name in a narrow table column, a long compound) is cut where it
 * must; cut bare, it read as two words in every PDF reader's text ("Amir abad"), so a search for it
 * failed. It is cut with a hyphen now, U+00AD in the text layer, as at a hyphenation point, leaving
 * two letters on each side where it can; an address is still cut bare, as written.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../pipeline/build.ts'
import { pdfText } from './helpers/read-back.ts'
import { makeProject } from './helpers/project.ts'

const PORTS = ['Aktau', 'Baku', 'Türkmenbaşy', 'Astrakhan', 'Makhachkala', 'Anzali', 'Nowshahr', 'Amirabad', 'Kuryk', 'Bautino', 'Olya', 'Lagan']
const MARKDOWN = `---
title: Ports
lang: en
---

| ${PORTS.map((_, index) => String.fromCharCode(97 + index)).join(' | ')} |
| ${PORTS.map(() => '---').join(' | ')} |
| ${PORTS.join(' | ')} |

A remark long enough to stretch any cell: Supercalifragilisticexpialidociousharbourmasterlogbookentrysupercalifragilisticexpialidociousharbourmaster.
`
let file: string

beforeAll(async () => {
  const root = makeProject({ 'content/ports.md': MARKDOWN })
  const result = await build({ root, formats: ['pdf'] })
  expect(result.failures).toEqual([])
  file = path.join(root, 'output/en/ports.pdf')
}, 120_000)

describe('a word cut because it is wider than its line', () => {
  it('reads as one word in poppler and MuPDF (a soft hyphen at each cut) and, where cut once, in pdf.js', async () => {
    const joined = (text: string) => text.replace(/\u00ad\n+/g, '')
    const poppler = joined(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString())
    const mupdf = joined(execFileSync('mutool', ['draw', '-F', 'txt', '-o', '-', file]).toString())
    const long = 'Supercalifragilisticexpialidociousharbourmasterlogbookentrysupercalifragilisticexpialidociousharbourmaster'
    for (const word of [...PORTS, long]) {
      expect(poppler).toContain(word)
      expect(mupdf).toContain(word)
    }
    // pdf.js drops U+00AD, as at every hyphenation point; the test helper joins a word cut once by poppler's hyphens.
    const { text } = await pdfText(new Uint8Array(readFileSync(file)))
    for (const word of ['Aktau', 'Anzali', 'Kuryk', 'Bautino', 'Lagan']) expect(text).toContain(word)
  })

  it('leaves two letters on each side of a cut', () => {
    const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString().split('\n').filter((line) => line.trim() !== '')
    const short = lines.flatMap((line, index) => {
      if (!line.endsWith('\u00ad')) return []
      const before = /(\p{L}+)\u00ad$/u.exec(line)?.[1] ?? ''
      const after = /^(\p{L}+)/u.exec(lines[index + 1] ?? '')?.[1] ?? ''
      return before.length < 2 || after.length < 2 ? [`${before}-${after}`] : []
    })
    expect(lines.filter((line) => line.endsWith('\u00ad')).length).toBeGreaterThan(3)
    expect(short).toEqual([])
  })
})
