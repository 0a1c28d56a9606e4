import { defineConfig } from 'vitest/config'

/**
 * Three tiers (README, "Tests"):
 *   unit  test/**\/*.test.ts: pure functions and plugins over trees, fixtures in
 *         test/fixtures/; no child process, no whole build (test/helpers/unit-tier.ts
 *         refuses both), seconds in all.
 *   e2e   test/**\/*.e2e.test.ts: real builds, commands as child processes, files read
 *         back by poppler, MuPDF, pdf.js, EPUBCheck's reading order, chromium.
 *   fuzz  test/fuzz.test.ts, test/fuzz-files.test.ts: property-based, apart (`npm run test:fuzz`).
 *   lines test/node-lines.e2e.test.ts: the same bytes on two Node.js lines; it needs Node.js 24
 *         in .cache/tools (`npm run setup:node24`), so it is apart (`npm run test:node-lines`,
 *         which .ci/run runs) and `npm test` passes on a fresh clone without it.
 */
export default defineConfig({
  test: {
    // Only the unit tier runs in the threads pool (below); the other tiers keep
    // the default forks pool, a fresh process per file. Whether a pool reuses its
    // workers is read from here, not from the project.
    poolOptions: { threads: { isolate: false } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.e2e.test.ts', 'test/fuzz.test.ts', 'test/fuzz-files.test.ts', 'test/conformance/**'],
          setupFiles: ['test/helpers/unit-tier.ts'],
          // One module graph per worker thread, not one per file: the pipeline, its
          // fonts and harfbuzz load once instead of 22 times, which halves the tier's
          // CPU. Safe because unit tests share no mutable state (fonts and caches are
          // read-only once loaded) and the setup file's mocks apply to every file.
          pool: 'threads',
          isolate: false,
          testTimeout: 10_000
        }
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          exclude: ['test/node-lines.e2e.test.ts'],
          // End-to-end tests build real editions; the machines are shared and slow.
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      },
      {
        extends: true,
        test: { name: 'lines', include: ['test/node-lines.e2e.test.ts'], testTimeout: 600_000, hookTimeout: 120_000 }
      },
      {
        extends: true,
        test: { name: 'fuzz', include: ['test/fuzz.test.ts', 'test/fuzz-files.test.ts'], testTimeout: 600_000, hookTimeout: 120_000 }
      }
    ]
  }
})
