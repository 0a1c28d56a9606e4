/** The build's publisher: a file whose bytes did not change is not written again (README, "What npm run build:all writes"). */
import { mkdtempSync, statSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openOutput } from '../pipeline/output/publish.ts'

describe('openOutput().publish', () => {
  it('leaves a file with the same bytes as it is (its date too), and writes one whose bytes changed', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'press-publish-')), 'out')
    {
      await using output = await openOutput(dir)
      await output.publish('en/a.html', 'same', 'a', 'en', 'html')
      await output.publish('en/b.html', 'old', 'b', 'en', 'html')
    }
    const past = new Date(Date.UTC(2001, 0, 1))
    for (const name of ['en/a.html', 'en/b.html']) utimesSync(path.join(dir, name), past, past)
    {
      await using output = await openOutput(dir)
      await output.publish('en/a.html', 'same', 'a', 'en', 'html')
      await output.publish('en/b.html', 'new', 'b', 'en', 'html')
      expect(output.written.map((entry) => entry.path)).toEqual(['en/a.html', 'en/b.html'])
    }
    expect(statSync(path.join(dir, 'en/a.html')).mtime).toEqual(past)
    expect(statSync(path.join(dir, 'en/b.html')).mtime).not.toEqual(past)
  })
})
