/**
 * Every common mistake, made in a copy of the project and run through the
 * command line: one message naming file:line:column (and the key) and what
 * is expected, a non-zero exit, and never a stack trace.
 * (Unknown locale or format, `--locale ../../x` and a trailing comma are in cli.e2e.test.ts.)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './helpers/cli.ts'
import { smallProject } from './helpers/project.ts'

type Setup = (root: string) => void

const write = (file: string, data: string | Buffer): Setup => (root) => writeFileSync(path.join(root, file), data)
const edit = (file: string, change: (data: Buffer) => Buffer): Setup => (root) => writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file))))
const KK_HTML = ['--locale', 'kk', '--format', 'html']

const cases: Array<{ mistake: string; setup: Setup; args: string[]; env?: Record<string, string>; code: number; message: RegExp }> = [
  {
    mistake: 'a missing closing brace in a catalog',
    setup: write('locales/kk/interview.json', '{\n  "meta": {\n    "title": "x"\n'),
    args: KK_HTML, code: 1,
    message: /^error interview \(kk\): locales\/kk\/interview\.json:4:1: Invalid JSON \(a closing brace `}` was expected\)$/
  },
  {
    mistake: 'a byte order mark',
    setup: edit('locales/kk/ui.json', (data) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), data])),
    args: KK_HTML, code: 1,
    message: /^error interview \(kk\): locales\/kk\/ui\.json:1:1: Unexpected byte order mark \(BOM\), expected plain UTF-8: save the file without BOM$/
  },
  {
    mistake: 'invalid UTF-8 in a catalog',
    setup: write('locales/kk/interview.json', Buffer.concat([Buffer.from('{\n  "meta": {\n    "title": "Сұхбат '), Buffer.from([0xd2]), Buffer.from(' x"\n  }\n}\n')])),
    args: KK_HTML, code: 1,
    message: /^error interview \(kk\): locales\/kk\/interview\.json:3:22: Unexpected invalid UTF-8 byte, expected the file saved as UTF-8$/
  },
  {
    mistake: 'a duplicate key',
    setup: write('locales/kk/interview.json', '{\n  "meta": {\n    "title": "a",\n    "title": "b"\n  }\n}\n'),
    args: KK_HTML, code: 1,
    message: /^error interview \(kk\): locales\/kk\/interview\.json:4:5: Unexpected duplicate key `meta\.title`, expected each key once$/
  },
  {
    mistake: 'a value of the wrong type',
    setup: write('locales/kk/interview.json', '{\n  "meta": {\n    "title": 42\n  }\n}\n'),
    args: KK_HTML, code: 1,
    message: /^error interview \(kk\): locales\/kk\/interview\.json:3:5: Unexpected number for key `meta\.title`, expected a string/
  },
  {
    mistake: 'malformed YAML front matter',
    setup: edit('content/interview.md', (data) => Buffer.from(data.toString().replace('interviewee: Jürgen Stock', 'interviewee: "Jürgen Stock'))),
    args: KK_HTML, code: 1,
    message: /^error interview \(kk\): content\/interview\.md:3:27: Invalid YAML front matter: Missing closing "quote, expected `key: value` lines between the `---` lines$/
  },
  {
    mistake: 'invalid UTF-8 in a content file',
    setup: edit('content/interview.md', (data) => Buffer.concat([data.subarray(0, 400), Buffer.from([0xff]), data.subarray(400)])),
    args: KK_HTML, code: 1,
    message: /^error interview \(kk\): content\/interview\.md:14:80: Unexpected invalid UTF-8 byte, expected the file saved as UTF-8$/
  },
  {
    mistake: 'a content file that does not exist',
    setup: () => {},
    args: ['--doc', 'nope'], code: 2,
    message: /^error: Unknown document `nope`, expected one of: interview$/
  },
  {
    mistake: 'a document name that leaves content/',
    setup: () => {},
    args: ['--doc', '../../x'], code: 2,
    message: /^error: Unknown document `\.\.\/\.\.\/x`, expected one of: interview$/
  },
  {
    mistake: 'a missing font',
    setup: () => {},
    args: ['--locale', 'kk', '--format', 'pdf'], env: { PRESS_FONTS: 'serif=/nonexistent/NotoSerif-Regular.ttf' }, code: 1,
    message: /^error interview \(kk pdf\): Cannot find font file \/nonexistent\/NotoSerif-Regular\.ttf \(serif\): fix the path in PRESS_FONTS, or unset it to use the fonts from npm$/
  }
]

describe('a mistake gives one clear message and a non-zero exit', () => {
  for (const { mistake, setup, args, env, code, message } of cases) {
    it(mistake, () => {
      const root = smallProject()
      setup(root)
      const result = runCli(root, args, env)
      expect(result.code).toBe(code)
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)])
      expect(result.stderr + result.stdout).not.toMatch(/^\s+at |Error:|node:internal/m)
    })
  }

  it('a broken catalog fails only its locale; a missing font fails only the PDFs', () => {
    const root = smallProject()
    writeFileSync(path.join(root, 'locales/ru/interview.json'), '{ "meta": { "title": 1 } }')
    const result = runCli(root, ['--format', 'html,pdf', '--locale', 'en,kk,ru'], { PRESS_FONTS: 'sans=/nonexistent/NotoSans.ttf' })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([
      'error interview (en pdf, kk pdf): Cannot find font file /nonexistent/NotoSans.ttf (sans): fix the path in PRESS_FONTS, or unset it to use the fonts from npm',
      'error interview (ru): locales/ru/interview.json:1:13: Unexpected number for key `meta.title`, expected a string (or an object of plural forms)'
    ])
    expect(result.stdout).toContain('wrote en/interview.html')
    expect(result.stdout).toContain('wrote kk/interview.html')
    expect(result.stdout).toMatch(/2 editions written .*; 4 failed$/m)
  })
})
