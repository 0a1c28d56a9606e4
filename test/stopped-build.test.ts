/**
 * A build stopped by an error after editions failed reports each failure and
 * then the error, once: when the editions failed for the very reason that
 * stopped the build (one missing WOFF2 encoder fails every page, then the
 * index), the reason is said once, not twice.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type Failure, reportFailure, StoppedBuild } from '../pipeline/report.ts'

const ENCODER = 'Cannot load the WOFF2 encoder (@napi-rs/ttf2woff2) for this platform (linux-x64): not found; run npm install again so that npm adds its package for this platform'
const pages: Failure[] = ['en', 'kk'].map((locale) => ({ doc: 'interview', locale, format: 'html', reason: ENCODER }))

afterEach(() => {
  vi.restoreAllMocks()
})

function printed(error: unknown): { lines: string[]; code: number } {
  const lines: string[] = []
  vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line))
  const code = reportFailure(error)
  return { lines, code }
}

describe('a stopped build', () => {
  it('says a reason its failed editions share with the error that stopped it once', () => {
    expect(printed(new StoppedBuild(new Error(ENCODER), pages))).toEqual({ lines: [`error interview (en html, kk html): ${ENCODER}`], code: 1 })
  })

  it('says the error that stopped it after the editions\' failures when it is another', () => {
    expect(printed(new StoppedBuild(new Error('Cannot write index.html: the disk is full'), pages))).toEqual({
      lines: [`error interview (en html, kk html): ${ENCODER}`, 'error: Cannot write index.html: the disk is full'], code: 1
    })
  })
})
