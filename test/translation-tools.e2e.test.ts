/**
 * The files we export, read by the tools translators run (Debian packages,
 * installed by .ci/run): gettext's msgfmt, translate-toolkit's pofilter and
 * converters, OmegaT in console mode. Each writes something our import
 * must read back with every unit intact. A missing tool fails the test
 * with the command that installs it; nothing is skipped.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { po } from 'gettext-parser'
import { describe, expect, it } from 'vitest'
import { exportFile, importFile, type Format } from '../pipeline/translation/exchange/formats.ts'
import { exportUnits } from '../pipeline/translation/exchange/exchange-units.ts'
import { escapeText } from '../pipeline/translation/exchange/xml.ts'
import { createProject } from '../pipeline/project.ts'
import { runCli } from './helpers/cli.ts'
import { smallProject, REPO, tempDir } from './helpers/project.ts'
import { snapshot } from './helpers/translation-projects.ts'

const INSTALL = 'apt-get install -y gettext translate-toolkit omegat default-jre-headless'
const LOCALES = ['ar', 'kk', 'ru', 'zh']

function tool(command: string, args: string[], cwd?: string): { code: number | null; stdout: string; stderr: string } {
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 180_000 })
  if ((child.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') throw new Error(`${command} is not installed: ${INSTALL}`)
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}

async function exported(root: string, locale: string, format: Format, name: string): Promise<string> {
  const file = path.join(root, name)
  writeFileSync(file, await exportFile(createProject(root), locale, format))
  return file
}

/** Imports `file` into the project and asserts that it changed nothing and read a target for every key. */
async function expectIntact(root: string, file: string, locale: string, options: { locale?: string; merged?: number } = {}): Promise<void> {
  const before = snapshot(root)
  const project = createProject(root)
  const total = (await exportUnits(project, locale)).namespaces.reduce((sum, ns) => sum + ns.units.length, 0) - (options.merged ?? 0)
  const result = await importFile(project, readFileSync(file, 'utf8'), path.basename(file), options)
  expect(result).toMatchObject({ locale, updated: 0, confirmed: 0, drafts: [], refused: [], skipped: [], written: [] })
  expect(result.targets).toBe(total)
  expect(snapshot(root)).toEqual(before)
}

describe('gettext msgfmt', () => {
  it('accepts every exported PO with --check-format -c, and rejects a broken one', async () => {
    const root = smallProject()
    for (const locale of LOCALES) {
      const checked = tool('msgfmt', ['--check-format', '-c', '-o', '/dev/null', await exported(root, locale, 'po', `${locale}.po`)])
      expect({ locale, ...checked }).toEqual({ locale, code: 0, stdout: '', stderr: '' })
    }
    // One plural form too few for Russian: msgfmt must say so, or the check above proves nothing.
    const broken = readFileSync(path.join(root, 'ru.po'), 'utf8').replace(/msgstr\[3\] "[^"]*"\n/, '')
    writeFileSync(path.join(root, 'broken.po'), broken)
    expect(tool('msgfmt', ['--check-format', '-c', '-o', '/dev/null', path.join(root, 'broken.po')]).code).not.toBe(0)
  })
})

