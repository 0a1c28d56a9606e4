/**
 * The build command as a person runs it, in a child process of its own:
 * `node --import tsx pipeline/cli.ts` (one process, so a signal sent to it
 * reaches the build itself and not a wrapper).
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { REPO } from './project.ts'

const TSX = pathToFileURL(createRequire(path.join(REPO, 'package.json')).resolve('tsx')).href
export const CLI = path.join(REPO, 'pipeline/cli.ts')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** `script`: another command of the project (pipeline/translation/cli.ts) instead of the build. */
export function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, script = CLI): CliResult {
  const child = spawnSync(process.execPath, ['--import', TSX, script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env } })
  return { code: child.status, stdout: child.stdout, stderr: child.stderr }
}

export function startCli(cwd: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: '' } })
}

/** Resolves with the exit code (or signal) and everything printed. */
export function finished(child: ChildProcessWithoutNullStreams): Promise<CliResult & { signal: NodeJS.Signals | null }> {
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })))
}
