/**
 * V8's code cache of the bundle's parts (bin/load-parts.mjs): made after a
 * build has run, kept in the installation's .cache/code/ (never in an
 * output folder), read back by the next build, made again when its bytes
 * are damaged, when V8 refuses it, when a build runs a format or a script
 * the cached ones did not, and when the bundle changes; swept by the loader.
 * Builds run through a copy of bin/ and pipeline/ of their own (a project
 * that runs another checkout's bin/), so that this file's bundle and cache
 * are its own.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { deadPid, REPO, smallProject, tempDir } from './helpers/project.ts'

let installation: string
let project: string
const codeDir = () => path.join(installation, '.cache', 'code')
const ENV = { ...process.env, NODE_OPTIONS: '', SOURCE_DATE_EPOCH: '1700000000' }

function press(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawnSync(process.execPath, [path.join(installation, 'bin/press.mjs'), 'build', '--quiet', ...args], { cwd: project, encoding: 'utf8', env: { ...ENV, ...env } })
  expect(child.status, child.stderr).toBe(0)
  return child
}

/** The cache files by part (`build`, `cli`), with their header (the code paths the runs that made it ran) and whether their data passes its CRC. */
function caches() {
  const found = new Map<string, { file: string; bytes: Buffer; ran: string[]; whole: boolean }>()
  for (const name of existsSync(codeDir()) ? readdirSync(codeDir()) : []) {
    expect(name, 'a temporary file left behind').toMatch(/\.bin$/)
    const bytes = readFileSync(path.join(codeDir(), name))
    const end = bytes.indexOf(10)
    const head = JSON.parse(bytes.subarray(0, end).toString())
    found.set(name.split('.')[0]!, { file: path.join(codeDir(), name), bytes, ran: head.ran, whole: crc32(bytes.subarray(end + 1)) === head.crc32 })
  }
  return found
}

/** A change of the cli part's code (its usage line), so that it is bundled anew. */
function changeCli(usage: string) {
  const file = path.join(installation, 'pipeline/cli.ts')
  writeFileSync(file, readFileSync(file, 'utf8').replace(/const USAGE = `Usage[^:]*:/, `const USAGE = \`${usage}`))
}

