/**
 * A font file given by PRESS_FONTS that is a folder: one clear line, and the handle opened to look at its first
 * bytes closed again (a folder opens on Linux, its read fails), since the preview's process lives for hours.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { useFonts } from '../pipeline/render/pdf/font-choice.ts'
import { faceFile } from '../pipeline/render/pdf/fonts.ts'

const openFiles = () => readdirSync('/proc/self/fd').length
let folder = ''

afterEach(() => {
  useFonts({})
  rmSync(folder, { recursive: true, force: true })
})

it('a folder given as a font fails with one line and leaves no file open', () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'press-font-folder-'))
  useFonts({ serif: folder })
  const before = openFiles()
  for (let attempt = 0; attempt < 3; attempt++) {
    expect(() => faceFile('notoSerif')).toThrow(`Cannot read (EISDIR) font file ${folder} (serif): fix the path in PRESS_FONTS`)
  }
  expect(openFiles()).toBe(before)
})
