/**
 * Finding the validators' programs. A missing tool fails the run with how to
 * install it: no check is ever skipped.
 */
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

export class MissingTool extends Error {
  override name = 'MissingTool'
}

export function requireCommand(command: string, install: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim()
  } catch {
    throw new MissingTool(`${command} is not installed: ${install}`)
  }
}

export function requireFile(file: string, install: string): string {
  if (!existsSync(file)) throw new MissingTool(`${file} is missing: ${install}`)
  return file
}