describe('translate-toolkit', () => {
  const CHECKS = ['variables', 'printf', 'xmltags', 'escapes', 'urls', 'emails', 'newlines', 'tabs', 'nplurals', 'startwhitespace', 'endwhitespace', 'doublespacing'].flatMap((name) => ['-t', name])

  it('pofilter finds nothing wrong in the form of any exported PO, and finds a planted tag', async () => {
    const root = smallProject()
    for (const locale of LOCALES) {
      const out = path.join(root, `${locale}.pofilter.po`)
      const run = tool('pofilter', [...CHECKS, await exported(root, locale, 'po', `${locale}.po`), out])
      expect(run.code).toBe(0)
      expect({ locale, failures: existsSync(out) ? readFileSync(out, 'utf8').match(/^# \(pofilter\).*$/gm) : null }).toEqual({ locale, failures: null })
    }
    const planted = readFileSync(path.join(root, 'kk.po'), 'utf8').replace('msgstr "Мазмұны"', 'msgstr "<b>Мазмұны</b>"')
    writeFileSync(path.join(root, 'planted.po'), planted)
    tool('pofilter', [...CHECKS, path.join(root, 'planted.po'), path.join(root, 'planted.out.po')])
    expect(readFileSync(path.join(root, 'planted.out.po'), 'utf8')).toContain('# (pofilter) xmltags')
  })

  it('po2xliff and xliff2po round-trip our PO and XLIFF 1.2: every unit comes back intact', async () => {
    const root = smallProject()
    for (const locale of ['kk', 'ru', 'ar']) {
      const ourPo = await exported(root, locale, 'po', `${locale}.po`)
      // po2xliff names neither the target language nor the keys' msgctxt: the keys are in the #. notes.
      expect(tool('po2xliff', [ourPo, path.join(root, `${locale}.tt.xlf`)]).code).toBe(0)
      await expectIntact(root, path.join(root, `${locale}.tt.xlf`), locale, { locale })
      expect(tool('xliff2po', [path.join(root, `${locale}.tt.xlf`), path.join(root, `${locale}.back.po`)]).code).toBe(0)
      // Without msgctxt, xliff2po keeps one entry per English text: "Editions" (editions, indexTitle),
      // "Kazinform" (meta.interviewer, meta.publisher) and "photo: QAZINFORM" (the front matter's credit and
      // the credits line) come back once each. Nothing is changed by that.
      await expectIntact(root, path.join(root, `${locale}.back.po`), locale, { merged: 3 })
      const ours12 = await exported(root, locale, 'xliff12', `${locale}.12.xlf`)
      expect(tool('xliff2po', [ours12, path.join(root, `${locale}.12.po`)]).code).toBe(0)
      await expectIntact(root, path.join(root, `${locale}.12.po`), locale, { locale })
    }
  })
})

describe('the termbase as TBX', () => {
  it('is written beside the PO and read by translate-toolkit\'s tbx2po: every term, do-not-translate names as they are', () => {
    const root = smallProject()
    for (const locale of LOCALES) {
      const run = runCli(root, ['export', '--locale', locale, '--format', 'po'], {}, path.join(REPO, 'pipeline/translation/cli.ts'))
      expect(run.stdout).toContain(`wrote output/translations/${locale}.tbx`)
      expect(tool('tbx2po', [path.join(root, 'output/translations', `${locale}.tbx`), path.join(root, `${locale}.terms.po`)]).code).toBe(0)
      const pairs = Object.values(po.parse(readFileSync(path.join(root, `${locale}.terms.po`))).translations['']!).filter((entry) => entry.msgid !== '').map((entry) => [entry.msgid, entry.msgstr[0]])
      const terms = JSON.parse(readFileSync(path.join(root, 'locales', locale, 'terms.json'), 'utf8')) as Array<{ source: string; target?: string }>
      expect(pairs).toEqual(terms.map((term) => [term.source, term.target ?? term.source]))
    }
    expect(JSON.parse(readFileSync(path.join(root, 'locales/zh/terms.json'), 'utf8'))[0]).toMatchObject({ source: 'Kazinform', target: '哈通社' })
  })
})

describe('OmegaT', () => {
  /** An OmegaT project folder: omegat.project, source/ with our PO, the translations also as the project memory. */
  async function omegatProject(root: string, locale: string): Promise<string> {
    const dir = tempDir('omegat-')
    for (const sub of ['source', 'target', 'tm', 'glossary', 'dictionary', 'omegat']) mkdirSync(path.join(dir, sub))
    writeFileSync(path.join(dir, 'omegat.project'), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>source</source_dir>
    <source_dir_excludes/>
    <target_dir>target</target_dir>
    <tm_dir>tm</tm_dir>
    <glossary_dir>glossary</glossary_dir>
    <glossary_file>glossary/glossary.txt</glossary_file>
    <dictionary_dir>dictionary</dictionary_dir>
    <source_lang>en</source_lang>
    <target_lang>${locale}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`)
    const text = await exportFile(createProject(root), locale, 'po')
    writeFileSync(path.join(dir, 'source', `${locale}.po`), text)
    // OmegaT reads a PO's translations, except one equal to its source (a name: Kazinform): the project memory has those.
    const units = Object.values(po.parse(text).translations).flatMap((byId) => Object.values(byId)).filter((entry) => entry.msgid !== '' && entry.msgid_plural === undefined)
    const tus = units.map((entry) => `<tu><tuv lang="en"><seg>${escapeText(entry.msgid)}</seg></tuv><tuv lang="${locale}"><seg>${escapeText(entry.msgstr[0]!)}</seg></tuv></tu>`)
    writeFileSync(path.join(dir, 'omegat', 'project_save.tmx'), `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="polyglot-press" creationtoolversion="1" segtype="paragraph" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="en" datatype="plaintext"/><body>\n${tus.join('\n')}\n</body></tmx>\n`)
    return dir
  }

  it('opens a project with our PO as its source file and writes a target file our import reads back with every unit intact', async () => {
    const root = smallProject()
    for (const locale of ['kk', 'ar']) {
      const dir = await omegatProject(root, locale)
      const run = tool('omegat', ['--mode=console-translate', `--config-dir=${path.join(dir, '.config')}`, dir])
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toContain(`Creating translated documents: ${locale}.po`)
      const target = path.join(dir, 'target', `${locale}.po`)
      expect(readFileSync(target, 'utf8')).not.toBe(readFileSync(path.join(dir, 'source', `${locale}.po`), 'utf8'))
      await expectIntact(root, target, locale)
    }
  }, 240_000)
})