const outputFiles = () => readdirSync(path.join(project, 'output'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
const published = () => Object.fromEntries(outputFiles().map((file) => [path.relative(project, file), readFileSync(file).toString('base64')]))

beforeAll(() => {
  installation = tempDir('press-installation-')
  cpSync(path.join(REPO, 'bin'), path.join(installation, 'bin'), { recursive: true })
  cpSync(path.join(REPO, 'pipeline'), path.join(installation, 'pipeline'), { recursive: true, filter: (source) => !path.basename(source).startsWith('.build') })
  cpSync(path.join(REPO, 'package-lock.json'), path.join(installation, 'package-lock.json'))
  symlinkSync(path.join(REPO, 'node_modules'), path.join(installation, 'node_modules'))
  project = smallProject()
})

describe('the code cache of the bundle', () => {
  it('is made by a build that ran, under .cache/code/ and not in output/, and read back as it is', () => {
    press(['--locale', 'en', '--format', 'html'])
    const first = caches()
    expect([...first.keys()].sort()).toEqual(['build', 'cli'])
    expect([...first.values()].every((cache) => cache.whole)).toBe(true)
    expect(first.get('build')!.ran).toEqual(['html:latin'])
    expect(outputFiles().filter((file) => file.endsWith('.bin') || file.includes('code'))).toEqual([])
    // Read back by the next builds (a forced one runs the build part; a nothing-changed one only the cli part): not made again.
    press(['--locale', 'en', '--format', 'html', '--force'])
    press(['--locale', 'en', '--format', 'html'])
    const second = caches()
    for (const part of ['build', 'cli']) expect(second.get(part)!.bytes.equals(first.get(part)!.bytes), part).toBe(true)
  })

  it('runs parts written in ASCII, read one byte a character; a part in other UTF-8 is read as UTF-8', () => {
    // esbuild copies a comment's characters as they are (a curly quote in a library's comment), and V8 would
    // hold the whole part two bytes a character, decoded from UTF-8 in every build.
    for (const name of ['cli', 'build', 'merge-manifests']) {
      const bytes = readFileSync(path.join(installation, 'pipeline/.build', `${name}.cjs`))
      expect(bytes.findIndex((byte) => byte > 0x7f), name).toBe(-1)
    }
    const file = path.join(tempDir('press-part-'), 'part.cjs')
    writeFileSync(file, '// don\u2019t\nmodule.exports = "\u041a\u0430\u0437\u0430\u049b\u0441\u0442\u0430\u043d"\n')
    const read = spawnSync(process.execPath, ['--input-type=module', '-e', `import { readPart } from ${JSON.stringify(path.join(installation, 'bin/load-parts.mjs'))}; process.stdout.write(readPart(${JSON.stringify(file)}))`], { encoding: 'utf8', env: ENV })
    expect(read.stdout).toBe(readFileSync(file, 'utf8'))
  })

  it('is made again when its bytes are damaged (V8 would take them), and the build is the same', () => {
    const before = published()
    const { file, bytes } = caches().get('build')!
    const damaged = Buffer.from(bytes)
    for (let at = bytes.length - 200_000; at < bytes.length; at += 997) damaged[at] = damaged[at]! ^ 0x5a
    writeFileSync(file, damaged)
    press(['--locale', 'en', '--format', 'html', '--force'])
    expect(published()).toEqual(before)
    const after = caches().get('build')!
    expect(after.whole).toBe(true)
    expect(after.bytes.equals(damaged)).toBe(false)
  })

  it('is made again when V8 refuses it (whole, but not V8 data of this script)', () => {
    const { file } = caches().get('build')!
    const foreign = Buffer.from('not a code cache of this script'.repeat(100))
    writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify({ crc32: crc32(foreign), ran: ['html:latin'] })}\n`), foreign]))
    press(['--locale', 'en', '--format', 'html', '--force'])
    const after = caches().get('build')!
    expect(after.whole).toBe(true)
    expect(after.bytes.length).toBeGreaterThan(100_000)
  })

  it('is made again when a build runs a format the cached ones did not, keeping both', () => {
    const before = caches().get('build')!
    press(['--locale', 'en', '--format', 'pdf'])
    const after = caches().get('build')!
    expect(after.ran).toEqual(['html:latin', 'pdf:latin'])
    expect(after.bytes.length).toBeGreaterThan(before.bytes.length)
    // HTML and PDF again: covered, not made again.
    press(['--locale', 'en', '--format', 'html,pdf', '--force'])
    expect(caches().get('build')!.bytes.equals(after.bytes)).toBe(true)
  })

  it('is made again when a build runs a script the cached ones did not (Arabic and Chinese lines after English), then not again', () => {
    const english = caches().get('build')!
    press(['--locale', 'en,ar,zh', '--format', 'html,pdf', '--force'])
    const all = caches().get('build')!
    expect(all.ran).toEqual(['html:arabic', 'html:cjk', 'html:latin', 'pdf:arabic', 'pdf:cjk', 'pdf:latin'])
    expect(all.bytes.length).toBeGreaterThan(english.bytes.length)
    press(['--locale', 'ar,zh', '--format', 'pdf', '--force'])
    expect(caches().get('build')!.bytes.equals(all.bytes)).toBe(true)
  })

  it('notes a writer that ran, not one whose edition came from the editions\' cache', () => {
    // Into .cache/editions/ (a forced build leaves it alone), then a build that takes every PDF from there.
    press(['--locale', 'en,ar,zh', '--format', 'html,pdf'])
    rmSync(caches().get('build')!.file)
    rmSync(path.join(project, 'output/en/interview.html'))
    press(['--locale', 'en,ar,zh', '--format', 'html,pdf'])
    // No PDF writer ran (had one, its script's pdf: would be noted).
    expect(caches().get('build')!.ran).toEqual(['html:arabic', 'html:cjk', 'html:latin'])
  })

  it('follows the bundle: a changed part gets a new cache, and its old one goes', () => {
    const before = caches()
    changeCli('Usage (changed):')
    press(['--locale', 'en', '--format', 'html', '--force'])
    const after = caches()
    expect(path.basename(after.get('cli')!.file)).not.toBe(path.basename(before.get('cli')!.file))
    expect(existsSync(before.get('cli')!.file)).toBe(false)
    // The build part's text did not change: its cache stays.
    expect(after.get('build')!.file).toBe(before.get('build')!.file)
  })

  it('stays whole when builds make it at once', async () => {
    rmSync(codeDir(), { recursive: true, force: true })
    const builds = Array.from({ length: 4 }, () => new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [path.join(installation, 'bin/press.mjs'), 'build', '--quiet', '--locale', 'en', '--format', 'html', '--force'], { cwd: project, env: ENV, stdio: 'ignore' })
      child.on('close', resolve)
    }))
    expect(await Promise.all(builds)).toEqual([0, 0, 0, 0])
    const made = caches()
    expect([...made.keys()].sort()).toEqual(['build', 'cli'])
    expect([...made.values()].every((cache) => cache.whole)).toBe(true)
  })

  it('refuses a part other than the one parts.json lists (the bundle replaced while a build ran), and caches nothing of it', () => {
    press(['--locale', 'en', '--format', 'html', '--force'])
    const file = path.join(installation, 'pipeline/.build/build.cjs')
    const original = readFileSync(file, 'latin1')
    expect(original).toContain('skip-link')
    // The same length: V8 would take the listed text's cache for it, and a later build would run this code.
    writeFileSync(file, original.replaceAll('skip-link', 'skip-lenk'), 'latin1')
    rmSync(caches().get('build')!.file)
    const child = spawnSync(process.execPath, [path.join(installation, 'bin/press.mjs'), 'build', '--quiet', '--locale', 'en', '--format', 'html', '--force'], { cwd: project, encoding: 'utf8', env: ENV })
    writeFileSync(file, original, 'latin1')
    expect(child.status).not.toBe(0)
    expect(child.stderr).toContain('was replaced while this build ran')
    expect(caches().has('build')).toBe(false)
    press(['--locale', 'en', '--format', 'html', '--force'])
    expect(readFileSync(path.join(project, 'output/en/interview.html'), 'utf8')).toContain('skip-link')
  })

  it('makes the editions again when a file of bin/ that bundles, loads or sets up the bundle changes', () => {
    const build = () => spawnSync(process.execPath, [path.join(installation, 'bin/press.mjs'), 'build', '--locale', 'en', '--format', 'html'], { cwd: project, encoding: 'utf8', env: ENV }).stdout
    build()
    expect(build()).not.toContain('wrote en/interview.html')
    for (const name of ['bundle-parts.mjs', 'load-parts.mjs', 'code-cache-file.mjs', 'sweep-code-cache.mjs', 'processes.mjs', 'v8-flags.mjs']) {
      const file = path.join(installation, 'bin', name)
      const original = readFileSync(file, 'utf8')
      writeFileSync(file, `${original}\n// changed\n`)
      expect(build(), name).toContain('wrote en/interview.html')
      writeFileSync(file, original)
      build()
    }
  })

  it('bundles an edit whose modification time and size were kept, and makes its editions again', () => {
    const file = path.join(installation, 'pipeline/render/html.ts')
    const original = readFileSync(file, 'utf8')
    // A whole second: what utimes sets is what it reads back.
    const time = new Date(1_700_000_000_000)
    const page = () => readFileSync(path.join(project, 'output/en/interview.html'), 'utf8')
    const edit = (text: string) => {
      writeFileSync(file, text)
      utimesSync(file, time, time)
    }
    edit(original)
    press(['--locale', 'en', '--format', 'html'])
    expect(page()).toContain('class="skip-link"')
    // The same size, the modification time set back (as `cp -p`, `touch -r` or an archive's extraction keep it).
    edit(original.replace("h('a.skip-link'", "h('a.skip-lonk'"))
    press(['--locale', 'en', '--format', 'html'])
    expect(page()).toContain('class="skip-lonk"')
    edit(original)
    press(['--locale', 'en', '--format', 'html'])
    expect(page()).toContain('class="skip-link"')
  })

  it('keeps a part\'s four caches of other Node.js versions or V8 flags last used, and removes older ones, earlier texts and killed writers\' files (a live one\'s stay: a bundling killed midway, below)', () => {
    press(['--locale', 'en', '--format', 'html', '--force'])
    const inUse = caches()
    const [part, id] = path.basename(inUse.get('cli')!.file).split('.')
    const hour = 3600
    const now = Date.now() / 1000
    // Six caches of the cli part's text for other flags, last read 1 to 6 hours ago (their read time counts).
    const others = [1, 2, 3, 4, 5, 6].map((hours) => {
      const file = path.join(codeDir(), `${part}.${id}.${hours}0ff50b6-8a2f2fcc.v18.${hours}.0.bin`)
      writeFileSync(file, 'an old cache')
      utimesSync(file, now - hours * hour, now - 10 * hour)
      return file
    })
    const earlier = path.join(codeDir(), 'build.0123456789abcdef.a0ff50b6-8a2f2fcc.v20.20.2.bin')
    const killed = path.join(codeDir(), `.${path.basename(inUse.get('build')!.file)}.${deadPid()}.0badc0de.tmp`)
    const recent = path.join(codeDir(), `.${path.basename(inUse.get('build')!.file)}.${deadPid()}.0000beef.tmp`)
    for (const file of [earlier, killed, recent]) writeFileSync(file, 'left')
    utimesSync(killed, now - hour, now - hour)

    // A nothing-changed build (the cli part alone, its cache in place) writes nothing and sweeps nothing.
    press(['--locale', 'en', '--format', 'html'])
    expect([...others, earlier, killed, recent].every((file) => existsSync(file))).toBe(true)

    // A build that runs the build part sweeps: the installation's folder, though the project is elsewhere.
    press(['--locale', 'en', '--format', 'html', '--force'])
    expect(others.map((file) => existsSync(file))).toEqual([true, true, true, true, false, false])
    expect(existsSync(earlier)).toBe(false)
    expect(existsSync(killed)).toBe(false)
    expect(existsSync(recent), 'a file changed less than ten minutes ago').toBe(true)
    for (const file of [...others, recent]) rmSync(file, { force: true })
    expect([...caches().values()].map((cache) => cache.file).sort()).toEqual([...inUse.values()].map((cache) => cache.file).sort())
  })

  it('says in one line what to do with a bundle whose parts.json lists no CRC-32 (an older or damaged bundle)', () => {
    press(['--locale', 'en', '--format', 'html', '--force'])
    const dir = path.join(installation, 'pipeline/.build')
    const file = path.join(dir, 'parts.json')
    const listed = readFileSync(file, 'utf8')
    writeFileSync(file, JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(listed) as Record<string, { id: string }>).map(([name, { id }]) => [name, { id }]))))
    const child = spawnSync(process.execPath, [path.join(installation, 'bin/press.mjs'), 'build', '--quiet', '--locale', 'en', '--format', 'html', '--force'], { cwd: project, encoding: 'utf8', env: ENV })
    writeFileSync(file, listed)
    expect(child.status).toBe(1)
    expect(child.stderr.trim().split('\n')).toEqual([`error: ${file} does not list each part's id and CRC-32 (an older or damaged bundle): delete ${dir} and run the build again, which bundles anew`])
  })

  it('is neither read nor made with NODE_DISABLE_COMPILE_CACHE=1', () => {
    rmSync(codeDir(), { recursive: true, force: true })
    press(['--locale', 'en', '--format', 'html', '--force'], { NODE_DISABLE_COMPILE_CACHE: '1' })
    expect(existsSync(codeDir())).toBe(false)
  })
})

describe('a bundling killed midway', () => {
  it('leaves its folder until the next bundling, which removes it; a running bundler\'s stays', () => {
    const dead = path.join(installation, 'pipeline', `.build.${deadPid()}`)
    const live = path.join(installation, 'pipeline', `.build.${process.pid}`)
    for (const folder of [dead, live]) {
      mkdirSync(folder)
      writeFileSync(path.join(folder, 'cli.cjs'), '')
    }
    changeCli('Usage (changed again):')
    press(['--locale', 'en', '--format', 'html'])
    expect(existsSync(dead)).toBe(false)
    expect(existsSync(live)).toBe(true)
    rmSync(live, { recursive: true })
  })
})
