/**
 * The unit tier's promise: no child process and no whole build, so it runs
 * in seconds anywhere. A unit test that starts either fails here with the
 * fix, instead of slowly making the tier an end-to-end tier.
 */
import { vi } from 'vitest'

const refuse = (what: string) => () => {
  throw new Error(`A unit test may not ${what}: name the file *.e2e.test.ts (see README, "Tests")`)
}

vi.mock('node:child_process', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:child_process')>()
  const spawning = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const
  return { ...original, ...Object.fromEntries(spawning.map((name) => [name, refuse(`start a child process (${name})`)])) }
})

vi.mock('../../pipeline/build.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../pipeline/build.ts')>()
  return { ...original, build: refuse('run a whole build') }
})
