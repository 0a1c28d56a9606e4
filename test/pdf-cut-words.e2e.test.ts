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
/** A table of long Arabic words: Arabic typography has no hyphen, so a word wider than its column is cut bare. */
const ARABIC_PORTS = ['الاستراتيجيات', 'والمستشفيات', 'بالمسؤوليات', 'الإلكترونية', 'والمتخصصين', 'الاستثمارات', 'والمعلوماتية', 'بالتكنولوجيات', 'المحيطات', 'والاتصالات', 'الاقتصادية', 'والدبلوماسية']
const ARABIC = `---
title: Ports
lang: en
---

| ${ARABIC_PORTS.map((_, index) => String.fromCharCode(97 + index)).join(' | ')} |
| ${ARABIC_PORTS.map(() => '---').join(' | ')} |
| ${ARABIC_PORTS.join(' | ')} |
`
let file: string
let arabic: string

beforeAll(async () => {
  const root = makeProject({ 'content/ports.md': MARKDOWN })
  const result = await build({ root, formats: ['pdf'] })
  expect(result.failures).toEqual([])
  file = path.join(root, 'output/en/ports.pdf')
  const arabicRoot = makeProject({ 'content/ports.md': ARABIC })
  const arabicResult = await build({ root: arabicRoot, formats: ['pdf'] })
  expect(arabicResult.failures).toEqual([])
  arabic = path.join(arabicRoot, 'output/en/ports.pdf')
}, 120_000)

describe('a word cut because it is wider than its line', () => {
  it('reads as one word in poppler and MuPDF once the soft hyphen ending its line is joined, as at any hyphenation point', () => {
    const joined = (text: string) => text.replace(/\u00ad\n+/g, '')
    const poppler = joined(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString())
    const mupdf = joined(execFileSync('mutool', ['draw', '-F', 'txt', '-o', '-', file]).toString())
    const long = 'Supercalifragilisticexpialidociousharbourmasterlogbookentrysupercalifragilisticexpialidociousharbourmaster'
    for (const word of [...PORTS, long]) {
      expect(poppler).toContain(word)
      expect(mupdf).toContain(word)
    }
  })

  it('is cut bare in Arabic, which has no hyphen: no line of the table ends in one, and every letter is there', async () => {
    const poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', arabic, '-']).toString()
    // poppler writes a right-to-left line between embedding marks, the soft hyphen where the line begins.
    const cutLines = poppler.split('\n').filter((line) => /\p{Script=Arabic}[\u00ad-]|[\u00ad-]\p{Script=Arabic}/u.test(line))
    expect(cutLines).toEqual([])
    const letters = (text: string) => [...text.replace(/[^\p{Script=Arabic}]/gu, '')].sort().join('')
    const { text } = await pdfText(new Uint8Array(readFileSync(arabic)))
    expect(letters(text)).toContain(letters(ARABIC_PORTS.join('')))
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
