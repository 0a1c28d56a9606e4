import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests build real editions; the machines are shared and slow.
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
